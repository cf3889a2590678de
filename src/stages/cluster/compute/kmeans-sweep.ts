import { checkpoints, type LoopHooks } from '../../explore/compute/hooks';
import { bestSilhouetteK, elbowK } from './elbow';
import { DEFAULT_KMEANS_OPTIONS, kMeans, type KMeansOptions } from './kmeans';
import type { PointSet } from './point-set';
import { EXACT_SILHOUETTE_LIMIT, meanSilhouette, silhouetteBasis } from './silhouette';

export interface SweepOptions extends Omit<KMeansOptions, 'k'> {
  kMin: number;
  kMax: number;
  /** Silhouettes are exact up to this many points and use a seeded sample this big above it. */
  silhouetteLimit: number;
}

/** The report's range, k = 7 … 30. */
export const DEFAULT_SWEEP_OPTIONS: SweepOptions = {
  ...DEFAULT_KMEANS_OPTIONS,
  kMin: 7,
  kMax: 30,
  silhouetteLimit: EXACT_SILHOUETTE_LIMIT,
};

/** One k of the sweep, sent to the page as soon as it is done. */
export interface SweepPoint {
  k: number;
  inertia: number;
  /** Mean silhouette (NaN when undefined, e.g. every point in one cluster). */
  silhouette: number;
  iterations: number;
  /** Time for this k's K-Means (all restarts) and silhouette. */
  ms: number;
}

export interface SweepResult {
  points: SweepPoint[];
  /** Cluster of each point, for each k of the sweep. */
  labels: Map<number, Int32Array>;
  /** The k with the best silhouette: what the sweep suggests. */
  suggestedK: number | null;
  /** Where the inertia curve bends most (Kneedle), shown next to the suggestion. */
  elbowK: number | null;
  /** Null when silhouettes are exact; else how many points they were measured on. */
  silhouetteSample: number | null;
  /** Time to compute the pairwise distances the silhouettes share. */
  distanceMs: number;
}

export function validateSweepOptions(options: SweepOptions, points: number): void {
  const { kMin, kMax } = options;
  if (!Number.isInteger(kMin) || !Number.isInteger(kMax) || kMin < 2 || kMax < kMin)
    throw new RangeError('The k range must be whole numbers with 2 ≤ k min ≤ k max.');
  if (kMax > points)
    throw new RangeError(`k max (${kMax}) is larger than the number of movies (${points}).`);
  if (!Number.isInteger(options.nInit) || options.nInit < 1)
    throw new RangeError('Restarts (n_init) must be a whole number ≥ 1.');
}

/**
 * K-Means for every k from kMin to kMax, with inertia and silhouette for each, reporting each k as it
 * finishes. Each k has its own seed derived from `seed`, so a k's result does not depend on the range.
 */
export async function runKMeansSweep(
  points: PointSet,
  options: SweepOptions,
  hooks: LoopHooks & { onPoint?: (point: SweepPoint) => void } = {},
): Promise<SweepResult> {
  validateSweepOptions(options, points.count);
  const pause = checkpoints(hooks);
  let started = Date.now();
  const basis = silhouetteBasis(points, options.silhouetteLimit, options.seed);
  const distanceMs = Date.now() - started;
  const sweep: SweepPoint[] = [];
  const labels = new Map<number, Int32Array>();
  for (let k = options.kMin; k <= options.kMax; k++) {
    await pause();
    started = Date.now();
    const result = await kMeans(
      points,
      { ...options, k, seed: seedForK(options.seed, k) },
      hooks,
      // The silhouettes' distances between all points also serve the k-means++ seeding.
      basis.sampleSize === null ? basis.distances : null,
    );
    const point: SweepPoint = {
      k,
      inertia: result.inertia,
      silhouette: meanSilhouette(basis, result.labels, k),
      iterations: result.iterations,
      ms: Date.now() - started,
    };
    sweep.push(point);
    labels.set(k, result.labels);
    hooks.onPoint?.(point);
  }
  const ks = sweep.map((p) => p.k);
  return {
    points: sweep,
    labels,
    suggestedK: bestSilhouetteK(
      ks,
      sweep.map((p) => p.silhouette),
    ),
    elbowK: elbowK(
      ks,
      sweep.map((p) => p.inertia),
    ),
    silhouetteSample: basis.sampleSize,
    distanceMs,
  };
}

/** K-Means seed for one k of a sweep. */
export function seedForK(seed: number, k: number): number {
  return (Math.imul(seed, 0x9e3779b1) + k) >>> 0;
}
