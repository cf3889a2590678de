/** Batched inference over windows, returning plain numbers. */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../tf';
import { assertWindowData, type WindowData } from './window-data';

/** Predictions for every window, in order; `batchSize` bounds the memory of one forward pass. */
export async function predictWindows(
  tf: Tf,
  model: tfjs.LayersModel,
  data: WindowData,
  batchSize = 2048,
): Promise<Float32Array> {
  assertWindowData(data, 'predict');
  const out = new Float32Array(data.count);
  const size = data.steps * data.features;
  for (let from = 0; from < data.count; from += batchSize) {
    const n = Math.min(batchSize, data.count - from);
    const prediction = tf.tidy(() => {
      const x = tf.tensor3d(data.x.subarray(from * size, (from + n) * size), [
        n,
        data.steps,
        data.features,
      ]);
      return model.predict(x) as tfjs.Tensor;
    });
    out.set(await prediction.data(), from);
    prediction.dispose();
  }
  return out;
}

/** Mean squared error of predictions against labels. */
export function meanSquaredError(predictions: Float32Array, labels: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const d = predictions[i] - labels[i];
    sum += d * d;
  }
  return labels.length === 0 ? NaN : sum / labels.length;
}
