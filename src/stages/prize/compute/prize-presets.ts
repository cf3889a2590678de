import type { PrizeModelKind, PrizeModelOptions } from '../contract';

/** The factor counts of Koren's tables (KDD 2009, Table 2: f = 10 … 200). */
export const KOREN_FACTOR_COUNTS = [10, 20, 50, 100, 200] as const;

/**
 * Settings shared by every Prize model. Where they come from:
 * - b_u, b_i, p_u, q_i, y_j: γ = 0.007, λ = 0.005 (biases) and 0.015 (factors), γ × 0.9 after every epoch, 30
 *   epochs: Koren, "Factorization meets the neighborhood" (KDD 2008, §3 and §4 for SVD and SVD++), the values
 *   the existing Baselines cell uses too.
 * - β = 0.4 and 30 item time bins: Koren, "Collaborative filtering with temporal dynamics" (KDD 2009, §4.2).
 * - α_u and α_pu: γ = 1e-5, λ = 50: the drift terms move by dev_u(t), which is up to ~20 on the Prize's
 *   2,243 days, so they need a step about 1,000 times smaller than the biases' (the order Koren's paper gives).
 * - b_i,Bin(t): γ = 0.005, λ = 0.1; b_u,t: γ = 0.0025, λ = 0.005: chosen here (Koren gives no numbers for
 *   them), so that a bin or a day with a handful of ratings moves only a little, and checked on the planted
 *   drift data of the tests.
 * - Initial factors N(0, 0.1²), seed 7.
 */
export const BASE_PRIZE_OPTIONS: Omit<PrizeModelOptions, 'kind'> = {
  factors: 50,
  epochs: 30,
  learningRateDecay: 0.9,
  lrBias: 0.007,
  regBias: 0.005,
  lrFactor: 0.007,
  regFactor: 0.015,
  lrDrift: 1e-5,
  regDrift: 50,
  lrBin: 0.005,
  regBin: 0.1,
  lrUserDay: 0.0025,
  regUserDay: 0.005,
  lrFactorDrift: 1e-5,
  regFactorDrift: 50,
  bins: 30,
  beta: 0.4,
  userDayBias: true,
  initSd: 0.1,
  seed: 7,
};

/** Whether a kind learns latent factors (and so has an `f`). */
export function hasFactors(kind: PrizeModelKind): boolean {
  return kind === 'mf' || kind === 'svdpp' || kind === 'timesvdpp';
}

/** Whether a kind has the time-aware biases (α_u, b_i,Bin(t), b_u,t). */
export function isTimeAware(kind: PrizeModelKind): boolean {
  return kind === 'timebias' || kind === 'timesvdpp';
}

/**
 * Koren's configuration of a model at `factors` latent factors (ignored by the bias models). The same
 * learning rates serve every f, as in Koren's tables.
 */
export function korenPreset(kind: PrizeModelKind, factors = 50): PrizeModelOptions {
  return { ...BASE_PRIZE_OPTIONS, kind, factors: hasFactors(kind) ? factors : 0 };
}
