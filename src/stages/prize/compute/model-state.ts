import { createRng, type Rng } from '../../../lib/rng';
import type { PrizeModelKind, PrizeModelOptions } from '../contract';
import type { PrizeData } from './prize-data';
import { hasFactors, isTimeAware } from './prize-presets';

/**
 * The learned arrays of a Prize model, allocated once and sized by the data. Arrays a kind does not use have
 * length 0. The prediction, for user u, movie i, day t (Koren, KDD 2009, eq. 12 without c_u(t) and p_u,t):
 *
 *   r̂ = μ + b_u + α_u dev_u(t) + b_u,t + b_i + b_i,Bin(t) + q_i · (p_u + α_pu dev_u(t) + |N(u)|^−½ Σ_{j∈N(u)} y_j)
 *
 * with dev_u(t) = sign(t − t_u) |t − t_u|^β, t_u the mean day of u's training ratings, N(u) the movies u
 * rated in training, and each term present only in the kinds that have it.
 */
export interface PrizeModelState {
  kind: PrizeModelKind;
  /** f (0 for the bias models). */
  factors: number;
  mean: number;
  userBias: Float32Array;
  movieBias: Float32Array;
  /** users × f, row-major. */
  userFactors: Float32Array;
  /** movies × f, row-major. */
  movieFactors: Float32Array;
  /** y_j, movies × f (svdpp, timesvdpp). */
  implicitFactors: Float32Array;
  /** α_u. */
  drift: Float32Array;
  /** α_pu, users × f (timesvdpp). */
  factorDrift: Float32Array;
  /** b_i,Bin(t), movies × bins. */
  binBias: Float32Array;
  bins: number;
  /** Days of the rating period per bin, and its first day. */
  binFirstDay: number;
  binScale: number;
  beta: number;
  /** t_u. */
  meanDay: Float32Array;
  /** users + 1 offsets into `userDays`: each user's distinct training days, ascending. */
  userDayStart: Uint32Array;
  userDays: Uint16Array;
  /** dev_u(t) of each (user, training day). */
  userDayDev: Float32Array;
  /** b_u,t per (user, training day); length 0 when per-day biases are off. */
  userDayBias: Float32Array;
}

/** dev_u(t) = sign(t − t_u) |t − t_u|^β. */
export function deviation(day: number, meanDay: number, beta: number): number {
  const d = day - meanDay;
  return d === 0 ? 0 : d > 0 ? Math.pow(d, beta) : -Math.pow(-d, beta);
}

/**
 * Allocates a model's arrays and sets its starting point: zero biases and drifts, N(0, initSd²) factors (p from
 * `fork(1)`, q from `fork(2)`, y from `fork(3)` of the seed's generator), so models of one seed start alike.
 */
export function allocateModel(options: PrizeModelOptions, data: PrizeData): PrizeModelState {
  const { kind } = options;
  const f = hasFactors(kind) ? options.factors : 0;
  const rng = createRng(options.seed);
  const { users, movies } = data;
  const timed = isTimeAware(kind);
  const implicit = kind === 'svdpp' || kind === 'timesvdpp';
  const state: PrizeModelState = {
    kind,
    factors: f,
    mean: data.mean,
    userBias: new Float32Array(users),
    movieBias: new Float32Array(movies),
    userFactors: normals(users * f, options.initSd, rng.fork(1)),
    movieFactors: normals(movies * f, options.initSd, rng.fork(2)),
    implicitFactors: implicit
      ? normals(movies * f, options.initSd, rng.fork(3))
      : new Float32Array(0),
    drift: new Float32Array(timed ? users : 0),
    factorDrift: new Float32Array(kind === 'timesvdpp' ? users * f : 0),
    binBias: new Float32Array(timed ? movies * options.bins : 0),
    bins: options.bins,
    binFirstDay: data.firstDay,
    binScale: options.bins / (data.lastDay - data.firstDay + 1),
    beta: options.beta,
    meanDay: new Float32Array(0),
    userDayStart: new Uint32Array(0),
    userDays: new Uint16Array(0),
    userDayDev: new Float32Array(0),
    userDayBias: new Float32Array(0),
  };
  if (timed) fillUserDays(state, data, options.userDayBias);
  return state;
}

/** Bin of a day; days outside the rating period fall in the first or last bin. */
export function binOf(state: PrizeModelState, day: number): number {
  const b = Math.floor((day - state.binFirstDay) * state.binScale);
  return b < 0 ? 0 : b >= state.bins ? state.bins - 1 : b;
}

function normals(count: number, sd: number, rng: Rng): Float32Array {
  const out = new Float32Array(count);
  for (let k = 0; k < count; k++) out[k] = rng.normal() * sd;
  return out;
}

/** Each user's distinct training days (ascending), t_u, and dev_u(t) per day: two passes over the rows. */
function fillUserDays(state: PrizeModelState, data: PrizeData, perDayBias: boolean): void {
  const { start, day } = data.train;
  const users = data.users;
  const seen = new Int32Array(65536).fill(-1);
  const dayStart = new Uint32Array(users + 1);
  for (let u = 0; u < users; u++) {
    let distinct = 0;
    for (let k = start[u]; k < start[u + 1]; k++) {
      const d = day[k];
      if (seen[d] !== u) {
        seen[d] = u;
        distinct++;
      }
    }
    dayStart[u + 1] = dayStart[u] + distinct;
  }
  const days = new Uint16Array(dayStart[users]);
  const meanDay = new Float32Array(users);
  seen.fill(-1);
  for (let u = 0; u < users; u++) {
    let at = dayStart[u];
    let sum = 0;
    for (let k = start[u]; k < start[u + 1]; k++) {
      const d = day[k];
      sum += d;
      if (seen[d] !== u) {
        seen[d] = u;
        days[at++] = d;
      }
    }
    days.subarray(dayStart[u], at).sort();
    const n = start[u + 1] - start[u];
    meanDay[u] = n > 0 ? sum / n : 0;
  }
  const dev = new Float32Array(days.length);
  for (let u = 0; u < users; u++)
    for (let s = dayStart[u]; s < dayStart[u + 1]; s++)
      dev[s] = deviation(days[s], meanDay[u], state.beta);
  state.userDayStart = dayStart;
  state.userDays = days;
  state.meanDay = meanDay;
  state.userDayDev = dev;
  state.userDayBias = new Float32Array(perDayBias ? days.length : 0);
}

/** Learned numbers of a model (what the Compare table shows as its size). */
export function parameterCount(state: PrizeModelState): number {
  if (state.kind === 'mean') return 1;
  return (
    1 +
    state.userBias.length +
    state.movieBias.length +
    state.userFactors.length +
    state.movieFactors.length +
    state.implicitFactors.length +
    state.drift.length +
    state.factorDrift.length +
    state.binBias.length +
    state.userDayBias.length
  );
}
