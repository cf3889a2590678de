import { createRng, type Rng } from '../../../lib/rng';
import { dotRows, sgdEpoch, ShuffledColumns, type FactorState } from './mf-kernels';
import { runEpochs, type EpochHooks, type EpochRun } from './epoch-loop';
import { clip, errorMetrics } from './metrics';
import { meanRating, type RatingSet } from './rating-set';
import type { FitContext, RatingModel } from './rating-model';

/**
 * Biased matrix factorisation, "SVD" in the Netflix Prize literature (Koren, Bell, Volinsky 2009, eq. 5):
 * r̂_ui = μ + b_u + b_i + q_i · p_u, fitted by stochastic gradient descent over the training ratings in a new
 * seeded random order each epoch, as in Funk's and Koren's papers. Defaults follow Koren (KDD 2008, §3):
 * learning rate 0.007 shrinking by 0.9 per epoch, λ = 0.005 for biases and 0.015 for factors, f = 50.
 */
export interface MfOptions {
  factors: number;
  epochs: number;
  learningRate: number;
  /** The learning rate is multiplied by this after every epoch. */
  learningRateDecay: number;
  regBias: number;
  regFactor: number;
  /** Standard deviation of the normal initial factors. */
  initSd: number;
  seed: number;
  /** Stop after this many epochs without a better validation RMSE (0: run every epoch). */
  patience: number;
}

export const DEFAULT_MF_OPTIONS: MfOptions = {
  factors: 50,
  epochs: 30,
  learningRate: 0.007,
  learningRateDecay: 0.9,
  regBias: 0.005,
  regFactor: 0.015,
  initSd: 0.1,
  seed: 7,
  patience: 3,
};

export interface FactorModel extends RatingModel, FactorState {}

export interface FactorFit<M extends RatingModel> {
  model: M;
  run: EpochRun;
}

export function checkMfOptions(options: MfOptions): void {
  const positive: (keyof MfOptions)[] = ['factors', 'epochs', 'learningRate', 'learningRateDecay'];
  for (const name of positive)
    if (!(options[name] > 0))
      throw new RangeError(`${name} must be positive, not ${options[name]}`);
  if (!Number.isInteger(options.factors) || !Number.isInteger(options.epochs))
    throw new RangeError('factors and epochs must be whole numbers');
  for (const name of ['regBias', 'regFactor', 'initSd', 'patience'] as const)
    if (!(options[name] >= 0)) throw new RangeError(`${name} must be ≥ 0, not ${options[name]}`);
}

/** Normal(0, sd) draws for a factor matrix. */
function initialFactors(count: number, sd: number, rng: Rng): Float32Array {
  const out = new Float32Array(count);
  for (let j = 0; j < count; j++) out[j] = rng.normal() * sd;
  return out;
}

/**
 * The starting point of biased MF and SVD++: the training mean, zero biases, and normal factors drawn from
 * `rng.fork(1)` (users) and `rng.fork(2)` (movies), so both models start alike for a seed.
 */
export function initialFactorState(
  train: RatingSet,
  context: FitContext,
  factors: number,
  initSd: number,
  rng: Rng,
): FactorState {
  return {
    mean: meanRating(train),
    factors,
    userBias: new Float32Array(context.users),
    movieBias: new Float32Array(context.movies),
    userFactors: initialFactors(context.users * factors, initSd, rng.fork(1)),
    movieFactors: initialFactors(context.movies * factors, initSd, rng.fork(2)),
  };
}

export async function fitBiasedMf(
  train: RatingSet,
  validation: RatingSet | null,
  context: FitContext,
  options: MfOptions = DEFAULT_MF_OPTIONS,
  hooks: EpochHooks = {},
): Promise<FactorFit<FactorModel>> {
  checkMfOptions(options);
  const f = options.factors;
  const rng = createRng(options.seed);
  const state = initialFactorState(train, context, f, options.initSd, rng);
  const orderRng = rng.fork(3);
  const shuffled = new ShuffledColumns(train);
  const model: FactorModel = {
    kind: 'mf',
    params: 1 + context.users + context.movies + f * (context.users + context.movies),
    ...state,
    predict: (set, range = context.scale) => predictFactors(set, state, range),
  };

  const run = await runEpochs(
    {
      runEpoch(epoch) {
        const lr = options.learningRate * Math.pow(options.learningRateDecay, epoch - 1);
        shuffled.shuffle(orderRng);
        const squared = sgdEpoch(
          state,
          shuffled.user,
          shuffled.movie,
          shuffled.rating,
          lr,
          options.regBias,
          options.regFactor,
        );
        return Math.sqrt(squared / Math.max(1, train.count));
      },
      validationRmse: () =>
        validation && validation.count > 0
          ? errorMetrics(model.predict(validation), validation).rmse
          : null,
      snapshot: () => snapshotFactors(state),
      restore: (snapshot) => restoreFactors(state, snapshot),
    },
    options,
    hooks,
  );
  return { model, run };
}

/** Copies of the learned arrays, for restoring the best epoch. */
export function snapshotFactors(state: FactorState): Float32Array[] {
  return [state.userBias, state.movieBias, state.userFactors, state.movieFactors].map((a) =>
    a.slice(),
  );
}

export function restoreFactors(state: FactorState, snapshot: Float32Array[]): void {
  [state.userBias, state.movieBias, state.userFactors, state.movieFactors].forEach((a, j) =>
    a.set(snapshot[j]),
  );
}

/** μ + b_u + b_i + p_u · q_i, clipped. */
export function predictFactors(
  set: RatingSet,
  state: FactorState,
  scale: { min: number; max: number },
): Float32Array {
  const { mean, factors: f, userBias, movieBias, userFactors, movieFactors } = state;
  const out = new Float32Array(set.count);
  for (let k = 0; k < set.count; k++) {
    const u = set.user[k];
    const i = set.movie[k];
    const dot = dotRows(userFactors, u * f, movieFactors, i * f, f);
    out[k] = clip(mean + userBias[u] + movieBias[i] + dot, scale.min, scale.max);
  }
  return out;
}
