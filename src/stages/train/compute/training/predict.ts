/** Batched inference over windows, returning plain numbers. */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../tf';
import { inOrder, toTrainingSource, type TrainingData } from './training-source';

/** Predictions for every example, in order; `batchSize` bounds the memory of one forward pass. */
export async function predictWindows(
  tf: Tf,
  model: tfjs.LayersModel,
  data: TrainingData,
  batchSize = 2048,
): Promise<Float32Array> {
  const source = toTrainingSource(data, 'predict');
  const out = new Float32Array(source.count);
  const order = inOrder(source.count);
  for (let from = 0; from < source.count; from += batchSize) {
    const to = Math.min(from + batchSize, source.count);
    const prediction = tf.tidy(
      () => model.predict(source.batch(tf, order, from, to).inputs) as tfjs.Tensor,
    );
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
