import { clip } from './metrics';
import { meanRating, type RatingSet } from './rating-set';
import type { FitContext, RatingModel } from './rating-model';

/**
 * The time-aware baseline predictor of Koren, "Collaborative filtering with temporal dynamics" (KDD 2009, eq. 9
 * and 10, the "linear" and "linear+" rows of Table 1):
 *
 *   b_ui(t) = μ + b_u + α_u · dev_u(t) + b_u,t + b_i + b_i,Bin(t),   dev_u(t) = sign(t − t_u) · |t − t_u|^β
 *
 * with t in days, t_u the mean day of u's training ratings, Bin(t) one of `bins` equal spans of the training
 * period (days outside it fall in the first or last bin), and b_u,t a bias per user and day (optional: it helps
 * only where held-out ratings share a day with training ratings). The model is linear in its parameters, so
 * the regularised least-squares fit is convex; it is fitted by exact block coordinate descent (each block,
 * e.g. all b_i,Bin, has a closed form given the others), keeping the residuals up to date. Koren fitted the
 * same objective by gradient descent.
 */
export interface TimeAwareBaselineOptions {
  bins: number;
  /** β of dev_u(t); Koren found 0.4. */
  beta: number;
  userDayBias: boolean;
  regUser: number;
  regMovie: number;
  regMovieBin: number;
  regDrift: number;
  regUserDay: number;
  maxSweeps: number;
  /** Stop when the training RMSE improves by less than this in a sweep. */
  tolerance: number;
}

export const DEFAULT_TIME_AWARE_BASELINE_OPTIONS: TimeAwareBaselineOptions = {
  bins: 30,
  beta: 0.4,
  userDayBias: true,
  regUser: 10,
  regMovie: 25,
  regMovieBin: 50,
  regDrift: 500,
  regUserDay: 20,
  maxSweeps: 40,
  tolerance: 1e-6,
};

export interface TimeAwareBaseline extends RatingModel {
  kind: 'timebias';
  sweeps: number;
  mean: number;
  userBias: Float64Array;
  /** α_u. */
  drift: Float64Array;
  /** t_u: mean training day per user (NaN without training ratings). */
  meanDay: Float64Array;
  movieBias: Float64Array;
  /** movies × bins, row-major. */
  movieBinBias: Float64Array;
  userDayBias: Float64Array;
  binOf(day: number): number;
  /** Index into `userDayBias` of a (user, day) seen in training, or undefined. */
  userDayIndex(user: number, day: number): number | undefined;
}

/** Days since the user's mean training day, bent by β; 0 for users without training ratings. */
export function deviation(day: number, meanDay: number, beta: number): number {
  const d = day - meanDay;
  return d === 0 || Number.isNaN(d) ? 0 : Math.sign(d) * Math.pow(Math.abs(d), beta);
}

