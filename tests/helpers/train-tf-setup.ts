/** tfjs for the train-stage unit tests: the full package plus the wasm backend, on a chosen backend. */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { applyBackendPatches } from '../../src/stages/train/compute/backend/apply-backend-patches';

export { tf };

/** Switches to `backend` (with the project's patches) and returns it. */
export async function useBackend(backend: 'cpu' | 'wasm'): Promise<string> {
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} did not start`);
  await tf.ready();
  applyBackendPatches(tf);
  return tf.getBackend();
}

/** Largest absolute difference between two tensors. */
export function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
}

/** Largest absolute value of a tensor (to scale tolerances). */
export function maxAbs(a: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(a)).dataSync()[0]);
}
