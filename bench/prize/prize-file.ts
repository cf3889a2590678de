/**
 * A full-size stand-in for the Netflix Prize training set, written once into bench/data for `npm run
 * bench:prize`: 480,189 customers whose ids are spread over the real range 1 … 2,649,429, 17,770 movies,
 * 100,480,507 ratings dated 1999-11-11 … 2005-12-31, in the `MovieID:` / `CustomerID,Rating,Date` format, plus
 * a `probe.txt` of 1,408,395 (movie, customer) pairs taken from each customer's most recent ratings, as the
 * Prize built its probe set. `scale` shrinks customers, ratings and probe pairs together (movies stay 17,770).
 *
 * Counts are heavy-tailed like the real data's (per customer: mean ≈ 209, median ≈ 96, at most ~17,000; per
 * movie: mean ≈ 5,654, median ≈ 561, at most 232,944) and every customer rates at least once. Stars come from
 * a planted model (biases, four latent factors, a per-customer drift over time, noise) cut at thresholds that
 * give the training set's star shares, so that factor models have something to find. Deterministic per seed.
 */
import { closeSync, existsSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { createRng, type Rng } from '../../src/lib/rng';
import { formatDay } from '../../src/lib/days';
import { FIRST_DAY, LAST_DAY, TARGET_STAR_SHARES } from '../../scripts/sample/generate-sample';

export interface PrizeFileOptions {
  seed: number;
  /** 1 for the Prize's own size. */
  scale: number;
}

/** The Netflix Prize's own counts. */
export const PRIZE_SIZE = {
  users: 480_189,
  movies: 17_770,
  ratings: 100_480_507,
  probePairs: 1_408_395,
  maxCustomerId: 2_649_429,
  maxRatingsPerMovie: 232_944,
  maxRatingsPerUser: 17_000,
};

export interface PrizeFileCounts {
  users: number;
  movies: number;
  ratings: number;
  probePairs: number;
}

export function prizeCounts(scale: number): PrizeFileCounts {
  return {
    users: Math.round(PRIZE_SIZE.users * scale),
    movies: PRIZE_SIZE.movies,
    ratings: Math.round(PRIZE_SIZE.ratings * scale),
    probePairs: Math.round(PRIZE_SIZE.probePairs * scale),
  };
}

const FACTORS = 4;
/** Variances of the planted score's parts; they sum to 1 so the star thresholds are standard-normal quantiles. */
const VAR = { user: 0.12, movie: 0.2, dot: 0.1, drift: 0.03 };
const NOISE_SD = Math.sqrt(1 - VAR.user - VAR.movie - VAR.dot - VAR.drift);
const WRITE_BUFFER = 64 << 20;
/** Most recent ratings remembered per customer for the probe (the probe takes at most this many). */
const RECENT = 4;

/** Writes `ratingsPath` and `probePath` unless both exist; returns their sizes in bytes. */
export function ensurePrizeFiles(
  ratingsPath: string,
  probePath: string,
  options: PrizeFileOptions,
): { ratingsBytes: number; probeBytes: number } {
  if (!existsSync(ratingsPath) || !existsSync(probePath))
    writePrizeFiles(ratingsPath, probePath, options);
  return { ratingsBytes: statSync(ratingsPath).size, probeBytes: statSync(probePath).size };
}

function writePrizeFiles(ratingsPath: string, probePath: string, options: PrizeFileOptions): void {
  const counts = prizeCounts(options.scale);
  const rng = createRng(options.seed);
  const customerIds = spreadIds(counts.users, PRIZE_SIZE.maxCustomerId, rng.fork(1));
  const userWeight = lognormals(counts.users, 1.25, rng.fork(2));
  const userCap = (PRIZE_SIZE.maxRatingsPerUser * counts.users) / counts.ratings;
  capWeights(userWeight, userCap);
  const maxPerMovie = Math.round(PRIZE_SIZE.maxRatingsPerMovie * options.scale);
  const movieQuota = quotas(counts.movies, counts.ratings, 2.15, maxPerMovie, rng.fork(3));
  const firstRating = firstMovies(counts.users, movieQuota, rng.fork(4));
  const model = plantedModel(counts.users, counts.movies, rng.fork(5));
  const thresholds = starThresholds();
  const dayText = dayBytes();
  const idText = customerIdBytes(customerIds);

  const recent = new Uint32Array(counts.users * RECENT);
  const ratingsOf = new Uint32Array(counts.users);
  const seenIn = new Int32Array(counts.users).fill(-1);
  const pick = aliasTable(userWeight);
  const draw = rng.fork(6);
  const out = new BufferedFile(`${ratingsPath}.partial`);

  const addRating = (m: number, u: number): void => {
    seenIn[u] = m;
    const span = model.lastDay[u] - model.firstDay[u];
    const offset = draw.int(span + 1);
    const day = model.firstDay[u] + offset;
    const along = span > 0 ? (2 * offset) / span - 1 : 0;
    let score =
      model.userBias[u] + model.movieBias[m] + model.drift[u] * along + NOISE_SD * draw.normal();
    for (let k = 0; k < FACTORS; k++)
      score += model.userFactors[u * FACTORS + k] * model.movieFactors[m * FACTORS + k];
    let stars = 1;
    while (stars < 5 && score > thresholds[stars - 1]) stars++;
    out.line(idText, u, stars, dayText, day);
    rememberRecent(recent, ratingsOf[u]++, u, day * 32768 + m);
  };

  for (let m = 0; m < counts.movies; m++) {
    out.header(m + 1);
    const seeded = firstRating.byMovie[m];
    for (const u of seeded) addRating(m, u);
    let tries = 0;
    for (let left = movieQuota[m] - seeded.length; left > 0;) {
      const u = pick(draw);
      if (seenIn[u] === m) {
        if (++tries > 100 * movieQuota[m])
          throw new Error(`movie ${m + 1}: too many customers taken`);
        continue;
      }
      addRating(m, u);
      left--;
    }
  }
  out.close();

  writeProbe(`${probePath}.partial`, recent, ratingsOf, customerIds, counts, rng.fork(7));
  renameSync(`${ratingsPath}.partial`, ratingsPath);
  renameSync(`${probePath}.partial`, probePath);
}

/** `count` distinct ids in 1 … max, the largest being max itself, in ascending order (selection sampling). */
function spreadIds(count: number, max: number, rng: Rng): Uint32Array {
  const ids = new Uint32Array(count);
  ids[count - 1] = max;
  let need = count - 1;
  for (let id = 1; id < max && need > 0; id++) {
    if (rng.next() * (max - id) < need) ids[count - 1 - need--] = id;
  }
  return ids;
}

function lognormals(count: number, sigma: number, rng: Rng): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = Math.exp(sigma * rng.normal());
  return out;
}

