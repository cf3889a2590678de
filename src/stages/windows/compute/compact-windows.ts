import {
  HIDDEN_RATING,
  featureNames,
  trainingMovieMeans,
  checkClusterAssignment,
  type FeatureOptions,
  type WindowFeatureInputs,
  type WindowSet,
} from './window-features';
import { TEST, TRAIN, VALIDATION } from './window-split';

/**
 * Windows in a compact, transferable form: every rating once, in history order (users, each in time order),
 * with what a window step shows of it, plus per split the position of each window's label. A window is the
 * `steps` consecutive positions ending at its label, all of one user. Compared with dense windows
 * (count × steps × features floats, ≈ 266 MB for the sample at k = 20) this holds ≈ 20 bytes per rating and
 * 4 per window; the training worker expands one batch at a time (`fillWindowBatch`).
 */
export interface CompactWindows {
  steps: number;
  /** Features per step (the one-hot block, the rating, then the extras). */
  features: number;
  featureOptions: FeatureOptions;
  /** Per position: the movie's cluster, −1 for none. */
  cluster: Int16Array;
  /** Per position: the rating. */
  rating: Float32Array;
  /** Per position: ln(1 + days since the user's previous rating), when that feature is on. */
  daysGap: Float32Array | null;
  /** Per position: the movie's training-split mean, when that feature is on. */
  movieMean: Float32Array | null;
  /**
   * Per position: the rating's role in the split (TRAIN, VALIDATION or TEST; see `WindowSplit.ratingRole`), so
   * the rating models (and the embedding model) train on exactly the training ratings.
   */
  role: Uint8Array;
  /** Per position: the rating's user, movie and day, so every model is scored on the same triples. */
  user: Uint32Array;
  movie: Uint32Array;
  day: Uint16Array;
  /** Per split: the position of each window's label, in window order. */
  train: Uint32Array;
  validation: Uint32Array;
  test: Uint32Array;
}

export type SplitName = 'train' | 'validation' | 'test';

/** Builds the compact windows of a split (the same windows, features and order as `buildWindowSets`). */
export function buildCompactWindows(inputs: WindowFeatureInputs): CompactWindows {
  const { table, histories, split, clusterOfMovie, options } = inputs;
  const movies = clusterOfMovie.length;
  checkClusterAssignment(clusterOfMovie, maxIndexPlusOne(table.movie), options.clusters);
  const n = histories.row.length;
  const cluster = new Int16Array(n);
  const rating = new Float32Array(n);
  const role = new Uint8Array(n);
  const user = new Uint32Array(n);
  const movie = new Uint32Array(n);
  const day = new Uint16Array(n);
  const daysGap = options.daysSincePrevious ? new Float32Array(n) : null;
  const means = options.movieMean ? trainingMovieMeans(table, split.ratingRole, movies) : null;
  const movieMean = means ? new Float32Array(n) : null;
  for (let u = 0; u < histories.users; u++) {
    for (let p = histories.start[u]; p < histories.start[u + 1]; p++) {
      const r = histories.row[p];
      const m = table.movie[r];
      cluster[p] = clusterOfMovie[m];
      rating[p] = table.ratingValues[table.code[r]];
      role[p] = split.ratingRole[r];
      user[p] = table.user[r];
      movie[p] = m;
      day[p] = table.day[r];
      if (daysGap)
        daysGap[p] =
          p > histories.start[u] ? Math.log1p(table.day[r] - table.day[histories.row[p - 1]]) : 0;
      if (movieMean && means) movieMean[p] = means[m];
    }
  }
  const ends = (role: number) => {
    const out: number[] = [];
    for (let w = 0; w < split.windows.count; w++)
      if (split.role[w] === role) out.push(split.windows.end[w]);
    return Uint32Array.from(out);
  };
  return {
    steps: split.windows.options.steps,
    features: featureNames(options).length,
    featureOptions: options,
    cluster,
    rating,
    daysGap,
    movieMean,
    role,
    user,
    movie,
    day,
    train: ends(TRAIN),
    validation: ends(VALIDATION),
    test: ends(TEST),
  };
}

/**
 * Writes windows `order[from..to)` of a split into `x` (n × steps × features, row-major, laid out exactly as
 * `WindowSet.x`) and their labels into `y`. Returns n. `x` and `y` are reused between batches.
 */
