/**
 * One training run from a request, on whatever tfjs backend the host started: build the model the request
 * names, train it on the windows (LSTM) or the training ratings (embedding model), and score it on the same
 * validation and test labels. The training worker and the CLI both run training through this.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { windowBatches } from '../../windows/compute/compact-windows';
import type { TrainRequest, TrainResult, SplitEvaluation } from '../contract';
import { buildDenseModel } from './model/build-dense-model';
import { buildLstmModel, countParameters } from './model/build-lstm-model';
import { readWeights, writeWeights } from './model/weights';
import type { Tf } from './tf';
import { constantPredictionRmse, evaluateModel } from './training/evaluate-model';
import { fitModel, type BatchProgress, type EpochLog } from './training/fit-model';
import { modelData } from './training/model-data';
import { normalizationStats } from './training/normalization-stats';
import type { TrainingSource } from './training/training-source';
import { disposeModel } from './model/dispose-model';

export interface TrainingHooks {
  onPhase?: (phase: 'building' | 'training' | 'evaluating') => void;
  onBatch?: (progress: BatchProgress) => void | Promise<void>;
  onEpoch?: (log: EpochLog) => void | Promise<void>;
  shouldStop?: () => boolean;
}

export function buildRequestedModel(
  tf: Tf,
  request: Pick<TrainRequest, 'model' | 'windows' | 'space'>,
): tfjs.LayersModel {
  const { model, windows, space } = request;
  if (model.kind === 'dense') return buildDenseModel(tf, { ...model.options, ...space });
  return buildLstmModel(tf, {
    ...model.options,
    steps: windows.steps,
    features: windows.features,
    normalization: normalizationStats(windowBatches(windows, 'train')),
  });
}

async function splitEvaluation(
  tf: Tf,
  model: tfjs.LayersModel,
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

/**
 * Trains and scores; returns the trained model (the caller keeps or disposes it) and the result without the
 * backend and model key, which the host fills in.
 */
export async function runTraining(
  tf: Tf,
  request: TrainRequest,
  hooks: TrainingHooks = {},
): Promise<{ model: tfjs.LayersModel; result: Omit<TrainResult, 'backend' | 'modelKey'> }> {
  hooks.onPhase?.('building');
  const data = modelData(request.model.kind, request.windows);
  const model = buildRequestedModel(tf, request);
  try {
    if (request.initialWeights) writeWeights(tf, model, request.initialWeights);
    hooks.onPhase?.('training');
    const fit = await fitModel(tf, model, data, {
      ...request.fit,
      onBatch: hooks.onBatch,
      onEpoch: hooks.onEpoch,
      shouldStop: hooks.shouldStop,
    });
    hooks.onPhase?.('evaluating');
    const validation = data.validation.count
      ? await splitEvaluation(tf, model, data.train, data.validation)
      : null;
    const test = data.test.count
      ? {
          ...(await splitEvaluation(tf, model, data.train, data.test)),
          labels: data.test.labels.slice(),
        }
      : null;
    return {
      model,
      result: {
        runId: request.runId,
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
      },
    };
  } catch (error) {
    disposeModel(model);
    throw error;
  }
}
