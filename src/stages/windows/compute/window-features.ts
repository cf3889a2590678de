import type { RatingsTable } from '../../ingest/compute/ratings-table';
import type { UserHistories } from './user-histories';
import { TEST, TRAIN, VALIDATION, type WindowSplit } from './window-split';

/**
 * Windows as the training worker consumes them, flat and row-major:
 * `x[((w × steps) + s) × features + f]` is feature f of step s of window w; `y[w]` its label.
 * `user`, `movie` and `day` name the label's rating, so every model can be scored on the same triples.
 */
export interface WindowSet {
  count: number;
  steps: number;
  features: number;
  x: Float32Array;
  y: Float32Array;
  user: Uint32Array;
  movie: Uint32Array;
  day: Uint16Array;
}

export interface FeatureOptions {
  /** Number of clusters k: the width of the one-hot block. */
  clusters: number;
  /** Append ln(1 + days since the user's previous rating) per step (0 for a user's first rating). */
  daysSincePrevious: boolean;
  /** Append the movie's mean rating over the training split's ratings only. */
  movieMean: boolean;
}

/**
 * The rating shown at the last step of every window, where the label is hidden. Ratings are ≥ 0.5 on every
 * scale we load, so 0 cannot be mistaken for a rating, and the last step is always the last, so no separate
 * "hidden" flag is needed.
 */
export const HIDDEN_RATING = 0;

/** Names of the features of one step, in order. */
export function featureNames(options: FeatureOptions): string[] {
  const names = Array.from({ length: options.clusters }, (_, c) => `cluster ${c}`);
  names.push('rating');
  if (options.daysSincePrevious) names.push('ln(1 + days since previous)');
  if (options.movieMean) names.push('movie mean (training)');
  return names;
}

/**
 * Each movie's mean over the training ratings (`ratingRole === TRAIN`); a movie without one gets the mean of
 * all training ratings. Computing it from training ratings only keeps held-out labels out of the inputs.
 */
export function trainingMovieMeans(
  table: RatingsTable,
  ratingRole: Uint8Array,
  movies: number,
): Float32Array {
  const sum = new Float64Array(movies);
  const count = new Uint32Array(movies);
  let total = 0;
  let n = 0;
  for (let i = 0; i < table.movie.length; i++) {
    if (ratingRole[i] !== TRAIN) continue;
    const r = table.ratingValues[table.code[i]];
    sum[table.movie[i]] += r;
    count[table.movie[i]]++;
    total += r;
    n++;
  }
  const global = n > 0 ? total / n : 0;
  return Float32Array.from(sum, (s, m) => (count[m] > 0 ? s / count[m] : global));
}

export interface WindowFeatureInputs {
  table: RatingsTable;
  histories: UserHistories;
  split: WindowSplit;
  /** Cluster of each movie index, 0 … clusters − 1; −1 for a movie without one (its one-hot block is all 0). */
  clusterOfMovie: Int32Array;
  options: FeatureOptions;
}

export function checkClusterAssignment(
  clusterOfMovie: Int32Array,
  movies: number,
  k: number,
): void {
  if (clusterOfMovie.length < movies)
    throw new RangeError(
      `the cluster assignment covers ${clusterOfMovie.length} movies, but the ratings have ${movies}`,
    );
  for (let m = 0; m < movies; m++) {
    const c = clusterOfMovie[m];
    if (c < -1 || c >= k)
      throw new RangeError(`movie ${m} is in cluster ${c}, outside 0 … ${k - 1}`);
  }
}

/** Builds the windows whose role is `role` (TRAIN, VALIDATION or TEST), in window order. */
export function buildWindowSet(inputs: WindowFeatureInputs, role: number): WindowSet {
  const movies = maxIndexPlusOne(inputs.table.movie);
  checkClusterAssignment(inputs.clusterOfMovie, movies, inputs.options.clusters);
  const means = inputs.options.movieMean
    ? trainingMovieMeans(inputs.table, inputs.split.ratingRole, movies)
    : null;
  return fillWindowSet(inputs, role, means);
}

function fillWindowSet(
  inputs: WindowFeatureInputs,
  role: number,
  means: Float32Array | null,
): WindowSet {
  const { table, histories, split, clusterOfMovie, options } = inputs;
  const steps = split.windows.options.steps;
  const features = featureNames(options).length;
  let count = 0;
  for (let w = 0; w < split.windows.count; w++) if (split.role[w] === role) count++;
  const elements = count * steps * features;
  if (elements > 2 ** 31 - 1)
    throw new RangeError(
      `${count.toLocaleString('en-US')} windows × ${steps} steps × ${features} features do not fit one array; cap the windows per user`,
    );
  const x = new Float32Array(elements);
  const y = new Float32Array(count);
  const user = new Uint32Array(count);
  const movie = new Uint32Array(count);
  const day = new Uint16Array(count);
  const ratingSlot = options.clusters;
  const daysSlot = ratingSlot + 1;
  const meanSlot = daysSlot + (options.daysSincePrevious ? 1 : 0);

  let k = 0;
  for (let w = 0; w < split.windows.count; w++) {
    if (split.role[w] !== role) continue;
    const end = split.windows.end[w];
    const u = split.windows.user[w];
    const userStart = histories.start[u];
    for (let s = 0; s < steps; s++) {
      const p = end - steps + 1 + s;
      const r = histories.row[p];
      const base = (k * steps + s) * features;
      const m = table.movie[r];
      const c = clusterOfMovie[m];
      if (c >= 0) x[base + c] = 1;
      x[base + ratingSlot] = s === steps - 1 ? HIDDEN_RATING : table.ratingValues[table.code[r]];
      if (options.daysSincePrevious) {
        const gap = p > userStart ? table.day[r] - table.day[histories.row[p - 1]] : 0;
        x[base + daysSlot] = Math.log1p(gap);
      }
      if (means) x[base + meanSlot] = means[m];
    }
    const label = split.labelRow[w];
    y[k] = table.ratingValues[table.code[label]];
    user[k] = table.user[label];
    movie[k] = table.movie[label];
    day[k] = table.day[label];
    k++;
  }
  return { count, steps, features, x, y, user, movie, day };
}

export interface WindowSets {
  train: WindowSet;
  validation: WindowSet;
  test: WindowSet;
  featureNames: string[];
}

/** The three sets at once (the training movie means are computed once for all three). */
export function buildWindowSets(inputs: WindowFeatureInputs): WindowSets {
  const movies = maxIndexPlusOne(inputs.table.movie);
  checkClusterAssignment(inputs.clusterOfMovie, movies, inputs.options.clusters);
  const means = inputs.options.movieMean
    ? trainingMovieMeans(inputs.table, inputs.split.ratingRole, movies)
    : null;
  return {
    train: fillWindowSet(inputs, TRAIN, means),
    validation: fillWindowSet(inputs, VALIDATION, means),
    test: fillWindowSet(inputs, TEST, means),
    featureNames: featureNames(inputs.options),
  };
}

function maxIndexPlusOne(column: Uint32Array): number {
  let max = -1;
  for (let i = 0; i < column.length; i++) if (column[i] > max) max = column[i];
  return max + 1;
}
