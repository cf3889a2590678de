/**
 * The training worker's functions: start a backend (with the user's forced choice, if any), train the LSTM on
 * windows transferred in, stream progress as increments, stop softly on request, and return test metrics.
 * The worker keeps nothing between runs except the started backend: the caller owns the data.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import { transfer } from 'comlink';
import type { RunId } from '../../src/lib/ids';
import {
  buildLstmModel,
  constantPredictionRmse,
  countParameters,
  evaluateModel,
  fitModel,
  normalizationStats,
  readWeights,
  writeWeights,
  type WindowData,
} from '../../src/stages/train/compute/api';
import {
  DEFAULT_BACKEND_OPTIONS,
  type BackendOptions,
  type BackendReport,
  type SplitEvaluation,
  type TrainProgress,
  type TrainRequest,
  type TrainResult,
} from '../../src/stages/train/contract';
import { RunTokens } from '../data/cancellation';
import { BatchCoalescer } from './batch-coalescer';
import { tinyLstmFit } from './backend-check';
import { selectBackend } from './backend-select';
import { yieldToEventLoop } from './yield';

async function splitEvaluation(
  model: tf.LayersModel,
  train: WindowData,
  data: WindowData,
): Promise<SplitEvaluation & { predictions: Float32Array }> {
  const { rmse, mae, predictions } = await evaluateModel(tf, model, data);
  return { rmse, mae, trainMeanRmse: constantPredictionRmse(train.y, data), predictions };
}

export function createTrainApi() {
  const runs = new RunTokens();
  let backend: { options: BackendOptions; report: Promise<BackendReport> } | null = null;

  /**
   * Starts (once per choice) and reports the backend; a different forced choice restarts the selection.
   * Without options, keeps the backend already chosen (or selects with the defaults).
   */
  function init(options?: BackendOptions): Promise<BackendReport> {
    if (!options && backend) return backend.report;
    options ??= DEFAULT_BACKEND_OPTIONS;
    if (!backend || backend.options.force !== options.force) {
      const report = selectBackend(tf, options, tinyLstmFit);
      backend = { options, report };
      // A failed selection may be retried with another choice.
      report.catch(() => {
        if (backend?.report === report) backend = null;
      });
    }
    return backend.report;
  }

  async function train(
    request: TrainRequest,
    onProgress: (progress: TrainProgress) => void,
  ): Promise<TrainResult> {
    const { windows, runId } = request;
    const token = runs.start(runId);
    try {
      const report = await init(request.backend);
      onProgress({ kind: 'backend', report });
      onProgress({ kind: 'phase', phase: 'building' });
      const model = buildLstmModel(tf, {
        ...request.model,
        steps: windows.train.steps,
        features: windows.train.features,
        normalization: normalizationStats(windows.train),
      });
      try {
        if (request.initialWeights) writeWeights(tf, model, request.initialWeights);
        onProgress({ kind: 'phase', phase: 'training' });
        const batches = new BatchCoalescer(onProgress);
        const fit = await fitModel(tf, model, windows, {
          ...request.fit,
          onBatch: async (progress) => {
            batches.add(progress);
            await yieldToEventLoop();
          },
          onEpoch: (log) => {
            batches.flush();
            onProgress({ kind: 'epoch', ...log });
          },
          shouldStop: () => token.cancelled,
        });
        batches.flush();
        onProgress({ kind: 'phase', phase: 'evaluating' });
        const validation = windows.validation.count
          ? await splitEvaluation(model, windows.train, windows.validation)
          : null;
        const test = windows.test?.count
          ? {
              ...(await splitEvaluation(model, windows.train, windows.test)),
              labels: windows.test.y,
            }
          : null;
        const result: TrainResult = {
          runId,
          backend: report.backend,
          params: countParameters(model),
          epochsRun: fit.epochsRun,
          bestEpoch: fit.bestEpoch,
          bestValLoss: fit.bestValLoss,
          stopReason: fit.stopReason,
          trainingSeconds: fit.trainingSeconds,
          samplesPerSecond: fit.samplesPerSecond,
          validation: validation && {
            rmse: validation.rmse,
            mae: validation.mae,
            trainMeanRmse: validation.trainMeanRmse,
          },
          test,
          weights: request.returnWeights ? await readWeights(model) : null,
        };
        const buffers = [
          test?.predictions.buffer,
          ...(result.weights?.values.map((v) => v.buffer) ?? []),
        ];
        return transfer(
          result,
          buffers.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer),
        );
      } finally {
        model.dispose();
      }
    } finally {
      runs.finish(runId);
    }
  }

  return {
    init,
    train,
    /** Soft stop: the run finishes its current batch, keeps its best weights and returns its result. */
    stop(runId: RunId): void {
      runs.cancel(runId);
    },
  };
}
