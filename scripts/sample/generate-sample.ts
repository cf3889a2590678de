import { dayFromCivil, formatDay } from '../../src/lib/days';
import { createRng, type Rng } from '../../src/lib/rng';
import { GENRES, type GenreSpec } from './genres';

/**
 * A deterministic stand-in for the Netflix Prize training data, calibrated to published facts about it:
 * stars 1–5 with shares near 5/10/29/34/23 % (mean ≈ 3.6), dates 1999-11-11 … 2005-12-31 with activity growing
 * over time, heavy-tailed ratings per user and per movie. Movies belong to planted genres, and users like and
 * watch genres with tastes that drift over time, so clustering finds the genres and sequences carry signal.
 */
export interface SampleOptions {
  seed: number;
  users: number;
  movies: number;
  /** Mean of the (heavy-tailed) number of ratings per user. */
  meanRatingsPerUser: number;
}

export const DEFAULT_SAMPLE_OPTIONS: SampleOptions = {
  seed: 20061002, // the day the Netflix Prize was announced
  users: 4000,
  movies: 800,
  meanRatingsPerUser: 90,
};

/**
 * Shares of 1…5 stars in the Netflix Prize training set. The published rounded shares, 5/10/29/34/23 %, sum to
 * 101 %; these are the same shares divided by 1.01 so that they sum to one (mean ≈ 3.59).
 */
export const TARGET_STAR_SHARES = [5, 10, 29, 34, 23].map((percent) => percent / 101);
export const FIRST_DAY = dayFromCivil(1999, 11, 11);
export const LAST_DAY = dayFromCivil(2005, 12, 31);

export interface SampleMovie {
  id: number;
  title: string;
  year: number | null;
  genre: number;
}

export interface GeneratedSample {
  options: SampleOptions;
  genres: string[];
  movies: SampleMovie[];
  /** Netflix customer id of each user index. */
  customerIds: Int32Array;
  /** One row per rating: user index, movie index (id − 1), stars 1–5, day number. Ordered by movie. */
  user: Uint32Array;
  movie: Uint32Array;
  stars: Uint8Array;
  day: Uint16Array;
}

const SELECTION_STRENGTH = 1.2;
const TASTE_SD = 0.8;
const DRIFT_SD = 0.7;
const USER_BIAS_SD = 0.35;
const MOVIE_QUALITY_SD = 0.45;
const NOISE_SD = 0.55;
/** Growth of new users over the six years: e^2.5 ≈ 12× more joined per day at the end than at the start. */
const USER_GROWTH = 2.5;

