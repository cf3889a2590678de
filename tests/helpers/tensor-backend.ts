import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';

/** tfjs on its WASM backend in Node (single-threaded), as the CLI and the benchmark use it. */
export async function useWasmBackend(): Promise<void> {
  if (tf.getBackend() === 'wasm') return;
  if (!(await tf.setBackend('wasm'))) throw new Error('tfjs-wasm did not start in Node');
}

/** The tfjs module the dense matrix products are given (start the backend first). */
export const tensorModule = tf;
