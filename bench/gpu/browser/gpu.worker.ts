/**
 * One `bench:gpu` measurement in a fresh Chromium worker: the adapter's self-description, or one model
 * trained on one backend (WebGPU: tfjs-backend-webgpu as it ships; WASM: the training worker's start-up with
 * the project's patches and fused Adam).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import { applyBackendPatches } from '../../../src/stages/train/compute/backend/apply-backend-patches';
import { startWasmBackend } from '../../../src/stages/train/worker/wasm-setup';
import { decodeWindows } from '../../train/window-codec';
import { measureVariant, type BenchShape, type TrainerVariant } from '../../train/train-variants';
import type { AdapterInfo } from '../adapter-kind';
import { measureDense } from '../dense-measure';
import { syntheticPairs } from '../synthetic-pairs';

export type GpuJob =
  | { kind: 'adapter'; label: string }
  | {
      kind: 'train';
      label: string;
      backend: 'webgpu' | 'wasm';
      model: 'lstm' | 'dense';
      /** The LSTM layer: the project's FastLstm or tfjs' own `tf.layers.lstm`. */
      variant: TrainerVariant;
      shape: BenchShape;
      wasmThreads: number;
      dense: { users: number; movies: number; count: number; seed: number };
    };

interface GpuAdapter {
  info?: AdapterInfo;
  isFallbackAdapter?: boolean;
  features?: Iterable<string>;
  limits?: Record<string, number>;
}

/** The few worker globals used here (this file is type-checked with the Node project's libraries). */
interface WorkerScope {
  crossOriginIsolated?: boolean;
  navigator: { gpu?: { requestAdapter(options?: object): Promise<GpuAdapter | null> } };
  addEventListener(type: 'message', listener: (event: { data: GpuJob }) => void): void;
  postMessage(message: unknown): void;
}
const scope = globalThis as unknown as WorkerScope;

async function adapterReport(): Promise<Record<string, unknown>> {
  const gpu = scope.navigator.gpu;
  if (!gpu) return { available: false, reason: 'navigator.gpu is missing' };
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return { available: false, reason: 'requestAdapter() gave none' };
  const info = adapter.info ?? {};
  return {
    available: true,
    info: {
      vendor: info.vendor,
      architecture: info.architecture,
      device: info.device,
      description: info.description,
      isFallbackAdapter: info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false,
    },
    maxBufferSize: adapter.limits?.maxBufferSize,
    maxStorageBufferBindingSize: adapter.limits?.maxStorageBufferBindingSize,
  };
}

async function train(job: Extract<GpuJob, { kind: 'train' }>): Promise<Record<string, unknown>> {
  let threads: number | null = null;
  if (job.backend === 'wasm') {
    threads = (await startWasmBackend(tf, { threads: job.wasmThreads })).threads;
  } else if (!(await tf.setBackend('webgpu'))) {
    throw new Error('the tfjs webgpu backend did not start');
  }
  await tf.ready();
  const patches = applyBackendPatches(tf).applied;
  const now = () => performance.now();
  let result;
  if (job.model === 'lstm') {
    const response = await fetch(new URL(/* @vite-ignore */ '../windows.bin', import.meta.url));
    const data = decodeWindows(await response.arrayBuffer());
    result = await measureVariant(tf, job.variant, data, job.shape, now);
  } else {
    result = await measureDense(tf, syntheticPairs(job.dense), job.shape, now);
  }
  return { ...result, backend: tf.getBackend(), threads, patches: patches.length };
}

scope.addEventListener('message', ({ data: job }) => {
  void (async () => {
    try {
      const result = job.kind === 'adapter' ? await adapterReport() : await train(job);
      scope.postMessage({ label: job.label, ...result });
    } catch (error) {
      scope.postMessage({
        label: job.label,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  })();
});