/** Rescales weights to mean 1 and caps each at `cap` times the mean, repeating until the mean stays 1. */
function capWeights(weights: Float64Array, cap: number): void {
  for (let round = 0; round < 20; round++) {
    let sum = 0;
    for (const w of weights) sum += w;
    const scale = weights.length / sum;
    let capped = false;
    for (let i = 0; i < weights.length; i++) {
      weights[i] *= scale;
      if (weights[i] > cap) {
        weights[i] = cap;
        capped = true;
      }
    }
    if (!capped) return;
  }
}

/** Ratings per movie: heavy-tailed, between 3 and `max`, summing to exactly `total`. */
function quotas(movies: number, total: number, sigma: number, max: number, rng: Rng): Int32Array {
  const weights = lognormals(movies, sigma, rng);
  capWeights(weights, (max * movies) / total);
  const out = new Int32Array(movies);
  let sum = 0;
  for (let m = 0; m < movies; m++)
    sum += out[m] = Math.max(3, Math.floor((weights[m] * total) / movies));
  for (let m = 0; sum !== total; m = (m + 1) % movies) {
    const step = sum < total ? 1 : -1;
    if (step > 0 ? out[m] < max : out[m] > 3) {
      out[m] += step;
      sum += step;
    }
  }
  return out;
}

/**
 * One movie per customer, drawn by the movies' quotas, so that every customer rates at least once; a movie
 * whose quota is smaller than the customers it got gives its excess back to the largest quotas.
 */
