import { createRng } from '../../../lib/rng';
import type { PointSet } from './point-set';

/** Up to this many points the silhouette is exact; above, it is computed on a seeded sample this big. */
export const EXACT_SILHOUETTE_LIMIT = 3000;

/**
 * The points a silhouette is measured on, with their pairwise distances, computed once per sweep and
 * shared by every k (the distances do not depend on the clustering).
 */
export interface SilhouetteBasis {
  /** Indices of the points used: all of them, or a sample, ascending. */
  chosen: Int32Array;
  /** chosen.length² Euclidean distances, row-major. */
  distances: Float32Array;
  /** Null when every point is used; else the sample size. */
  sampleSize: number | null;
}

export function silhouetteBasis(
  points: PointSet,
  limit: number = EXACT_SILHOUETTE_LIMIT,
  seed = 1,
): SilhouetteBasis {
  const n = points.count;
  let chosen: Int32Array;
  if (n <= limit) {
    chosen = Int32Array.from({ length: n }, (_, i) => i);
  } else {
    // Partial Fisher–Yates over all indices: a uniform sample without replacement.
    const all = Int32Array.from({ length: n }, (_, i) => i);
    const rng = createRng(seed);
    for (let i = 0; i < limit; i++) {
      const j = i + rng.int(n - i);
      const tmp = all[i];
      all[i] = all[j];
      all[j] = tmp;
    }
    chosen = all.slice(0, limit).sort();
  }
  return {
    chosen,
    distances: points.distanceMatrix(chosen),
    sampleSize: n <= limit ? null : limit,
  };
}

/**
 * Mean silhouette (Rousseeuw 1987) of a labelling over the basis's points: for each point, a = mean
 * distance to the other members of its cluster, b = the smallest mean distance to another cluster's
 * members, s = (b − a) / max(a, b); a point alone in its cluster scores 0, as in scikit-learn. When the
 * basis is a sample, clusters are counted within the sample, as scikit-learn's `sample_size` does.
 * Returns NaN with fewer than two clusters among the points.
 */
export function meanSilhouette(basis: SilhouetteBasis, labels: Int32Array, k: number): number {
  const n = basis.chosen.length;
  const label = Int32Array.from(basis.chosen, (i) => labels[i]);
  const sizes = new Int32Array(k);
  for (let a = 0; a < n; a++) sizes[label[a]]++;
  if (sizes.filter((s) => s > 0).length < 2) return NaN;
  const sums = new Float64Array(k);
  const d = basis.distances;
  let total = 0;
  for (let a = 0; a < n; a++) {
    sums.fill(0);
    const row = a * n;
    for (let b = 0; b < n; b++) sums[label[b]] += d[row + b];
    const own = label[a];
    if (sizes[own] < 2) continue;
    const inside = sums[own] / (sizes[own] - 1);
    let nearest = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === own || sizes[c] === 0) continue;
      const mean = sums[c] / sizes[c];
      if (mean < nearest) nearest = mean;
    }
    const spread = Math.max(inside, nearest);
    if (spread > 0) total += (nearest - inside) / spread;
  }
  return total / n;
}
