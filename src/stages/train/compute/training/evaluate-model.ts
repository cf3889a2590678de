/** Test-set metrics in the rating scale. */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../tf';
import { meanSquaredError, predictWindows } from './predict';
import { toTrainingSource, type TrainingData } from './training-source';

export interface Evaluation {
  /** Root mean squared error, in rating points. */
  rmse: number;
  /** Mean absolute error, in rating points. */
  mae: number;
  /** One prediction per window, in the order of `data`. */
  predictions: Float32Array;
}

export async function evaluateModel(
  tf: Tf,
  model: tfjs.LayersModel,
  data: TrainingData,
): Promise<Evaluation> {
  const source = toTrainingSource(data, 'evaluate');
  if (source.count === 0) throw new Error('evaluateModel: no examples to evaluate');
  const predictions = await predictWindows(tf, model, source);
  const labels = source.labels;
  let absolute = 0;
  for (let i = 0; i < source.count; i++) absolute += Math.abs(predictions[i] - labels[i]);
  return {
    rmse: Math.sqrt(meanSquaredError(predictions, labels)),
    mae: absolute / source.count,
    predictions,
  };
}

/** The baseline "predict the training mean for every example": its RMSE on `labels`. */
export function constantPredictionRmse(trainLabels: Float32Array, labels: Float32Array): number {
  let mean = 0;
  for (let i = 0; i < trainLabels.length; i++) mean += trainLabels[i];
  mean /= trainLabels.length;
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += (labels[i] - mean) ** 2;
  return Math.sqrt(sum / labels.length);
}