export function generateSample(options: SampleOptions = DEFAULT_SAMPLE_OPTIONS): GeneratedSample {
  const rng = createRng(options.seed);
  const movies = makeMovies(options.movies, rng.fork(1));
  const quality = Float64Array.from(movies, () => 0);
  const popularity = new Float64Array(movies.length);
  const movieRng = rng.fork(2);
  for (let i = 0; i < movies.length; i++) {
    quality[i] = movieRng.normal() * MOVIE_QUALITY_SD;
    popularity[i] = Math.exp(movieRng.normal() * 1.3);
  }
  const availableFrom = Int32Array.from(movies, (m) =>
    m.year !== null && m.year >= 2000 ? Math.max(FIRST_DAY, dayFromCivil(m.year, 1, 1)) : FIRST_DAY,
  );
  const byGenre = GENRES.map((_, g) =>
    movies.map((m, i) => (m.genre === g ? i : -1)).filter((i) => i >= 0),
  );
  const genreWeight = byGenre.map((list) => list.reduce((sum, i) => sum + popularity[i], 0));
  const genreCdf = byGenre.map((list) => cumulative(list.map((i) => popularity[i])));

  const userRng = rng.fork(3);
  const customerIds = distinctCustomerIds(options.users, userRng.fork(0));
  const rows: { user: number[]; movie: number[]; score: number[]; day: number[] } = {
    user: [],
    movie: [],
    score: [],
    day: [],
  };
  const span = LAST_DAY - FIRST_DAY;
  const seen = new Uint8Array(movies.length);
  const taste = new Float64Array(GENRES.length);
  const drift = new Float64Array(GENRES.length);
  const weights = new Float64Array(GENRES.length);
  const logMean = Math.log(options.meanRatingsPerUser) - 0.5; // lognormal(σ = 1) has mean e^(μ + ½)

  for (let u = 0; u < options.users; u++) {
    const r = userRng.fork(u + 1);
    for (let g = 0; g < GENRES.length; g++) {
      taste[g] = r.normal() * TASTE_SD;
      drift[g] = r.normal() * DRIFT_SD;
    }
    const bias = r.normal() * USER_BIAS_SD;
    const count = Math.max(
      1,
      Math.min(Math.round(movies.length * 0.6), Math.round(Math.exp(logMean + r.normal()))),
    );
    const join = Math.log(1 + r.next() * (Math.exp(USER_GROWTH) - 1)) / USER_GROWTH;
    const active = (1 - join) * (0.05 + 0.95 * r.next());
    const times = Array.from({ length: count }, () => r.next()).sort((a, b) => a - b);
    seen.fill(0);
    for (const t of times) {
      const day = Math.min(LAST_DAY, FIRST_DAY + Math.floor((join + t * active) * span));
      for (let g = 0; g < GENRES.length; g++) {
        weights[g] = genreWeight[g] * Math.exp(SELECTION_STRENGTH * (taste[g] + t * drift[g]));
      }
      const pick = pickMovie(r, weights, byGenre, genreCdf, seen, availableFrom, day);
      if (pick < 0) continue;
      seen[pick] = 1;
      const g = movies[pick].genre;
      rows.user.push(u);
      rows.movie.push(pick);
      rows.day.push(day);
      rows.score.push(bias + quality[pick] + taste[g] + t * drift[g] + r.normal() * NOISE_SD);
    }
  }

  const stars = starsFromScores(Float64Array.from(rows.score));
  const order = countingSortBy(rows.movie, movies.length);
  return {
    options,
    genres: GENRES.map((g) => g.name),
    movies,
    customerIds,
    user: Uint32Array.from(order, (k) => rows.user[k]),
    movie: Uint32Array.from(order, (k) => rows.movie[k]),
    stars: Uint8Array.from(order, (k) => stars[k]),
    day: Uint16Array.from(order, (k) => rows.day[k]),
  };
}

/** A genre by taste-weighted popularity, then a movie of it by popularity; unseen and already released. */
function pickMovie(
  r: Rng,
  weights: Float64Array,
  byGenre: number[][],
  genreCdf: Float64Array[],
  seen: Uint8Array,
  availableFrom: Int32Array,
  day: number,
): number {
  const genreTotals = cumulative(Array.from(weights));
  for (let attempt = 0; attempt < 50; attempt++) {
    const g = searchCdf(genreTotals, r.next());
    const candidate = byGenre[g][searchCdf(genreCdf[g], r.next())];
    if (candidate !== undefined && !seen[candidate] && availableFrom[candidate] <= day)
      return candidate;
  }
  return -1;
}

function cumulative(values: number[]): Float64Array {
  const out = new Float64Array(values.length);
  let sum = 0;
  values.forEach((v, i) => (out[i] = sum += v));
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

function searchCdf(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Cuts the latent scores at the quantiles that give the target star shares. */
function starsFromScores(scores: Float64Array): Uint8Array {
  const sorted = Float64Array.from(scores).sort();
  const cuts: number[] = [];
  let share = 0;
  for (let s = 0; s < 4; s++) {
    share += TARGET_STAR_SHARES[s];
    cuts.push(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]);
  }
  return Uint8Array.from(scores, (x) => 1 + cuts.filter((c) => x >= c).length);
}

function countingSortBy(keys: number[], size: number): Uint32Array {
  const start = new Uint32Array(size + 1);
  for (const k of keys) start[k + 1]++;
  for (let i = 0; i < size; i++) start[i + 1] += start[i];
  const order = new Uint32Array(keys.length);
  keys.forEach((k, index) => (order[start[k]++] = index));
  return order;
}

const NETFLIX_MAX_CUSTOMER_ID = 2_649_429;

function distinctCustomerIds(count: number, r: Rng): Int32Array {
  const taken = new Set<number>();
  const ids = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let id = 1 + r.int(NETFLIX_MAX_CUSTOMER_ID);
    while (taken.has(id)) id = 1 + r.int(NETFLIX_MAX_CUSTOMER_ID);
    taken.add(id);
    ids[i] = id;
  }
  return ids;
}

