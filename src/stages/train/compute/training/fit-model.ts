/**
 * The training loop: seeded shuffling, Adam steps on batches, validation after every epoch, early stopping on
 * validation loss with the best epoch's weights restored (tfjs-layers' `restoreBestWeights` is not
 * implemented), soft stop between batches, and resuming from an epoch. Written out rather than `model.fit`
 * so that every one of those is ours to control and test, and no tensor outlives its batch.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { createRng, shuffleInPlace } from '../../../../lib/rng';
import type { Tf } from '../tf';
import { meanSquaredError, predictWindows } from './predict';
import { toTrainingSource, type TrainingData } from './training-source';

export interface FitOptions {
  /** Train until this epoch index (exclusive), as Keras: epochs `initialEpoch … epochs − 1` run. */
  epochs: number;
  batchSize: number;
  /**
   * Stop after this many epochs in a row without a validation-loss improvement (Keras' patience);
   * `Infinity` never stops early.
   */
  patience: number;
  /** Seeds the order of the windows in every epoch. */
  seed: number;
  /** First epoch to run, when continuing a model trained before (the Hyperband tuner's resume). */
  initialEpoch?: number;
  /** Smallest decrease of the validation loss that counts as an improvement. */
  minDelta?: number;
  /** After every batch. A returned promise is awaited: hosts use it to yield to their event loop. */
  onBatch?: (progress: BatchProgress) => void | Promise<void>;
  /** After every epoch. A returned promise is awaited. */
  onEpoch?: (log: EpochLog) => void | Promise<void>;
  /** Polled between batches; true finishes the current batch, restores the best weights and returns. */
  shouldStop?: () => boolean;
}

export interface BatchProgress {
  epoch: number;
  /** Batch index within the epoch. */
  batch: number;
  batchesPerEpoch: number;
  /** Mean squared error of this batch (before its update). */
  loss: number;
  /** Windows per second over the epoch so far. */
  samplesPerSecond: number;
}

export interface EpochLog {
  epoch: number;
  /** Mean training loss over the epoch's batches (weighted by batch size). */
  loss: number;
  /** Mean squared error on the validation windows (NaN when there are none). */
  valLoss: number;
  /** Seconds spent on this epoch's batches (validation excluded). */
  seconds: number;
  samplesPerSecond: number;
  /** True when this epoch is the best so far, so its weights are the ones kept. */
  improved: boolean;
}

export type StopReason = 'completed' | 'patience' | 'stopped' | 'diverged';

export interface FitResult {
  history: EpochLog[];
  /** Epoch whose weights the model holds now; −1 when no epoch finished. */
  bestEpoch: number;
  bestValLoss: number;
  epochsRun: number;
  /** True when training ended before `epochs` (patience, a stop request, or a diverged loss). */
  stoppedEarly: boolean;
  stopReason: StopReason;
  /** Seconds spent in training batches over the whole call. */
  trainingSeconds: number;
  /** Windows per second over the whole call. */
  samplesPerSecond: number;
}

export interface FitData {
  train: TrainingData;
  /** Validation examples for early stopping; without any, the training loss is monitored instead. */
  validation?: TrainingData;
}

function checkOptions(options: FitOptions, train: { count: number }): void {
  const { epochs, batchSize, patience, initialEpoch = 0 } = options;
  if (!Number.isInteger(epochs) || epochs < 0)
    throw new Error(`fitModel: epochs must be a whole number, got ${epochs}`);
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error(`fitModel: batchSize must be a positive integer, got ${batchSize}`);
  if (!(patience >= 0))
    throw new Error(`fitModel: patience must be ≥ 0 or Infinity, got ${patience}`);
  if (!Number.isInteger(initialEpoch) || initialEpoch < 0 || initialEpoch > epochs)
    throw new Error(`fitModel: initialEpoch must be in [0, epochs], got ${initialEpoch}`);
  if (train.count === 0) throw new Error('fitModel: the training split has no windows');
}

