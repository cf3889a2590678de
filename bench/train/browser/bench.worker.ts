/**
 * One measurement in a Chromium worker: the wasm backend from the files Vite bundled (threaded when the page
 * is cross-origin isolated), then the shared `measureVariant`.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { applyBackendPatches } from '../../../src/stages/train/compute/backend/apply-backend-patches';
import { startWasmBackend } from '../../../src/stages/train/worker/wasm-setup';
import { decodeWindows } from '../window-codec';
import { measureVariant, type BenchShape, type TrainerVariant } from '../train-variants';

export interface BrowserJob {
  variant: TrainerVariant;
  patched: boolean;
  /** wasm threads to ask for (the page is cross-origin isolated). */
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
      // The training worker's own start-up: bundled binaries, threads when cross-origin isolated.
      const wasm = await startWasmBackend(tf, { threads: job.threads });
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
        threads: wasm.threads,
        threadsNote: wasm.note,
        crossOriginIsolated: scope.crossOriginIsolated === true,
        requestedThreads: job.threads,
      });
    } catch (error) {
      scope.postMessage({
        label: job.label,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  })();
});
