import { createRng, shuffleInPlace } from '../../../lib/rng';
import type { PrizeEpochProgress, PrizeModelOptions, PrizeModelResult } from '../contract';
import { checkModelFits } from './model-memory';
import { heldOutRmse, PrizeScorer } from './model-scorer';
import { allocateModel, parameterCount, type PrizeModelState } from './model-state';
import { prizeDims, type PrizeData } from './prize-data';
import { CancelledError } from '../../../lib/cancellation';
import type { PrizeCancelSignal } from './prize-errors';
import { hasFactors, isTimeAware } from './prize-presets';
import { allocateScratch, mfEpoch, temporalEpoch, type EpochRates } from './sgd-epoch';

export interface TrainPrizeModelOptions {
  data: PrizeData;
  model: PrizeModelOptions;
  /** Called after every epoch (once for the mean). */
  onEpoch?: (progress: PrizeEpochProgress) => void;
  /** Read before every epoch; when set, training stops with a `CancelledError`. */
  signal?: PrizeCancelSignal;
  /** Refuse, before allocating, a model whose arrays exceed this many bytes (default: no limit). */
  budgetBytes?: number;
  /** Awaited between epochs, so that a worker can take a cancel message (e.g. a zero-delay timeout). */
  yieldBetweenEpochs?: () => Promise<void>;
  /** Milliseconds since some origin; defaults to `Date.now`. */
  now?: () => number;
}

export interface TrainedPrizeModel {
  state: PrizeModelState;
  scorer: PrizeScorer;
  result: PrizeModelResult;
}

export function checkPrizeModelOptions(options: PrizeModelOptions): void {
  if (hasFactors(options.kind) && !(Number.isInteger(options.factors) && options.factors >= 1))
    throw new RangeError(`factors must be a whole number ≥ 1, not ${options.factors}`);
  if (!(Number.isInteger(options.epochs) && options.epochs >= 1))
    throw new RangeError(`epochs must be a whole number ≥ 1, not ${options.epochs}`);
  if (!(Number.isInteger(options.bins) && options.bins >= 1))
    throw new RangeError(`bins must be a whole number ≥ 1, not ${options.bins}`);
  for (const [name, value] of Object.entries(options))
    if (typeof value === 'number' && !(value >= 0))
      throw new RangeError(`${name} must be a number ≥ 0, not ${value}`);
}

/**
 * Trains one Prize model on every training rating of the split (the table is read in place) and scores the
 * held-out ratings after every epoch. The model's arrays are allocated once, after the memory check; the
 * kept weights are those of the last epoch. SGD models visit users in a new seeded random order each epoch.
 */
export async function trainPrizeModel(options: TrainPrizeModelOptions): Promise<TrainedPrizeModel> {
  const { data, model: settings } = options;
  checkPrizeModelOptions(settings);
  const now = options.now ?? Date.now;
  const started = now();
  const dims = prizeDims(data, isTimeAware(settings.kind));
  const modelBytes = checkModelFits(settings, dims, options.budgetBytes ?? Infinity);
  const state = allocateModel(settings, data);
  const scorer = new PrizeScorer(state, data);
  const result: PrizeModelResult = {
    model: settings.kind,
    heldOutRmse: NaN,
    bestEpoch: 0,
    bestHeldOutRmse: NaN,
    epochs: 0,
    trainRmse: [],
    heldOutRmseByEpoch: [],
    params: parameterCount(state),
    modelBytes,
    seconds: 0,
  };
  const trainCount = data.train.entry.length;

  if (settings.kind === 'mean') {
    if (options.signal?.aborted)
      throw new CancelledError(`Training ${settings.kind} was cancelled.`);
    const rmse = heldOutRmse(scorer);
    const trainRmse = meanTrainRmse(data);
    Object.assign(result, { heldOutRmse: rmse, bestHeldOutRmse: rmse, epochs: 0 });
    result.seconds = (now() - started) / 1000;
    options.onEpoch?.({
      kind: 'epoch',
      model: 'mean',
      epoch: 1,
      epochs: 1,
      trainRmse,
      heldOutRmse: rmse,
      ratingsPerSecond: trainCount / Math.max(result.seconds, 1e-9),
      seconds: result.seconds,
    });
    return { state, scorer, result };
  }

  const rng = createRng(settings.seed).fork(4);
  const userOrder = Uint32Array.from({ length: data.users }, (_, u) => u);
  const scratch = allocateScratch(state.factors);
  const runEpoch = settings.kind === 'bias' || settings.kind === 'mf' ? mfEpoch : temporalEpoch;
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    if (options.signal?.aborted)
      throw new CancelledError(`Training ${settings.kind} was cancelled.`);
    const epochStart = now();
    const rates = epochRates(settings, Math.pow(settings.learningRateDecay, epoch - 1));
    shuffleInPlace(userOrder, rng);
    const squared = runEpoch(state, data, rates, userOrder, rng, scratch);
    const sgdSeconds = (now() - epochStart) / 1000;
    const trainRmse = Math.sqrt(squared / Math.max(1, trainCount));
    const rmse = heldOutRmse(scorer);
    result.epochs = epoch;
    result.trainRmse.push(trainRmse);
    result.heldOutRmseByEpoch.push(rmse);
    if (result.bestEpoch === 0 || rmse < result.bestHeldOutRmse) {
      result.bestEpoch = epoch;
      result.bestHeldOutRmse = rmse;
    }
    result.heldOutRmse = rmse;
    options.onEpoch?.({
      kind: 'epoch',
      model: settings.kind,
      epoch,
      epochs: settings.epochs,
      trainRmse,
      heldOutRmse: rmse,
      ratingsPerSecond: trainCount / Math.max(sgdSeconds, 1e-9),
      seconds: (now() - epochStart) / 1000,
    });
    if (options.yieldBetweenEpochs) await options.yieldBetweenEpochs();
  }
  result.seconds = (now() - started) / 1000;
  return { state, scorer, result };
}

/** The options' rates with the learning rates scaled by `scale` (the decay so far). */
function epochRates(o: PrizeModelOptions, scale: number): EpochRates {
  return {
    lrBias: o.lrBias * scale,
    regBias: o.regBias,
    lrFactor: o.lrFactor * scale,
    regFactor: o.regFactor,
    lrDrift: o.lrDrift * scale,
    regDrift: o.regDrift,
    lrBin: o.lrBin * scale,
    regBin: o.regBin,
    lrUserDay: o.lrUserDay * scale,
    regUserDay: o.regUserDay,
    lrFactorDrift: o.lrFactorDrift * scale,
    regFactorDrift: o.regFactorDrift,
  };
}

function meanTrainRmse(data: PrizeData): number {
  const { entry } = data.train;
  const values = data.table.ratingValues;
  let squared = 0;
  for (let k = 0; k < entry.length; k++) {
    const e = values[entry[k] & 255] - data.mean;
    squared += e * e;
  }
  return Math.sqrt(squared / Math.max(1, entry.length));
}
