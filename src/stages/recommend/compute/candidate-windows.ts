import type { CompactWindows } from '../../windows/compute/compact-windows';
import { HIDDEN_RATING } from '../../windows/compute/window-features';
import { ALLOCATION_LIMIT_BYTES } from '../../train/compute/training-cost';

/**
 * Why the candidate windows of `count` movies cannot be built here, naming what to lower; null when they fit.
 * They are one Float32Array of count × steps × features: 17,770 movies at a window of 100 and k = 500 would be
 * 3.6 GB, which would crash the tab rather than fail.
 */
export function candidateWindowsRefusal(
  count: number,
  steps: number,
  features: number,
): string | null {
  const bytes = count * steps * features * 4;
  if (bytes <= ALLOCATION_LIMIT_BYTES) return null;
  return (
    `Scoring ${count.toLocaleString('en-US')} unseen movies with the LSTM would take ` +
    `${(bytes / 1024 ** 3).toFixed(1)} GiB of windows (${steps} steps × ${features} features each), more ` +
    'than this tab can hold in one piece (1 GiB): lower the window length in Sequences, k in Cluster, or ' +
    'the movies in Subset.'
  );
}

/**
 * Windows that ask the LSTM "what would this user rate movie m next?": the user's latest `steps − 1` ratings
 * as the first steps (cluster one-hot and rating, as in training), then a last step showing only the candidate's
 * cluster (its rating hidden, as a label is). Because the model sees a movie only through its cluster, it can
 * score a movie it never saw in training — the report's cold-start point; an embedding model cannot.
 * `first`/`end` are the user's positions in the windows' history order [first, end). Null when the user has
 * fewer than `steps − 1` ratings.
 */
export function candidateWindows(
  windows: CompactWindows,
  first: number,
  end: number,
  candidates: Uint32Array,
  clusterOfMovie: Int32Array,
  movieMeans: Float32Array | null,
): { count: number; steps: number; features: number; x: Float32Array } | null {
  const { steps, features, cluster, rating, daysGap, movieMean } = windows;
  const context = steps - 1;
  if (end - first < context) return null;
  const ratingSlot = windows.featureOptions.clusters;
  const daysSlot = ratingSlot + 1;
  const meanSlot = daysSlot + (daysGap ? 1 : 0);
  const refusal = candidateWindowsRefusal(candidates.length, steps, features);
  if (refusal) throw new RangeError(refusal);
  const size = steps * features;
  const x = new Float32Array(candidates.length * size);
  for (let k = 0; k < candidates.length; k++) {
    const base = k * size;
    for (let s = 0; s < context; s++) {
      const p = end - context + s;
      const o = base + s * features;
      if (cluster[p] >= 0) x[o + cluster[p]] = 1;
      x[o + ratingSlot] = rating[p];
      if (daysGap) x[o + daysSlot] = daysGap[p];
      if (movieMean) x[o + meanSlot] = movieMean[p];
    }
    const o = base + context * features;
    const c = clusterOfMovie[candidates[k]];
    if (c >= 0) x[o + c] = 1;
    x[o + ratingSlot] = HIDDEN_RATING;
    // The next rating is taken to come soon after the last one (a gap of 0 days).
    if (movieMean && movieMeans) x[o + meanSlot] = movieMeans[candidates[k]];
  }
  return { count: candidates.length, steps, features, x };
}

/** Movies of the subset the user has not rated (in any split), in index order. */
export function unseenMovies(
  windows: CompactWindows,
  first: number,
  end: number,
  movies: number,
): Uint32Array {
  const seen = new Uint8Array(movies);
  for (let p = first; p < end; p++) seen[windows.movie[p]] = 1;
  const out: number[] = [];
  for (let m = 0; m < movies; m++) if (!seen[m]) out.push(m);
  return Uint32Array.from(out);
}

/** Indices of the `n` highest scores, best first (ties: lower index first). */
export function topIndices(scores: Float32Array, n: number): number[] {
  return Array.from(scores.keys())
    .sort((a, b) => scores[b] - scores[a] || a - b)
    .slice(0, n);
}
