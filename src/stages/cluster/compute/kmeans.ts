import { createRng, type Rng } from '../../../lib/rng';
import { checkpoints, type LoopHooks } from '../../explore/compute/hooks';
import { elkanLloyd } from './elkan';
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
 * Euclidean distances between all points (count², row-major), when the caller has them (the sweep computes
 * them once for the silhouettes). Seeding then reads distances instead of computing them.
 */
export type PointDistances = Float32Array;

/**
 * K-Means: greedy k-means++ seeding (as scikit-learn: 2 + ⌊ln k⌋ candidates per centre, the one that
 * lowers the potential most wins), then Lloyd iterations accelerated with Elkan's bounds (Elkan 2003),
 * which skip distance computations that provably cannot change a point's cluster, so the result is the
 * same as plain Lloyd's. `nInit` seeded restarts; the lowest inertia is kept.
 */
export async function kMeans(
  points: PointSet,
  options: KMeansOptions,
  hooks: LoopHooks = {},
  distances: PointDistances | null = null,
): Promise<KMeansResult> {
  const { k } = options;
  if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be a whole number ≥ 1');
  if (k > points.count)
    throw new RangeError(`Cannot make ${k} clusters of ${points.count} points.`);
  if (distances && distances.length !== points.count * points.count)
    throw new RangeError('The distance matrix does not match the points.');
  const pause = checkpoints(hooks);
  const tolerance = options.tolerance * meanVariance(points);
  const rng = createRng(options.seed);
  let best: KMeansResult | null = null;
  for (let start = 0; start < Math.max(1, options.nInit); start++) {
    await pause();
    const seeds = kMeansPlusPlus(points, k, rng.fork(start), distances);
    const run = await elkanLloyd(points, seeds, options.maxIterations, tolerance, pause, distances);
    if (!best || run.inertia < best.inertia) best = { k, ...run };
  }
  return best as KMeansResult;
}

/**
 * Chooses k points as starting centres by greedy k-means++ (Arthur & Vassilvitskii 2007, scikit-learn's
 * variant) and returns their indices.
 */
export function kMeansPlusPlus(
  points: PointSet,
  k: number,
  rng: Rng,
  distances: PointDistances | null = null,
): Int32Array {
  const n = points.count;
  const seeds = new Int32Array(k);
  const trials = 2 + Math.floor(Math.log(k));
  const closest = new Float64Array(n);
  const trialDistances = Array.from({ length: trials }, () => new Float64Array(n));
  const toPoint = squaredDistancesToPoint(points, distances);

  seeds[0] = rng.int(n);
  toPoint(seeds[0], closest);
  let potential = closest.reduce((sum, x) => sum + x, 0);
  for (let c = 1; c < k; c++) {
    let bestTrial = 0;
    let bestPotential = Infinity;
    const chosen = new Int32Array(trials);
    for (let t = 0; t < trials; t++) {
      chosen[t] = samplePoint(closest, potential, rng);
      const trial = trialDistances[t];
      toPoint(chosen[t], trial);
      let trialPotential = 0;
      for (let i = 0; i < n; i++) {
        if (closest[i] < trial[i]) trial[i] = closest[i];
        trialPotential += trial[i];
      }
      if (trialPotential < bestPotential) {
        bestPotential = trialPotential;
        bestTrial = t;
      }
    }
    seeds[c] = chosen[bestTrial];
    closest.set(trialDistances[bestTrial]);
    potential = bestPotential;
  }
  return seeds;
}

/** Fills `out` with the squared distance of every point to point j: read from the matrix, or computed. */
function squaredDistancesToPoint(
  points: PointSet,
  distances: PointDistances | null,
): (j: number, out: Float64Array) => void {
  const n = points.count;
  if (distances) {
    return (j, out) => {
      for (let i = 0, o = j * n; i < n; i++) out[i] = distances[o + i] * distances[o + i];
    };
  }
  const centre = new Float64Array(points.dimensions);
  return (j, out) => {
    centre.fill(0);
    points.addTo(j, centre, 0, 1);
    const norm = centreSquaredNorms(centre, 1, points.dimensions)[0];
    for (let i = 0; i < n; i++) out[i] = points.squaredDistance(i, centre, 0, norm);
  };
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
