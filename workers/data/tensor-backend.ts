import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { OperatorChoice } from '../../src/stages/explore/compute/matrix-operator';

let ready: Promise<OperatorChoice> | null = null;

/**
 * Starts tfjs on its WASM backend in the data worker, once. The matrix products of PCA and NMF run there:
 * PCA of a 2,000 × 10,000 subset takes ~3× less time than with sparse typed-array loops (bench/cluster). Threads
 * stay off: tfjs would use hardwareConcurrency / 2 of them (1 on a 2-core machine), and its threaded
 * helpers failed in a minified build (FINDINGS.md). If WASM cannot start, products fall back to loops.
 */
export function tensorOps(): Promise<OperatorChoice> {
  ready ??= (async () => {
    try {
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      setWasmPaths({
        'tfjs-backend-wasm.wasm': plainWasm,
        'tfjs-backend-wasm-simd.wasm': simdWasm,
        'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasm,
      });
      return { tensorOps: await tf.setBackend('wasm') };
    } catch (error) {
      console.warn('tfjs-wasm did not start; matrix products use typed-array loops', error);
      return { tensorOps: false };
    }
  })();
  return ready;
}
