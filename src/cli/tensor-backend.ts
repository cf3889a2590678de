import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import type { OperatorChoice } from '../stages/explore/compute/matrix-operator';

/**
 * tfjs on its WASM backend in Node (single-threaded; tfjs-node needs a binary download we cannot do),
 * which runs the dense matrix products as in the browser's data worker. Falls back to typed-array loops.
 */
export async function nodeTensorOps(): Promise<OperatorChoice> {
  try {
    return { tf: (await tf.setBackend('wasm')) ? tf : null };
  } catch (error) {
    process.stderr.write(`tfjs-wasm did not start (${(error as Error).message}); using loops\n`);
    return { tf: null };
  }
}
