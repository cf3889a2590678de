import type { Rng } from '../../../lib/rng';
import type { PrizeModelOptions } from '../contract';
import type { PrizeData } from './prize-data';
import type { PrizeModelState } from './model-state';

/** The learning rates of one epoch (the options' rates times the decay so far) and the regularisation. */
export type EpochRates = Pick<
  PrizeModelOptions,
  | 'lrBias'
  | 'regBias'
  | 'lrFactor'
  | 'regFactor'
  | 'lrDrift'
  | 'regDrift'
  | 'lrBin'
  | 'regBin'
  | 'lrUserDay'
  | 'regUserDay'
  | 'lrFactorDrift'
  | 'regFactorDrift'
>;

/** Per-run scratch, allocated once with the model: nothing is allocated per rating or per user. */
export interface EpochScratch {
  /** p_u of the current user, then α_pu, the implicit sum z and the y gradient: f numbers each. */
  userFactor: Float64Array;
  userFactorDrift: Float64Array;
  implicitSum: Float64Array;
  implicitGradient: Float64Array;
  /** Slot in `userDays` of each day for the current user. */
  daySlot: Int32Array;
}

export function allocateScratch(factors: number): EpochScratch {
  return {
    userFactor: new Float64Array(factors),
    userFactorDrift: new Float64Array(factors),
    implicitSum: new Float64Array(factors),
    implicitGradient: new Float64Array(factors),
    daySlot: new Int32Array(65536),
  };
}

/**
 * One SGD epoch of the static baseline (f = 0) or biased MF. Users are visited in `userOrder` (shuffled by the
 * caller each epoch) and each user's training ratings in index order from a random starting point, wrapping
 * around: the per-user order of Koren's own SGD, which keeps p_u in registers for the whole user and depends
 * only on the seed, never on an earlier model's run. With e = r − r̂ each rating moves
 * b_u += γ_b (e − λ_b b_u), b_i likewise, p_u += γ (e q_i − λ p_u), q_i += γ (e p_u − λ q_i) (old values on the
 * right). Returns the sum of squared errors, each taken before its update.
 */
export function mfEpoch(
  state: PrizeModelState,
  data: PrizeData,
  rates: EpochRates,
  userOrder: Uint32Array,
  rng: Rng,
  scratch: EpochScratch,
): number {
  const { start, rows } = data.train;
  const { movie, code, ratingValues: values } = data.table;
  const { mean, factors: f, userBias: bu, movieBias: bi, userFactors: P, movieFactors: Q } = state;
  const { lrBias, regBias, lrFactor, regFactor } = rates;
  const pu = scratch.userFactor;
  let squared = 0;
  for (let n = 0; n < userOrder.length; n++) {
    const u = userOrder[n];
    const first = start[u];
    const count = start[u + 1] - first;
    if (count === 0) continue;
    const base = u * f;
    for (let c = 0; c < f; c++) pu[c] = P[base + c];
    let b = bu[u];
    const offset = rng.int(count);
    for (let t = 0; t < count; t++) {
      let k = first + offset + t;
      if (k >= first + count) k -= count;
      const row = rows[k];
      const i = movie[row];
      const qi = i * f;
      let dot = 0;
      for (let c = 0; c < f; c++) dot += pu[c] * Q[qi + c];
      const err = values[code[row]] - (mean + b + bi[i] + dot);
      squared += err * err;
      b += lrBias * (err - regBias * b);
      bi[i] += lrBias * (err - regBias * bi[i]);
      for (let c = 0; c < f; c++) {
        const p = pu[c];
        const q = Q[qi + c];
        pu[c] = p + lrFactor * (err * q - regFactor * p);
        Q[qi + c] = q + lrFactor * (err * p - regFactor * q);
      }
    }
    bu[u] = b;
    for (let c = 0; c < f; c++) P[base + c] = pu[c];
  }
  return squared;
}

/**
 * One SGD epoch of the time-aware baseline, SVD++ or timeSVD++ (same visiting order as `mfEpoch`). Per rating,
 * with e = r − r̂ and dev = dev_u(t):
 *   b_u += γ_b (e − λ_b b_u);  b_i += γ_b (e − λ_b b_i);
 *   α_u += γ_α (e dev − λ_α α_u);  b_i,Bin(t) += γ_bin (e − λ_bin b_i,Bin(t));  b_u,t += γ_ut (e − λ_ut b_u,t);
 *   q_i += γ (e (p_u + α_pu dev + z_u) − λ q_i);  p_u += γ (e q_i − λ p_u);  α_pu += γ_αp (e dev q_i − λ_αp α_pu)
 * where z_u = |N(u)|^−½ Σ y_j is computed once per user. The y_j move once per user, by the summed gradient
 * γ |N(u)|^−½ Σ e q_i, with the weight decay (1 − γ λ) compounded over the user's ratings: the usual way to make
 * SVD++ cost O(f) per rating rather than O(|N(u)| f).
 */
