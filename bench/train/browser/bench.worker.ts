/**
 * One measurement in a Chromium worker: the wasm backend from the files Vite bundled (threaded when the page
 * is cross-origin isolated), then the shared `measureVariant`.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { applyBackendPatches } from '../../../src/stages/train/compute/backend/apply-backend-patches';
import { decodeWindows } from '../window-codec';
import { measureVariant, type BenchShape, type TrainerVariant } from '../train-variants';

export interface BrowserJob {
  variant: TrainerVariant;
  patched: boolean;
  /** wasm threads; 0 keeps tfjs' default (half the cores). */
  threads: number;
  shape: BenchShape;
  label: string;
}

/** The few worker globals used here (this file is type-checked with the Node project's libraries). */
interface WorkerScope {
  crossOriginIsolated?: boolean;
  addEventListener(type: 'message', listener: (event: { data: BrowserJob }) => void): void;
  postMessage(message: unknown): void;
}
const scope = globalThis as unknown as WorkerScope;

scope.addEventListener('message', ({ data: job }) => {
  void (async () => {
    try {
      setWasmPaths({
        'tfjs-backend-wasm.wasm': wasmPlain,
        'tfjs-backend-wasm-simd.wasm': wasmSimd,
        'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
      });
      if (job.threads > 0) {
        // tfjs-wasm caps its pool at hardwareConcurrency / 2 (read once, when the module starts).
        const nav = (globalThis as unknown as { navigator: object }).navigator;
        Object.defineProperty(nav, 'hardwareConcurrency', {
          value: 2 * job.threads,
          configurable: true,
        });
        setThreadsCount(job.threads);
      }
      if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend failed to start');
      await tf.ready();
      const patches = job.patched ? applyBackendPatches(tf).applied.length : 0;
      const response = await fetch(new URL(/* @vite-ignore */ '../windows.bin', import.meta.url));
      const data = decodeWindows(await response.arrayBuffer());
      const result = await measureVariant(tf, job.variant, data, job.shape, () =>
        performance.now(),
      );
      scope.postMessage({
        ...result,
        label: job.label,
        patched: job.patched,
        patches,
        threads: getThreadsCount(),
        crossOriginIsolated: scope.crossOriginIsolated === true,
        requestedThreads: job.threads,
        cores: (globalThis as unknown as { navigator?: { hardwareConcurrency?: number } }).navigator
          ?.hardwareConcurrency,
      });
    } catch (error) {
      scope.postMessage({
        label: job.label,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  })();
});
