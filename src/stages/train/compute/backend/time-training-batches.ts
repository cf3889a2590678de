/**
 * How fast the active tfjs backend trains the model a request is about to train: build that model, run one
 * batch to warm up (shader compilation, kernel and buffer set-up), then time Adam steps on the first real
 * batches of its training data until a time budget or a batch count is reached. Used to choose a backend by
 * measurement (backend-ranking.ts); the figures are shown to the person.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { TrainRequest } from '../../contract';
import { disposeModel } from '../model/dispose-model';
import { buildRequestedModel } from '../run-training';
import type { Tf } from '../tf';
import { modelData } from '../training/model-data';

/** The parts of a training request the timing needs. */
export type TimedRequest = Pick<TrainRequest, 'model' | 'windows' | 'space' | 'fit'>;

export interface TimingOptions {
  /** Batches timed at most (after the warm-up batch). */
  maxBatches?: number;
  /** Stop timing once this many milliseconds have been spent on timed batches. */
  budgetMs?: number;
  /** A clock in milliseconds; Date.now by default. */
  now?: () => number;
}

export const DEFAULT_TIMING_OPTIONS: Required<Omit<TimingOptions, 'now'>> = {
  maxBatches: 20,
  budgetMs: 1000,
};

/** What one backend measured. */
export interface BatchTiming {
  /** Training samples per second over the timed batches (warm-up excluded). */
  samplesPerSecond: number;
  /** Batches timed (at least one). */
  batches: number;
  batchSize: number;
  /** Milliseconds of the warm-up batch (not in the speed). */
  warmupMs: number;
}

/**
 * Times training on the active backend. The model is the request's (for the LSTM with a Glorot recurrent
 * initializer: the orthogonal one takes up to a minute to build on WebGL, FINDINGS.md, and does not change the
 * speed of a step); it is disposed afterwards, so the check leaves no tensors behind.
 */
export async function timeTrainingBatches(
  tf: Tf,
  request: TimedRequest,
  options: TimingOptions = {},
): Promise<BatchTiming> {
  const { maxBatches, budgetMs } = { ...DEFAULT_TIMING_OPTIONS, ...options };
  const now = options.now ?? Date.now;
  const timed: TimedRequest =
    request.model.kind === 'lstm'
      ? {
          ...request,
          model: {
            kind: 'lstm',
            options: { ...request.model.options, recurrentInitializer: 'glorotUniform' },
          },
        }
      : request;
  const train = modelData(request.model.kind, request.windows).train;
  if (train.count === 0) throw new Error('timing: the request has no training examples');
  const batchSize = Math.min(request.fit.batchSize, train.count);
  const order = Uint32Array.from({ length: train.count }, (_, i) => i);
  const batchCount = Math.floor(train.count / batchSize);
  const model = buildRequestedModel(tf, timed);
  const step = async (b: number): Promise<void> => {
    const from = (b % batchCount) * batchSize;
    const loss = tf.tidy(() => {
      const { inputs, labels } = train.batch(tf, order, from, from + batchSize);
      return model.optimizer.minimize(
        () =>
          tf.losses.meanSquaredError(
            labels,
            model.apply(inputs, { training: true }) as tfjs.Tensor,
          ) as tfjs.Scalar,
        true,
      ) as tfjs.Scalar;
    });
    // Reading the loss waits for the GPU, as the training loop does after every batch.
    await loss.data();
    loss.dispose();
  };
  try {
    const warmupStarted = now();
    await step(0);
    const warmupMs = now() - warmupStarted;
    const started = now();
    let batches = 0;
    while (batches < maxBatches && (batches === 0 || now() - started < budgetMs)) {
      await step(batches + 1);
      batches++;
    }
    const seconds = Math.max(now() - started, 1) / 1000;
    return { samplesPerSecond: (batches * batchSize) / seconds, batches, batchSize, warmupMs };
  } finally {
    disposeModel(model);
  }
}