/** Trains `model` (compiled, e.g. by `buildLstmModel`) in place and leaves it holding the best weights. */
export async function fitModel(
  tf: Tf,
  model: tfjs.LayersModel,
  data: FitData,
  options: FitOptions,
): Promise<FitResult> {
  const train = toTrainingSource(data.train, 'train');
  train.checkModel(model, 'training');
  const validation =
    data.validation && data.validation.count > 0
      ? toTrainingSource(data.validation, 'validation')
      : undefined;
  validation?.checkModel(model, 'validation');
  checkOptions(options, train);
  const optimizer = model.optimizer;
  if (!optimizer) throw new Error('fitModel: compile the model first (buildLstmModel does)');
  const { epochs, batchSize, patience, seed, minDelta = 0, initialEpoch = 0 } = options;

  const order = new Uint32Array(train.count);
  const batchesPerEpoch = Math.ceil(train.count / batchSize);
  const variables = model.trainableWeights.map((w) => w.read() as tfjs.Variable);

  const history: EpochLog[] = [];
  let best: tfjs.Tensor[] | null = null;
  let bestEpoch = -1;
  let bestValLoss = Infinity;
  let sinceBest = 0;
  let stopReason: StopReason = 'completed';
  let trainingMs = 0;
  let samplesSeen = 0;

  try {
    epochLoop: for (let epoch = initialEpoch; epoch < epochs; epoch++) {
      for (let i = 0; i < order.length; i++) order[i] = i;
      // Each epoch's order depends only on (seed, epoch), so a resumed run shuffles as a straight one would.
      shuffleInPlace(order, createRng(seed).fork(epoch));
      let lossSum = 0;
      let epochSamples = 0;
      let epochMs = 0;
      for (let b = 0; b < batchesPerEpoch; b++) {
        if (options.shouldStop?.()) {
          stopReason = 'stopped';
          break epochLoop;
        }
        const started = Date.now();
        const from = b * batchSize;
        const to = Math.min(from + batchSize, train.count);
        const n = to - from;
        const lossTensor = tf.tidy(() => {
          const { inputs, labels } = train.batch(tf, order, from, to);
          return optimizer.minimize(
            () =>
              tf.losses.meanSquaredError(
                labels,
                model.apply(inputs, { training: true }) as tfjs.Tensor,
              ) as tfjs.Scalar,
            true,
            variables,
          ) as tfjs.Scalar;
        });
        const loss = (await lossTensor.data())[0];
        lossTensor.dispose();
        epochMs += Date.now() - started;
        if (!Number.isFinite(loss)) {
          stopReason = 'diverged';
          break epochLoop;
        }
        lossSum += loss * n;
        epochSamples += n;
        await options.onBatch?.({
          epoch,
          batch: b,
          batchesPerEpoch,
          loss,
          samplesPerSecond: epochMs > 0 ? (epochSamples * 1000) / epochMs : 0,
        });
      }
      trainingMs += epochMs;
      samplesSeen += epochSamples;
      const loss = lossSum / epochSamples;
      const valLoss = validation
        ? meanSquaredError(await predictWindows(tf, model, validation), validation.labels)
        : NaN;
      const monitored = validation ? valLoss : loss;
      const improved = monitored < bestValLoss - minDelta;
      if (improved) {
        bestValLoss = monitored;
        bestEpoch = epoch;
        sinceBest = 0;
        if (best) tf.dispose(best);
        // Clones share the data; the optimizer's next update gives the variables new data, so this holds.
        best = model.getWeights().map((w) => tf.keep(w.clone()));
      } else {
        sinceBest++;
      }
      const outOfPatience = !improved && sinceBest >= patience;
      const log: EpochLog = {
        epoch,
        loss,
        valLoss,
        seconds: epochMs / 1000,
        samplesPerSecond: epochMs > 0 ? (epochSamples * 1000) / epochMs : 0,
        improved,
      };
      history.push(log);
      await options.onEpoch?.(log);
      if (!Number.isFinite(monitored)) {
        stopReason = 'diverged';
        break;
      }
      if (outOfPatience) {
        stopReason = 'patience';
        break;
      }
    }
    if (best) model.setWeights(best);
  } finally {
    if (best) tf.dispose(best);
  }
  return {
    history,
    bestEpoch,
    bestValLoss: bestEpoch >= 0 ? bestValLoss : NaN,
    epochsRun: history.length,
    stoppedEarly: stopReason !== 'completed',
    stopReason,
    trainingSeconds: trainingMs / 1000,
    samplesPerSecond: trainingMs > 0 ? (samplesSeen * 1000) / trainingMs : 0,
  };
}