export function temporalEpoch(
  state: PrizeModelState,
  data: PrizeData,
  rates: EpochRates,
  userOrder: Uint32Array,
  rng: Rng,
  scratch: EpochScratch,
): number {
  const { start, rows } = data.train;
  const { movie, code, day, ratingValues: values } = data.table;
  const { mean, factors: f, userBias: bu, movieBias: bi, userFactors: P, movieFactors: Q } = state;
  const {
    implicitFactors: Y,
    drift,
    factorDrift: AP,
    binBias,
    bins,
    binFirstDay,
    binScale,
  } = state;
  const { userDayStart, userDays, userDayDev, userDayBias } = state;
  const timed = drift.length > 0;
  const perDay = userDayBias.length > 0;
  const implicit = Y.length > 0;
  const factorDrifts = AP.length > 0;
  const { lrBias, regBias, lrFactor, regFactor, lrDrift, regDrift, lrBin, regBin } = rates;
  const { lrUserDay, regUserDay, lrFactorDrift, regFactorDrift } = rates;
  const { userFactor: pu, userFactorDrift: apu, implicitSum: z, implicitGradient: grad } = scratch;
  const slot = scratch.daySlot;
  let squared = 0;
  for (let n = 0; n < userOrder.length; n++) {
    const u = userOrder[n];
    const first = start[u];
    const count = start[u + 1] - first;
    if (count === 0) continue;
    const base = u * f;
    for (let c = 0; c < f; c++) pu[c] = P[base + c];
    if (factorDrifts) for (let c = 0; c < f; c++) apu[c] = AP[base + c];
    let b = bu[u];
    let a = timed ? drift[u] : 0;
    if (timed) for (let s = userDayStart[u]; s < userDayStart[u + 1]; s++) slot[userDays[s]] = s;
    const norm = 1 / Math.sqrt(count);
    if (implicit) {
      z.fill(0);
      grad.fill(0);
      for (let k = first; k < first + count; k++) {
        const j = movie[rows[k]] * f;
        for (let c = 0; c < f; c++) z[c] += Y[j + c];
      }
      for (let c = 0; c < f; c++) z[c] *= norm;
    }
    const offset = rng.int(count);
    for (let t = 0; t < count; t++) {
      let k = first + offset + t;
      if (k >= first + count) k -= count;
      const row = rows[k];
      const i = movie[row];
      const qi = i * f;
      let prediction = mean + b + bi[i];
      let dev = 0;
      let s = 0;
      let bin = 0;
      if (timed) {
        const d = day[row];
        s = slot[d];
        dev = userDayDev[s];
        bin = Math.floor((d - binFirstDay) * binScale);
        bin = i * bins + (bin < 0 ? 0 : bin >= bins ? bins - 1 : bin);
        prediction += a * dev + binBias[bin] + (perDay ? userDayBias[s] : 0);
      }
      let dot = 0;
      if (factorDrifts)
        for (let c = 0; c < f; c++) dot += Q[qi + c] * (pu[c] + apu[c] * dev + z[c]);
      else if (implicit) for (let c = 0; c < f; c++) dot += Q[qi + c] * (pu[c] + z[c]);
      else for (let c = 0; c < f; c++) dot += Q[qi + c] * pu[c];
      const err = values[code[row]] - (prediction + dot);
      squared += err * err;
      b += lrBias * (err - regBias * b);
      bi[i] += lrBias * (err - regBias * bi[i]);
      if (timed) {
        a += lrDrift * (err * dev - regDrift * a);
        binBias[bin] += lrBin * (err - regBin * binBias[bin]);
        if (perDay) userDayBias[s] += lrUserDay * (err - regUserDay * userDayBias[s]);
      }
      for (let c = 0; c < f; c++) {
        const p = pu[c];
        const q = Q[qi + c];
        if (factorDrifts) {
          const ap = apu[c];
          Q[qi + c] = q + lrFactor * (err * (p + ap * dev + z[c]) - regFactor * q);
          apu[c] = ap + lrFactorDrift * (err * dev * q - regFactorDrift * ap);
        } else Q[qi + c] = q + lrFactor * (err * (p + z[c]) - regFactor * q);
        pu[c] = p + lrFactor * (err * q - regFactor * p);
        grad[c] += err * q;
      }
    }
    bu[u] = b;
    if (timed) drift[u] = a;
    for (let c = 0; c < f; c++) P[base + c] = pu[c];
    if (factorDrifts) for (let c = 0; c < f; c++) AP[base + c] = apu[c];
    if (implicit) {
      const decay = Math.pow(1 - lrFactor * regFactor, count);
      const step = lrFactor * norm;
      for (let k = first; k < first + count; k++) {
        const j = movie[rows[k]] * f;
        for (let c = 0; c < f; c++) Y[j + c] = decay * Y[j + c] + step * grad[c];
      }
    }
  }
  return squared;
}
