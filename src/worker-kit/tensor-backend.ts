import type { OperatorChoice } from '../stages/explore/compute/matrix-operator';

/**
 * Starts tfjs on its WASM backend in the data worker, once, the first time Explore or Cluster needs a matrix
 * product: tfjs is imported here dynamically so that loading the sample at page open does not wait for it.
 * PCA of a 2,000 × 10,000 subset takes ~3× less time than with sparse typed-array loops (bench/cluster).
 * Threads stay off: tfjs would use hardwareConcurrency / 2 of them (1 on a 2-core machine), and its threaded
 * helpers failed in a minified build (docs/tfjs-notes.md). If WASM cannot start, products fall back to loops.
 * Returns the function that starts it; the data worker's entry makes one and keeps it in its state.
 */
export function createTensorOps(): () => Promise<OperatorChoice> {
  let ready: Promise<OperatorChoice> | null = null;
  return () => {
    ready ??= (async () => {
      try {
        const [tf, wasm, plainWasm, simdWasm, threadedSimdWasm] = await Promise.all([
          import('@tensorflow/tfjs-core'),
          import('@tensorflow/tfjs-backend-wasm'),
          import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'),
          import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'),
          import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url'),
        ]);
        tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
        wasm.setWasmPaths({
          'tfjs-backend-wasm.wasm': plainWasm.default,
          'tfjs-backend-wasm-simd.wasm': simdWasm.default,
          'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasm.default,
        });
        return { tf: (await tf.setBackend('wasm')) ? tf : null };
      } catch (error) {
        console.warn('tfjs-wasm did not start; matrix products use typed-array loops', error);
        return { tf: null };
      }
    })();
    return ready;
  };
}