const GENRE_ERAS: Record<string, [number, number]> = {
  'Film Noir': [1940, 1959],
  Western: [1948, 1978],
  Musical: [1950, 1985],
  'War Epic': [1955, 2004],
  Anime: [1984, 2005],
  'Stand-up Comedy': [1985, 2005],
};

function makeMovies(count: number, r: Rng): SampleMovie[] {
  const used = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const genre = r.int(GENRES.length);
    const spec = GENRES[genre];
    const [from, to] = GENRE_ERAS[spec.name] ?? [1965, 2005];
    // Skewed towards recent years, like the catalogue: the square root pulls draws to the end of the era.
    const year = r.next() < 0.01 ? null : from + Math.floor(Math.sqrt(r.next()) * (to - from + 1));
    let title = makeTitle(spec, r);
    for (let sequel = 2; used.has(title); sequel++)
      title = `${makeTitle(spec, r)} ${ROMAN[sequel % ROMAN.length]}`;
    used.add(title);
    return { id: i + 1, title, year, genre };
  });
}

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function makeTitle(spec: GenreSpec, r: Rng): string {
  const adj = () => spec.adjectives[r.int(spec.adjectives.length)];
  const noun = () => spec.nouns[r.int(spec.nouns.length)];
  /** Two different nouns, so that no title reads "Serenade of the Serenade". */
  const nouns = (): [string, string] => {
    const first = noun();
    let second = noun();
    while (second === first) second = noun();
    return [first, second];
  };
  switch (r.int(7)) {
    case 0:
      return `The ${adj()} ${noun()}`;
    case 1: {
      const [a, b] = nouns();
      return `${a} of the ${b}`;
    }
    case 2:
      return `${adj()} ${noun()}`;
    case 3: {
      const [a, b] = nouns();
      return `${a}: ${adj()} ${b}`;
    }
    case 4: {
      const [a, b] = nouns();
      return `${a}, ${b} and ${noun()}`; // commas, as in real titles
    }
    case 5:
      return `${adj()} ${noun()} ${ROMAN[2 + r.int(3)]}`;
    default:
      return `${noun()}`;
  }
}

/** The ratings in the Kaggle combined_data format, one block per movie, as text pieces. */
export function* netflixRatingsText(sample: GeneratedSample): Generator<string> {
  let k = 0;
  const n = sample.user.length;
  while (k < n) {
    const m = sample.movie[k];
    const lines = [`${m + 1}:`];
    for (; k < n && sample.movie[k] === m; k++) {
      lines.push(
        `${sample.customerIds[sample.user[k]]},${sample.stars[k]},${formatDay(sample.day[k])}`,
      );
    }
    yield `${lines.join('\n')}\n`;
  }
}

/** movie_titles in the Netflix format: `MovieID,YearOfRelease,Title`, no header, no quoting. */
export function netflixTitlesText(sample: GeneratedSample): string {
  return sample.movies.map((m) => `${m.id},${m.year ?? 'NULL'},${m.title}\n`).join('');
}

/** Latin-1 bytes, as the real movie_titles file is encoded. */
export function encodeLatin1(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) throw new Error(`character ${text[i]} has no Latin-1 byte`);
    bytes[i] = c;
  }
  return bytes;
}
