import type { PointDistances } from './kmeans';
import { centreSquaredNorms, type PointSet } from './point-set';

export interface LloydRun {
  labels: Int32Array;
  centres: Float64Array;
  inertia: number;
  iterations: number;
}

/**
 * Lloyd iterations from the given seed points, with Elkan's bounds (Elkan 2003): per point an upper bound
 * on the distance to its own centre and a lower bound on the distance to every other centre, kept valid by
 * the triangle inequality as centres move. A distance is computed only when the bounds cannot rule the
 * centre out, so the clustering is exactly plain Lloyd's. With `distances`, the first assignment reads
 * the seed points' distances instead of computing them.
 */
export async function elkanLloyd(
  points: PointSet,
  seeds: Int32Array,
  maxIterations: number,
  tolerance: number,
  pause: () => Promise<void>,
  distances: PointDistances | null,
): Promise<LloydRun> {
  const n = points.count;
  const d = points.dimensions;
  const k = seeds.length;
  let centres = new Float64Array(k * d);
  seeds.forEach((seed, c) => points.addTo(seed, centres, c * d, 1));
  let norms = centreSquaredNorms(centres, k, d);
  const labels = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n * k);
  const sums = new Float64Array(k * d);
  const counts = new Int32Array(k);
  const halfGaps = new Float64Array(k * k); // half the distances between centres
  const halfNearest = new Float64Array(k);
  const moved = new Float64Array(k);

  // Float32 distances from the matrix are widened by far more than their rounding, so bounds stay bounds.
  const below = distances ? 1 - 1e-5 : 1;
  const above = distances ? 1 + 1e-5 : 1;
  for (let i = 0; i < n; i++) {
    let nearest = 0;
    let nearestDistance = Infinity;
    for (let c = 0; c < k; c++) {
      const distance = distances
        ? distances[i * n + seeds[c]]
        : Math.sqrt(points.squaredDistance(i, centres, c, norms[c]));
      lower[i * k + c] = distance * below;
      if (distance < nearestDistance) {
        nearestDistance = distance;
        nearest = c;
      }
    }
    labels[i] = nearest;
    upper[i] = nearestDistance * above;
    points.addTo(i, sums, nearest * d, 1);
    counts[nearest]++;
  }

  /** Exact distance from point i to centre c. */
  const distanceTo = (i: number, c: number) =>
    Math.sqrt(points.squaredDistance(i, centres, c, norms[c]));

  /** One assignment pass using the bounds; returns how many points changed cluster. */
  const assign = (): number => {
    centreHalfGaps(centres, k, d, halfGaps, halfNearest);
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let own = labels[i];
      if (upper[i] <= halfNearest[own]) continue;
      let tight = false;
      const row = i * k;
      for (let c = 0; c < k; c++) {
        if (c === own || upper[i] <= lower[row + c] || upper[i] <= halfGaps[own * k + c]) continue;
        if (!tight) {
          upper[i] = lower[row + own] = distanceTo(i, own);
          tight = true;
          if (upper[i] <= lower[row + c] || upper[i] <= halfGaps[own * k + c]) continue;
        }
        const distance = (lower[row + c] = distanceTo(i, c));
        if (distance < upper[i]) {
          own = c;
          upper[i] = distance;
        }
      }
      if (own !== labels[i]) {
        points.addTo(i, sums, labels[i] * d, -1);
        points.addTo(i, sums, own * d, 1);
        counts[labels[i]]--;
        counts[own]++;
        labels[i] = own;
        changed++;
      }
    }
    return changed;
  };

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    await pause();
    relocateEmptyClusters(points, labels, sums, counts, centres, norms, upper, lower, k);
    const next = new Float64Array(k * d);
    let shift = 0;
    for (let c = 0; c < k; c++) {
      let sum = 0;
      for (let j = 0; j < d; j++) {
        const value = sums[c * d + j] / counts[c];
        next[c * d + j] = value;
        sum += (value - centres[c * d + j]) ** 2;
      }
      shift += sum;
      moved[c] = Math.sqrt(sum);
    }
    centres = next;
    norms = centreSquaredNorms(centres, k, d);
    for (let i = 0; i < n; i++) {
      upper[i] += moved[labels[i]];
      const row = i * k;
      // A negative lower bound is still a lower bound, so no clamping at 0 is needed.
      for (let c = 0; c < k; c++) lower[row + c] -= moved[c];
    }
    if (shift <= tolerance) break; // scikit-learn's criterion; the pass below settles the labels
    if (assign() === 0) {
      converged = true;
      break;
    }
  }
  // Labels must be the nearest centres of the final centres (a fixed point already is).
  if (!converged) assign();
  let inertia = 0;
  for (let i = 0; i < n; i++)
    inertia += points.squaredDistance(i, centres, labels[i], norms[labels[i]]);
  return { labels, centres, inertia, iterations };
}

/** Half the distances between all centres, and half the distance from each to its nearest other one. */
function centreHalfGaps(
  centres: Float64Array,
  k: number,
  d: number,
  halfGaps: Float64Array,
  halfNearest: Float64Array,
): void {
  halfNearest.fill(Infinity);
  for (let a = 0; a < k; a++) {
    halfGaps[a * k + a] = 0;
    for (let b = a + 1; b < k; b++) {
      let sum = 0;
      for (let j = 0; j < d; j++) sum += (centres[a * d + j] - centres[b * d + j]) ** 2;
      const half = Math.sqrt(sum) / 2;
      halfGaps[a * k + b] = halfGaps[b * k + a] = half;
      if (half < halfNearest[a]) halfNearest[a] = half;
      if (half < halfNearest[b]) halfNearest[b] = half;
    }
  }
}

/**
 * Gives each empty cluster the point farthest from its own centre (as scikit-learn does). The moved
 * point's bounds no longer hold, so they are reset to values that are always safe.
 */
function relocateEmptyClusters(
  points: PointSet,
  labels: Int32Array,
  sums: Float64Array,
  counts: Int32Array,
  centres: Float64Array,
  norms: Float64Array,
  upper: Float64Array,
  lower: Float64Array,
  k: number,
): void {
  const d = points.dimensions;
  for (let c = 0; c < k; c++) {
    if (counts[c] > 0) continue;
    let farthest = -1;
    let farthestDistance = -1;
    for (let i = 0; i < labels.length; i++) {
      if (counts[labels[i]] < 2) continue;
      const distance = points.squaredDistance(i, centres, labels[i], norms[labels[i]]);
      if (distance > farthestDistance) {
        farthestDistance = distance;
        farthest = i;
      }
    }
    if (farthest < 0) continue;
    const from = labels[farthest];
    points.addTo(farthest, sums, from * d, -1);
    points.addTo(farthest, sums, c * d, 1);
    counts[from]--;
    counts[c]++;
    labels[farthest] = c;
    upper[farthest] = Infinity;
    lower.fill(0, farthest * k, (farthest + 1) * k);
  }
}