function firstMovies(users: number, quota: Int32Array, rng: Rng): { byMovie: number[][] } {
  const pick = aliasTable(Float64Array.from(quota));
  const byMovie: number[][] = Array.from({ length: quota.length }, () => []);
  for (let u = 0; u < users; u++) byMovie[pick(rng)].push(u);
  let excess = 0;
  for (let m = 0; m < quota.length; m++) {
    if (byMovie[m].length > quota[m]) {
      excess += byMovie[m].length - quota[m];
      quota[m] = byMovie[m].length;
    }
  }
  const largest = [...quota.keys()].sort((a, b) => quota[b] - quota[a]);
  for (let k = 0; excess > 0; k = (k + 1) % largest.length) {
    const m = largest[k];
    if (quota[m] > byMovie[m].length) {
      quota[m]--;
      excess--;
    }
  }
  return { byMovie };
}

/** Walker's alias method: a sampler of indices with probability proportional to `weights`. */
function aliasTable(weights: Float64Array): (rng: Rng) => number {
  const n = weights.length;
  let sum = 0;
  for (const w of weights) sum += w;
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) {
    prob[i] = (weights[i] * n) / sum;
    (prob[i] < 1 ? small : large).push(i);
  }
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    alias[s] = l;
    prob[l] += prob[s] - 1;
    (prob[l] < 1 ? small : large).push(l);
  }
  for (const i of [...small, ...large]) prob[i] = 1;
  return (rng) => {
    const x = rng.next() * n;
    const i = Math.floor(x);
    return x - i < prob[i] ? i : alias[i];
  };
}

function plantedModel(users: number, movies: number, rng: Rng) {
  const normals = (count: number, sd: number) => {
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = sd * rng.normal();
    return out;
  };
  // Var(p·q) = FACTORS · sd⁴ for independent normal factors with standard deviation sd.
  const factorSd = Math.pow(VAR.dot / FACTORS, 0.25);
  const firstDay = new Uint16Array(users);
  const lastDay = new Uint16Array(users);
  const span = LAST_DAY - FIRST_DAY;
  for (let u = 0; u < users; u++) {
    // Netflix grew: more customers joined later (start density rising linearly over the years).
    const start = FIRST_DAY + Math.floor(span * Math.sqrt(rng.next()));
    firstDay[u] = start;
    lastDay[u] = Math.min(LAST_DAY, start + Math.floor(-500 * Math.log(1 - rng.next())));
  }
  return {
    userBias: normals(users, Math.sqrt(VAR.user)),
    movieBias: normals(movies, Math.sqrt(VAR.movie)),
    // Drift times a uniform position in [−1, 1] (variance 1/3) has variance VAR.drift.
    drift: normals(users, Math.sqrt(3 * VAR.drift)),
    userFactors: normals(users * FACTORS, factorSd),
    movieFactors: normals(movies * FACTORS, factorSd),
    firstDay,
    lastDay,
  };
}

/** Standard-normal cut points between 1|2, 2|3, 3|4 and 4|5 stars for the training set's star shares. */
function starThresholds(): number[] {
  const cuts: number[] = [];
  let cumulative = 0;
  for (let s = 0; s < 4; s++) {
    cumulative += TARGET_STAR_SHARES[s];
    cuts.push(normalQuantile(cumulative));
  }
  return cuts;
}