export function fitTimeAwareBaseline(
  train: RatingSet,
  context: FitContext,
  options: TimeAwareBaselineOptions = DEFAULT_TIME_AWARE_BASELINE_OPTIONS,
): TimeAwareBaseline {
  const { users, movies } = context;
  const n = train.count;
  const mean = meanRating(train);
  const meanDay = userMeanDays(train, users);
  const firstDay = n > 0 ? train.day.reduce((a, b) => Math.min(a, b)) : 0;
  const lastDay = n > 0 ? train.day.reduce((a, b) => Math.max(a, b)) : 0;
  const binOf = (day: number): number =>
    Math.min(
      options.bins - 1,
      Math.max(0, Math.floor(((day - firstDay) * options.bins) / (lastDay - firstDay + 1))),
    );
  const userDays = new Map<number, number>();
  const dayKey = (u: number, day: number): number => u * 65536 + day;

  const dev = new Float64Array(n);
  const movieBinOf = new Uint32Array(n);
  const userDayOf = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    dev[k] = deviation(train.day[k], meanDay[train.user[k]], options.beta);
    movieBinOf[k] = train.movie[k] * options.bins + binOf(train.day[k]);
    if (options.userDayBias) {
      const key = dayKey(train.user[k], train.day[k]);
      let index = userDays.get(key);
      if (index === undefined) userDays.set(key, (index = userDays.size));
      userDayOf[k] = index;
    }
  }

  const userBias = new Float64Array(users);
  const drift = new Float64Array(users);
  const movieBias = new Float64Array(movies);
  const movieBinBias = new Float64Array(movies * options.bins);
  const userDayBias = new Float64Array(userDays.size);
  const residual = Float64Array.from(train.rating, (r) => r - mean);
  const blocks: Block[] = [
    { param: movieBias, group: train.movie, x: null, reg: options.regMovie },
    { param: movieBinBias, group: movieBinOf, x: null, reg: options.regMovieBin },
    { param: userBias, group: train.user, x: null, reg: options.regUser },
    { param: drift, group: train.user, x: dev, reg: options.regDrift },
  ];
  if (options.userDayBias)
    blocks.push({ param: userDayBias, group: userDayOf, x: null, reg: options.regUserDay });

  const scratch = {
    numerator: new Float64Array(Math.max(movies * options.bins, users, userDays.size, 1)),
    denominator: new Float64Array(Math.max(movies * options.bins, users, userDays.size, 1)),
  };
  let sweeps = 0;
  let previous = Infinity;
  while (sweeps < options.maxSweeps) {
    sweeps++;
    for (const block of blocks) updateBlock(block, residual, scratch);
    const loss = meanSquare(residual);
    if (Math.abs(previous - loss) < options.tolerance) break;
    previous = loss;
  }

  const { min, max } = context.scale;
  return {
    kind: 'timebias',
    params:
      1 + 2 * users + movies + movies * options.bins + (options.userDayBias ? userDays.size : 0),
    sweeps,
    mean,
    userBias,
    drift,
    meanDay,
    movieBias,
    movieBinBias,
    userDayBias,
    binOf,
    userDayIndex: (u, day) => (options.userDayBias ? userDays.get(dayKey(u, day)) : undefined),
    predict: (set, range = { min, max }) => {
      const out = new Float32Array(set.count);
      for (let k = 0; k < set.count; k++) {
        const u = set.user[k];
        const m = set.movie[k];
        const day = set.day[k];
        const userDay = options.userDayBias ? userDays.get(dayKey(u, day)) : undefined;
        const value =
          mean +
          userBias[u] +
          drift[u] * deviation(day, meanDay[u], options.beta) +
          (userDay === undefined ? 0 : userDayBias[userDay]) +
          movieBias[m] +
          movieBinBias[m * options.bins + binOf(day)];
        out[k] = clip(value, range.min, range.max);
      }
      return out;
    },
  };
}

/** One block of parameters: rating k contributes x_k · param[group_k] (x = 1 when null). */
interface Block {
  param: Float64Array;
  group: Uint32Array;
  x: Float64Array | null;
  reg: number;
}

/** Exact minimisation over one block given the rest: θ_j = Σ x (res + x θ_j) / (λ + Σ x²). */
function updateBlock(
  block: Block,
  residual: Float64Array,
  scratch: { numerator: Float64Array; denominator: Float64Array },
): void {
  const { param, group, x, reg } = block;
  const numerator = scratch.numerator.subarray(0, param.length).fill(0);
  const denominator = scratch.denominator.subarray(0, param.length).fill(0);
  for (let k = 0; k < residual.length; k++) {
    const j = group[k];
    const xk = x ? x[k] : 1;
    numerator[j] += xk * (residual[k] + xk * param[j]);
    denominator[j] += xk * xk;
  }
  for (let j = 0; j < param.length; j++) {
    const next = denominator[j] + reg > 0 ? numerator[j] / (reg + denominator[j]) : 0;
    numerator[j] = next - param[j]; // reused as the change
    param[j] = next;
  }
  for (let k = 0; k < residual.length; k++) residual[k] -= (x ? x[k] : 1) * numerator[group[k]];
}

function meanSquare(values: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += values[k] * values[k];
  return values.length > 0 ? sum / values.length : 0;
}

/** Mean training day of each user; NaN for users without training ratings. */
function userMeanDays(train: RatingSet, users: number): Float64Array {
  const sum = new Float64Array(users);
  const count = new Uint32Array(users);
  for (let k = 0; k < train.count; k++) {
    sum[train.user[k]] += train.day[k];
    count[train.user[k]]++;
  }
  return Float64Array.from(sum, (s, u) => (count[u] > 0 ? s / count[u] : NaN));
}
