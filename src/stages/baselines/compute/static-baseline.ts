import { clip } from './metrics';
import { meanRating, type RatingSet } from './rating-set';
import type { FitContext, RatingModel } from './rating-model';

/**
 * The static baseline predictor b_ui = μ + b_u + b_i (Koren, "Factor in the neighbors", TKDD 2010, §2.1;
 * the "static" row of "Collaborative filtering with temporal dynamics", KDD 2009, Table 1), fitted as a
 * regularised least-squares problem, min Σ (r − μ − b_u − b_i)² + λ_u Σ b_u² + λ_i Σ b_i², by exact
 * alternating minimisation: with the user biases fixed each movie bias has the closed form
 * b_i = Σ_u (r_ui − μ − b_u) / (λ_i + n_i), and the other way round. The problem is convex, so the sweeps
 * converge to its unique minimum. The first sweep (movies from b_u = 0, then users) is exactly Koren's
 * "decoupled" estimate with λ_i = 25, λ_u = 10.
 */
export interface StaticBaselineOptions {
  regUser: number;
  regMovie: number;
  /** At most this many sweeps (movie biases, then user biases). */
  maxSweeps: number;
  /** Stop when no bias moved by more than this in a sweep. */
  tolerance: number;
}

export const DEFAULT_STATIC_BASELINE_OPTIONS: StaticBaselineOptions = {
  regUser: 10,
  regMovie: 25,
  maxSweeps: 200,
  tolerance: 1e-6,
};

export interface StaticBaseline extends RatingModel {
  kind: 'bias';
  mean: number;
  userBias: Float64Array;
  movieBias: Float64Array;
  sweeps: number;
}

export function fitStaticBaseline(
  train: RatingSet,
  context: FitContext,
  options: StaticBaselineOptions = DEFAULT_STATIC_BASELINE_OPTIONS,
): StaticBaseline {
  const mean = meanRating(train);
  const userBias = new Float64Array(context.users);
  const movieBias = new Float64Array(context.movies);
  const userCount = countPer(train.user, context.users);
  const movieCount = countPer(train.movie, context.movies);
  const sum = new Float64Array(Math.max(context.users, context.movies));
  let sweeps = 0;
  while (sweeps < options.maxSweeps) {
    sweeps++;
    sum.fill(0);
    for (let k = 0; k < train.count; k++)
      sum[train.movie[k]] += train.rating[k] - mean - userBias[train.user[k]];
    let change = updateBiases(movieBias, sum, movieCount, options.regMovie);
    sum.fill(0);
    for (let k = 0; k < train.count; k++)
      sum[train.user[k]] += train.rating[k] - mean - movieBias[train.movie[k]];
    change = Math.max(change, updateBiases(userBias, sum, userCount, options.regUser));
    if (change <= options.tolerance) break;
  }
  const { min, max } = context.scale;
  return {
    kind: 'bias',
    params: 1 + context.users + context.movies,
    mean,
    userBias,
    movieBias,
    sweeps,
    predict: (set, range = { min, max }) => {
      const out = new Float32Array(set.count);
      for (let k = 0; k < set.count; k++)
        out[k] = clip(mean + userBias[set.user[k]] + movieBias[set.movie[k]], range.min, range.max);
      return out;
    },
  };
}

/** b = sum / (λ + n) for every index; returns the largest change. */
function updateBiases(
  bias: Float64Array,
  sum: Float64Array,
  count: Uint32Array,
  reg: number,
): number {
  let change = 0;
  for (let j = 0; j < bias.length; j++) {
    const next = count[j] + reg > 0 ? sum[j] / (reg + count[j]) : 0;
    change = Math.max(change, Math.abs(next - bias[j]));
    bias[j] = next;
  }
  return change;
}

export function countPer(column: Uint32Array, size: number): Uint32Array {
  const counts = new Uint32Array(size);
  for (let k = 0; k < column.length; k++) counts[column[k]]++;
  return counts;
}