/** Φ⁻¹(p) by bisection on erf's complement (plenty for four cut points). */
function normalQuantile(p: number): number {
  let lo = -8;
  let hi = 8;
  for (let k = 0; k < 100; k++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Φ(x), Abramowitz–Stegun 7.1.26 (error < 1.5e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** `YYYY-MM-DD` as bytes for every day in range, 10 bytes per day from FIRST_DAY on. */
function dayBytes(): Uint8Array {
  const out = new Uint8Array((LAST_DAY - FIRST_DAY + 1) * 10);
  for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
    const text = formatDay(d);
    for (let k = 0; k < 10; k++) out[(d - FIRST_DAY) * 10 + k] = text.charCodeAt(k);
  }
  return out;
}

/** Each customer's id as ASCII: byte 0 of each 8-byte slot is the length, then the digits. */
function customerIdBytes(ids: Uint32Array): Uint8Array {
  const out = new Uint8Array(ids.length * 8);
  ids.forEach((id, u) => {
    const text = String(id);
    out[u * 8] = text.length;
    for (let k = 0; k < text.length; k++) out[u * 8 + 1 + k] = text.charCodeAt(k);
  });
  return out;
}

/** Keeps a customer's RECENT largest keys (day · 32768 + movie), largest first. */
function rememberRecent(recent: Uint32Array, seen: number, u: number, key: number): void {
  const base = u * RECENT;
  const filled = Math.min(seen, RECENT);
  let k = filled < RECENT ? filled : RECENT - 1;
  if (filled === RECENT && key <= recent[base + RECENT - 1]) return;
  while (k > 0 && recent[base + k - 1] < key) {
    recent[base + k] = recent[base + k - 1];
    k--;
  }
  recent[base + k] = key;
}

/**
 * The probe: up to three of each customer's latest ratings (never a customer's only rating), trimmed or topped
 * up to RECENT in a seeded customer order until the total is exact; blocks of `MovieID:` then customer ids.
 */
function writeProbe(
  path: string,
  recent: Uint32Array,
  ratingsOf: Uint32Array,
  customerIds: Uint32Array,
  counts: PrizeFileCounts,
  rng: Rng,
): void {
  const users = customerIds.length;
  const take = new Uint8Array(users);
  let total = 0;
  for (let u = 0; u < users; u++) total += take[u] = Math.min(3, ratingsOf[u] - 1);
  const order = Uint32Array.from({ length: users }, (_, u) => u);
  for (let i = users - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (let pass = 0; total !== counts.probePairs && pass < RECENT; pass++) {
    for (let k = 0; k < users && total !== counts.probePairs; k++) {
      const u = order[k];
      if (total > counts.probePairs && take[u] > 0) {
        take[u]--;
        total--;
      } else if (total < counts.probePairs && take[u] < Math.min(RECENT, ratingsOf[u] - 1)) {
        take[u]++;
        total++;
      }
    }
  }
  const byMovie: number[][] = Array.from({ length: counts.movies }, () => []);
  for (let u = 0; u < users; u++)
    for (let k = 0; k < take[u]; k++) byMovie[recent[u * RECENT + k] % 32768].push(customerIds[u]);
  const out = new BufferedFile(path);
  byMovie.forEach((customers, m) => {
    if (customers.length === 0) return;
    out.text(`${m + 1}:\n${customers.join('\n')}\n`);
  });
  out.close();
}

/** Appends lines to a file through one large buffer. */
class BufferedFile {
  private readonly fd: number;
  private readonly buffer = new Uint8Array(WRITE_BUFFER);
  private at = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  private room(bytes: number): void {
    if (this.at + bytes > this.buffer.length) this.flush();
  }

  private flush(): void {
    writeSync(this.fd, this.buffer, 0, this.at);
    this.at = 0;
  }

  header(movieId: number): void {
    this.text(`${movieId}:\n`);
  }

  text(text: string): void {
    this.room(text.length);
    if (text.length > this.buffer.length) {
      writeSync(this.fd, text);
      return;
    }
    for (let k = 0; k < text.length; k++) this.buffer[this.at++] = text.charCodeAt(k);
  }

  /** `CustomerID,Stars,YYYY-MM-DD\n`. */
  line(idText: Uint8Array, u: number, stars: number, dayText: Uint8Array, day: number): void {
    this.room(24);
    const b = this.buffer;
    let at = this.at;
    const idAt = u * 8;
    const digits = idText[idAt];
    for (let k = 1; k <= digits; k++) b[at++] = idText[idAt + k];
    b[at++] = 44;
    b[at++] = 48 + stars;
    b[at++] = 44;
    const dayAt = (day - FIRST_DAY) * 10;
    for (let k = 0; k < 10; k++) b[at++] = dayText[dayAt + k];
    b[at++] = 10;
    this.at = at;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
