/** Test-set metrics in the rating scale. */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../tf';
import { meanSquaredError, predictWindows } from './predict';
import type { WindowData } from './window-data';

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
  data: WindowData,
): Promise<Evaluation> {
  if (data.count === 0) throw new Error('evaluateModel: no windows to evaluate');
  const predictions = await predictWindows(tf, model, data);
  let absolute = 0;
  for (let i = 0; i < data.count; i++) absolute += Math.abs(predictions[i] - data.y[i]);
  return {
    rmse: Math.sqrt(meanSquaredError(predictions, data.y)),
    mae: absolute / data.count,
    predictions,
  };
}

/** The baseline "predict the training mean for every window": its RMSE on `data`. */
export function constantPredictionRmse(trainLabels: Float32Array, data: WindowData): number {
  let mean = 0;
  for (let i = 0; i < trainLabels.length; i++) mean += trainLabels[i];
  mean /= trainLabels.length;
  let sum = 0;
  for (let i = 0; i < data.count; i++) sum += (data.y[i] - mean) ** 2;
  return Math.sqrt(sum / data.count);
}
