/**
 * What the training loop, prediction and evaluation read: examples handed out a batch at a time as tensors.
 * Dense windows, compact windows expanded per batch, and (user, movie) pairs for the embedding model are all
 * training sources, so one loop trains every model and no source has to be expanded whole.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../tf';
import { assertWindowData, type WindowData } from './window-data';

/** Windows that can be written a batch at a time (the windows stage's compact windows: `windowBatches`). */
export interface WindowBatches {
  count: number;
  steps: number;
  features: number;
  /** Every label, in window order. */
  labels: Float32Array;
  /** Writes windows `order[from..to)` into `x` (n × steps × features, row-major) and `y`; returns n. */
  fill(
    order: ArrayLike<number>,
    from: number,
    to: number,
    x: Float32Array,
    y: Float32Array,
  ): number;
}

export interface TrainingSource {
  count: number;
  /** Every label, in example order (ratings, in the rating scale). */
  labels: Float32Array;
  /** Throws a clear error when the model does not take this source's inputs. */
  checkModel(model: tfjs.LayersModel, name: string): void;
  /** Inputs and labels of examples `order[from..to)`, as tensors. Call inside `tf.tidy`. */
  batch(
    tf: Tf,
    order: ArrayLike<number>,
    from: number,
    to: number,
  ): { inputs: tfjs.Tensor | tfjs.Tensor[]; labels: tfjs.Tensor2D };
}

export type TrainingData = WindowData | WindowBatches | TrainingSource;

function isTrainingSource(data: TrainingData): data is TrainingSource {
  return 'batch' in data;
}

function isWindowBatches(data: TrainingData): data is WindowBatches {
  return 'fill' in data;
}

/** Dense windows as batches: each batch copies its windows out of `x`. */
export function denseWindowBatches(data: WindowData): WindowBatches {
  const size = data.steps * data.features;
  return {
    count: data.count,
    steps: data.steps,
    features: data.features,
    labels: data.y,
    fill(order, from, to, x, y) {
      for (let k = from, row = 0; k < to; k++, row++) {
        const w = order[k];
        x.set(data.x.subarray(w * size, (w + 1) * size), row * size);
        y[row] = data.y[w];
      }
      return to - from;
    },
  };
}

/** Windows as a training source; the batch buffers are reused (and grown when a larger batch comes). */
export function windowSource(batches: WindowBatches): TrainingSource {
  const size = batches.steps * batches.features;
  let x = new Float32Array(0);
  let y = new Float32Array(0);
  return {
    count: batches.count,
    labels: batches.labels,
    checkModel(model, name) {
      const shape = model.inputs[0]?.shape;
      if (model.inputs.length !== 1 || shape[1] !== batches.steps || shape[2] !== batches.features)
        throw new Error(
          `fitModel: the model takes windows of ${shape?.[1]} steps × ${shape?.[2]} features, the ${name} windows are ${batches.steps} × ${batches.features}`,
        );
    },
    batch(tf, order, from, to) {
      const n = to - from;
      if (y.length < n) {
        x = new Float32Array(n * size);
        y = new Float32Array(n);
      }
      batches.fill(order, from, to, x, y);
      return {
        inputs: tf.tensor3d(x.subarray(0, n * size), [n, batches.steps, batches.features]),
        labels: tf.tensor2d(y.subarray(0, n), [n, 1]),
      };
    },
  };
}

/** Any accepted form as a training source, checking dense arrays against their declared sizes. */
export function toTrainingSource(data: TrainingData, name: string): TrainingSource {
  if (isTrainingSource(data)) return data;
  if (isWindowBatches(data)) return windowSource(data);
  assertWindowData(data, name);
  return windowSource(denseWindowBatches(data));
}

/** Windows (dense or compact) as batches, for statistics that read every window. */
export function toWindowBatches(data: WindowData | WindowBatches): WindowBatches {
  return isWindowBatches(data) ? data : denseWindowBatches(data);
}

/** The identity order 0 … count − 1. */
export function inOrder(count: number): Uint32Array {
  return Uint32Array.from({ length: count }, (_, i) => i);
}