export function fillWindowBatch(
  windows: CompactWindows,
  ends: Uint32Array,
  order: ArrayLike<number>,
  from: number,
  to: number,
  x: Float32Array,
  y: Float32Array,
): number {
  const { steps, features, cluster, rating, daysGap, movieMean } = windows;
  const ratingSlot = windows.featureOptions.clusters;
  const daysSlot = ratingSlot + 1;
  const meanSlot = daysSlot + (daysGap ? 1 : 0);
  const n = to - from;
  x.fill(0, 0, n * steps * features);
  for (let k = 0; k < n; k++) {
    const end = ends[order[from + k]];
    const first = end - steps + 1;
    for (let s = 0; s < steps; s++) {
      const p = first + s;
      const base = (k * steps + s) * features;
      const c = cluster[p];
      if (c >= 0) x[base + c] = 1;
      x[base + ratingSlot] = s === steps - 1 ? HIDDEN_RATING : rating[p];
      if (daysGap) x[base + daysSlot] = daysGap[p];
      if (movieMean) x[base + meanSlot] = movieMean[p];
    }
    y[k] = rating[end];
  }
  return n;
}

/**
 * One split as batches for the training loop (structurally the train stage's `WindowBatches`): windows are
 * expanded a batch at a time into the caller's buffers.
 */
export function windowBatches(windows: CompactWindows, split: SplitName) {
  const ends = windows[split];
  return {
    count: ends.length,
    steps: windows.steps,
    features: windows.features,
    labels: splitLabels(windows, split),
    fill: (order: ArrayLike<number>, from: number, to: number, x: Float32Array, y: Float32Array) =>
      fillWindowBatch(windows, ends, order, from, to, x, y),
  };
}

/** (user, movie, rating) of every rating whose role is `role`, in history order: what rating models learn from. */
export function ratingTriples(
  windows: CompactWindows,
  role: number,
): { user: Uint32Array; movie: Uint32Array; rating: Float32Array; day: Uint16Array } {
  let count = 0;
  for (let p = 0; p < windows.role.length; p++) if (windows.role[p] === role) count++;
  const user = new Uint32Array(count);
  const movie = new Uint32Array(count);
  const rating = new Float32Array(count);
  const day = new Uint16Array(count);
  for (let p = 0, k = 0; p < windows.role.length; p++) {
    if (windows.role[p] !== role) continue;
    user[k] = windows.user[p];
    movie[k] = windows.movie[p];
    rating[k] = windows.rating[p];
    day[k] = windows.day[p];
    k++;
  }
  return { user, movie, rating, day };
}

/** The labels of a split's windows, in window order. */
export function splitLabels(windows: CompactWindows, split: SplitName): Float32Array {
  return Float32Array.from(windows[split], (end) => windows.rating[end]);
}

/** One split as dense windows (for tests, the CLI and small exports). */
export function expandSplit(windows: CompactWindows, split: SplitName): WindowSet {
  const ends = windows[split];
  const count = ends.length;
  const x = new Float32Array(count * windows.steps * windows.features);
  const y = new Float32Array(count);
  fillWindowBatch(
    windows,
    ends,
    Uint32Array.from({ length: count }, (_, i) => i),
    0,
    count,
    x,
    y,
  );
  return {
    count,
    steps: windows.steps,
    features: windows.features,
    x,
    y,
    user: Uint32Array.from(ends, (p) => windows.user[p]),
    movie: Uint32Array.from(ends, (p) => windows.movie[p]),
    day: Uint16Array.from(ends, (p) => windows.day[p]),
  };
}

/** Every typed array the compact windows hold (the optional feature columns only when they are on). */
function compactWindowsArrays(windows: CompactWindows) {
  return [
    windows.cluster,
    windows.rating,
    windows.daysGap,
    windows.movieMean,
    windows.role,
    windows.user,
    windows.movie,
    windows.day,
    windows.train,
    windows.validation,
    windows.test,
  ].filter((array) => array !== null);
}

/** Bytes the compact windows hold. */
export function compactWindowsBytes(windows: CompactWindows): number {
  return compactWindowsArrays(windows).reduce((sum, array) => sum + array.byteLength, 0);
}

/** The typed arrays to hand to `postMessage`'s transfer list (after copying them if the sender keeps them). */
export function compactWindowsBuffers(windows: CompactWindows): ArrayBuffer[] {
  return compactWindowsArrays(windows).map((array) => array.buffer as ArrayBuffer);
}

/** A deep copy, so that one copy can be transferred while the data worker keeps the other. */
export function copyCompactWindows(windows: CompactWindows): CompactWindows {
  return {
    ...windows,
    cluster: windows.cluster.slice(),
    rating: windows.rating.slice(),
    daysGap: windows.daysGap?.slice() ?? null,
    movieMean: windows.movieMean?.slice() ?? null,
    role: windows.role.slice(),
    user: windows.user.slice(),
    movie: windows.movie.slice(),
    day: windows.day.slice(),
    train: windows.train.slice(),
    validation: windows.validation.slice(),
    test: windows.test.slice(),
  };
}

function maxIndexPlusOne(column: Uint32Array): number {
  let max = -1;
  for (let i = 0; i < column.length; i++) if (column[i] > max) max = column[i];
  return max + 1;
}
