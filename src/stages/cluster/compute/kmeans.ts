import { createRng, type Rng } from '../../../lib/rng';
import { checkpoints, type LoopHooks } from '../../explore/compute/hooks';
import { centreSquaredNorms, type PointSet } from './point-set';

export interface KMeansOptions {
  k: number;
  /** Independent k-means++ starts; the one with the lowest inertia wins (scikit-learn's n_init). */
  nInit: number;
  maxIterations: number;
  /**
   * Stop when the centres moved less than this, relative to the mean per-dimension variance of the points
   * (scikit-learn's `tol`, same meaning), or as soon as no point changes cluster.
   */
  tolerance: number;
  seed: number;
}

export const DEFAULT_KMEANS_OPTIONS: Omit<KMeansOptions, 'k'> = {
  nInit: 4,
  maxIterations: 300,
  tolerance: 1e-4,
  seed: 1,
};

export interface KMeansResult {
  k: number;
  /** Cluster of each point, 0 … k − 1. */
  labels: Int32Array;
  /** k × dimensions, row-major. */
  centres: Float64Array;
  /** Sum of squared distances of the points to their centres. */
  inertia: number;
  /** Lloyd iterations of the winning start. */
  iterations: number;
}

/**
 * K-Means: greedy k-means++ seeding (as scikit-learn: 2 + ⌊ln k⌋ candidates per centre, the one that
 * lowers the potential most wins), then Lloyd iterations accelerated with Hamerly's bounds (Hamerly 2010),
 * which skip distance computations that provably cannot change a point's cluster, so the result is the
 * same as plain Lloyd's. `nInit` seeded restarts; the lowest inertia is kept.
 */
export async function kMeans(
  points: PointSet,
  options: KMeansOptions,
  hooks: LoopHooks = {},
): Promise<KMeansResult> {
  const { k } = options;
  if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be a whole number ≥ 1');
  if (k > points.count)
    throw new RangeError(`Cannot make ${k} clusters of ${points.count} points.`);
  const pause = checkpoints(hooks);
  const tolerance = options.tolerance * meanVariance(points);
  const rng = createRng(options.seed);
  let best: KMeansResult | null = null;
  for (let start = 0; start < Math.max(1, options.nInit); start++) {
    const centres = kMeansPlusPlus(points, k, rng.fork(start));
    const run = await lloyd(points, k, centres, options.maxIterations, tolerance, pause);
    if (!best || run.inertia < best.inertia) best = run;
  }
  return best as KMeansResult;
}

/** Seeds k centres by greedy k-means++ (Arthur & Vassilvitskii 2007; scikit-learn's variant). */
export function kMeansPlusPlus(points: PointSet, k: number, rng: Rng): Float64Array {
  const n = points.count;
  const d = points.dimensions;
  const centres = new Float64Array(k * d);
  const candidate = new Float64Array(d);
  const trials = 2 + Math.floor(Math.log(k));
  const closest = new Float64Array(n);
  const trialDistances = Array.from({ length: trials }, () => new Float64Array(n));

  points.addTo(rng.int(n), centres, 0, 1);
  const firstNorm = centreSquaredNorms(centres, 1, d)[0];
  let potential = 0;
  for (let i = 0; i < n; i++)
    potential += closest[i] = points.squaredDistance(i, centres, 0, firstNorm);

  for (let c = 1; c < k; c++) {
    let bestTrial = -1;
    let bestPotential = Infinity;
    const chosen: number[] = [];
    for (let t = 0; t < trials; t++) {
      const point = samplePoint(closest, potential, rng);
      chosen.push(point);
      candidate.fill(0);
      points.addTo(point, candidate, 0, 1);
      const norm = centreSquaredNorms(candidate, 1, d)[0];
      const distances = trialDistances[t];
      let trialPotential = 0;
      for (let i = 0; i < n; i++) {
        const value = Math.min(closest[i], points.squaredDistance(i, candidate, 0, norm));
        distances[i] = value;
        trialPotential += value;
      }
      if (trialPotential < bestPotential) {
        bestPotential = trialPotential;
        bestTrial = t;
      }
    }
    points.addTo(chosen[bestTrial], centres, c * d, 1);
    closest.set(trialDistances[bestTrial]);
    potential = bestPotential;
  }
  return centres;
}

/** A point drawn with probability proportional to its squared distance to the nearest centre. */
function samplePoint(closest: Float64Array, potential: number, rng: Rng): number {
  if (!(potential > 0)) return rng.int(closest.length);
  const target = rng.next() * potential;
  let sum = 0;
  for (let i = 0; i < closest.length; i++) {
    sum += closest[i];
    if (sum > target) return i;
  }
  return closest.length - 1;
}

/** Mean over dimensions of the per-dimension variance of the points. */
function meanVariance(points: PointSet): number {
  const n = points.count;
  const d = points.dimensions;
  const zero = new Float64Array(d);
  const mean = new Float64Array(d);
  let squares = 0;
  for (let i = 0; i < n; i++) {
    squares += points.squaredDistance(i, zero, 0, 0);
    points.addTo(i, mean, 0, 1 / n);
  }
  let meanSquare = 0;
  for (let j = 0; j < d; j++) meanSquare += mean[j] ** 2;
  return Math.max(0, squares / n - meanSquare) / d;
}

