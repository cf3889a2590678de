/**
 * Model weights as plain arrays, so they can cross a worker boundary, be kept as a tuner's checkpoint, and be
 * written back into a model with the same architecture ("continue from the parent's best weights").
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../tf';

export interface WeightSnapshot {
  /** Weight names in model order (for a clear error when architectures differ). */
  names: string[];
  shapes: number[][];
  values: Float32Array[];
}

export async function readWeights(model: tfjs.LayersModel): Promise<WeightSnapshot> {
  const weights = model.weights;
  const values = await Promise.all(
    model.getWeights().map((t) => t.data() as Promise<Float32Array>),
  );
  return {
    names: weights.map((w) => w.originalName),
    shapes: weights.map((w) => w.shape.map((d) => d ?? 0)),
    values: values.map((v) => Float32Array.from(v)),
  };
}

export function writeWeights(tf: Tf, model: tfjs.LayersModel, snapshot: WeightSnapshot): void {
  const weights = model.weights;
  if (weights.length !== snapshot.values.length)
    throw new Error(
      `writeWeights: the model has ${weights.length} weights, the snapshot ${snapshot.values.length}`,
    );
  weights.forEach((w, i) => {
    const shape = w.shape.map((d) => d ?? 0);
    if (shape.join(',') !== snapshot.shapes[i].join(','))
      throw new Error(
        `writeWeights: weight ${w.originalName} has shape [${shape}], the snapshot's ${snapshot.names[i]} [${snapshot.shapes[i]}]`,
      );
  });
  const tensors = snapshot.values.map((v, i) => tf.tensor(v, snapshot.shapes[i]));
  model.setWeights(tensors);
  tf.dispose(tensors);
}
