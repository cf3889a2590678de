/**
 * The training worker's functions: start a backend (with the user's forced choice, if any), train the LSTM or
 * the embedding model on windows transferred in, stream progress as increments, stop softly on request, return
 * test metrics; keep trained models for predictions and downloads. The caller owns the data.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import { transfer } from 'comlink';
import type { RunId } from '../../src/lib/ids';
import {
  buildDenseModel,
  buildLstmModel,
  constantPredictionRmse,
  countParameters,
  evaluateModel,
  fitModel,
  normalizationStats,
  pairSource,
  predictWindows,
  readWeights,
  writeWeights,
  type TrainingSource,
} from '../../src/stages/train/compute/api';
import {
  DEFAULT_BACKEND_OPTIONS,
  type BackendOptions,
  type BackendReport,
  type PredictInputs,
  type SplitEvaluation,
  type TrainProgress,
  type TrainRequest,
  type TrainResult,
} from '../../src/stages/train/contract';
import { windowBatches } from '../../src/stages/windows/compute/compact-windows';
import { RunTokens } from '../data/cancellation';
import { tinyChecks } from './backend-check';
import { selectBackend } from './backend-select';
import { BatchCoalescer } from './batch-coalescer';
import { KeptModels } from './kept-models';
import { modelData } from './training-data';
import { yieldToEventLoop } from './yield';

async function splitEvaluation(
  model: tf.LayersModel,
  train: TrainingSource,
  data: TrainingSource,
): Promise<SplitEvaluation & { predictions: Float32Array }> {
  const { rmse, mae, predictions } = await evaluateModel(tf, model, data);
  return {
    rmse,
    mae,
    trainMeanRmse: constantPredictionRmse(train.labels, data.labels),
    predictions,
  };
}

function buildModel(request: TrainRequest): tf.LayersModel {
  const { model, windows, space } = request;
  if (model.kind === 'dense') return buildDenseModel(tf, { ...model.options, ...space });
  return buildLstmModel(tf, {
    ...model.options,
    steps: windows.steps,
    features: windows.features,
    normalization: normalizationStats(windowBatches(windows, 'train')),
  });
}

export function createTrainApi(options: { persistModels?: boolean } = {}) {
  const runs = new RunTokens();
  const kept = new KeptModels(tf, options.persistModels ?? typeof indexedDB !== 'undefined');
  let backend: { options: BackendOptions; report: Promise<BackendReport> } | null = null;

  /**
   * Starts (once per choice) and reports the backend; a different forced choice restarts the selection.
   * Without options, keeps the backend already chosen (or selects with the defaults).
   */
  function init(choice?: BackendOptions): Promise<BackendReport> {
    if (!choice && backend) return backend.report;
    choice ??= DEFAULT_BACKEND_OPTIONS;
    if (!backend || backend.options.force !== choice.force) {
      const report = selectBackend(tf, choice, tinyChecks);
      backend = { options: choice, report };
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
    const { runId } = request;
    const token = runs.start(runId);
    let keep = false;
    try {
      const report = await init(request.backend);
      onProgress({ kind: 'backend', report });
      onProgress({ kind: 'phase', phase: 'building' });
      const data = modelData(request.model.kind, request.windows);
      const model = buildModel(request);
      try {
        if (request.initialWeights) writeWeights(tf, model, request.initialWeights);
        onProgress({ kind: 'phase', phase: 'training' });
        const batches = new BatchCoalescer(onProgress);
        const fit = await fitModel(tf, model, data, {
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
        const validation = data.validation.count
          ? await splitEvaluation(model, data.train, data.validation)
          : null;
        const test = data.test.count
          ? {
              ...(await splitEvaluation(model, data.train, data.test)),
              labels: data.test.labels.slice(),
            }
          : null;
        const modelKey = request.keepAs ?? null;
        if (modelKey) {
          keep = true;
          await kept.keep(modelKey, model);
        }
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
          modelKey,
        };
        const buffers = [
          test?.predictions.buffer,
          test?.labels.buffer,
          ...(result.weights?.values.map((v) => v.buffer) ?? []),
        ];
        return transfer(
          result,
          buffers.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer),
        );
      } finally {
        if (!keep) model.dispose();
      }
    } finally {
      runs.finish(runId);
    }
  }

  /** Scores examples with a kept model: candidate windows for the LSTM, (user, movie) pairs for the embedding model. */
  async function predict(modelKey: string, inputs: PredictInputs): Promise<Float32Array> {
    await init();
    const model = await kept.get(modelKey);
    const predictions =
      inputs.kind === 'windows'
        ? await predictWindows(tf, model, { ...inputs, y: new Float32Array(inputs.count) })
        : await predictWindows(
            tf,
            model,
            pairSource({ ...inputs, rating: new Float32Array(inputs.user.length) }),
          );
    return transfer(predictions, [predictions.buffer as ArrayBuffer]);
  }

  return {
    init,
    train,
    predict,
    /** Soft stop: the run finishes its current batch, keeps its best weights and returns its result. */
    stop(runId: RunId): void {
      runs.cancel(runId);
    },
    async exportModel(modelKey: string) {
      await init();
      const exported = await kept.export(modelKey);
      return transfer(exported, [exported.weights]);
    },
    listModels: () => kept.list(),
    removeModel: (modelKey: string) => kept.remove(modelKey),
  };
}