/** Lloyd iterations from the given centres, with Hamerly's upper and lower bounds. */
async function lloyd(
  points: PointSet,
  k: number,
  initial: Float64Array,
  maxIterations: number,
  tolerance: number,
  pause: () => Promise<void>,
): Promise<KMeansResult> {
  const n = points.count;
  const d = points.dimensions;
  let centres = initial;
  let norms = centreSquaredNorms(centres, k, d);
  const labels = new Int32Array(n);
  const upper = new Float64Array(n); // ≥ distance to own centre
  const lower = new Float64Array(n); // ≤ distance to every other centre
  const sums = new Float64Array(k * d);
  const counts = new Int32Array(k);

  for (let i = 0; i < n; i++) {
    const [nearest, first, second] = twoNearest(points, i, centres, norms, k);
    labels[i] = nearest;
    upper[i] = Math.sqrt(first);
    lower[i] = Math.sqrt(second);
    points.addTo(i, sums, nearest * d, 1);
    counts[nearest]++;
  }

  let iterations = 0;
  const moved = new Float64Array(k);
  const halfGap = new Float64Array(k);
  while (iterations < maxIterations) {
    iterations++;
    await pause();
    relocateEmptyClusters(points, labels, sums, counts, centres, norms, lower);
    const next = new Float64Array(k * d);
    for (let c = 0; c < k; c++)
      for (let j = 0; j < d; j++) next[c * d + j] = sums[c * d + j] / counts[c];
    let shift = 0;
    for (let c = 0; c < k; c++) {
      let sum = 0;
      for (let j = 0; j < d; j++) sum += (next[c * d + j] - centres[c * d + j]) ** 2;
      shift += sum;
      moved[c] = Math.sqrt(sum);
    }
    centres = next;
    norms = centreSquaredNorms(centres, k, d);
    let most = 0;
    let mostAt = -1;
    let secondMost = 0;
    for (let c = 0; c < k; c++) {
      if (moved[c] > most) {
        secondMost = most;
        most = moved[c];
        mostAt = c;
      } else if (moved[c] > secondMost) secondMost = moved[c];
    }
    for (let i = 0; i < n; i++) {
      upper[i] += moved[labels[i]];
      lower[i] -= labels[i] === mostAt ? secondMost : most;
    }
    if (shift <= tolerance) break;

    centreHalfGaps(centres, k, d, halfGap);
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const own = labels[i];
      const bound = Math.max(halfGap[own], lower[i]);
      if (upper[i] <= bound) continue;
      upper[i] = Math.sqrt(points.squaredDistance(i, centres, own, norms[own]));
      if (upper[i] <= bound) continue;
      const [nearest, first, second] = twoNearest(points, i, centres, norms, k);
      upper[i] = Math.sqrt(first);
      lower[i] = Math.sqrt(second);
      if (nearest !== own) {
        points.addTo(i, sums, own * d, -1);
        points.addTo(i, sums, nearest * d, 1);
        counts[own]--;
        counts[nearest]++;
        labels[i] = nearest;
        changed++;
      }
    }
    if (changed === 0) break;
  }

  // A last exact assignment, so that labels, centres and inertia agree whatever stopped the loop.
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const [nearest, first] = twoNearest(points, i, centres, norms, k);
    labels[i] = nearest;
    inertia += first;
  }
  return { k, labels, centres, inertia, iterations };
}

/** Nearest centre and the squared distances to the nearest and second-nearest. */
function twoNearest(
  points: PointSet,
  i: number,
  centres: Float64Array,
  norms: Float64Array,
  k: number,
): [number, number, number] {
  let nearest = 0;
  let first = Infinity;
  let second = Infinity;
  for (let c = 0; c < k; c++) {
    const distance = points.squaredDistance(i, centres, c, norms[c]);
    if (distance < first) {
      second = first;
      first = distance;
      nearest = c;
    } else if (distance < second) second = distance;
  }
  return [nearest, first, second];
}

/** Half the distance from each centre to its nearest other centre: a point closer than that stays. */
function centreHalfGaps(centres: Float64Array, k: number, d: number, out: Float64Array): void {
  out.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      let sum = 0;
      for (let j = 0; j < d; j++) sum += (centres[a * d + j] - centres[b * d + j]) ** 2;
      const half = Math.sqrt(sum) / 2;
      if (half < out[a]) out[a] = half;
      if (half < out[b]) out[b] = half;
    }
  }
}

/**
 * Gives each empty cluster the point farthest from its own centre (as scikit-learn does), and forgets the
 * lower bounds, which no longer hold once a point has moved by hand.
 */
function relocateEmptyClusters(
  points: PointSet,
  labels: Int32Array,
  sums: Float64Array,
  counts: Int32Array,
  centres: Float64Array,
  norms: Float64Array,
  lower: Float64Array,
): void {
  const d = points.dimensions;
  for (let c = 0; c < counts.length; c++) {
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
    lower.fill(0);
  }
}
