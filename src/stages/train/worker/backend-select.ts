/**
 * Chooses the tfjs backend for training: WebGPU, then WebGL, WASM, CPU (or only the forced one), or, given a
 * timing, the fastest of those that pass. Each candidate must start and then pass a real check — a tiny model trained for one epoch — before it is used, because a
 * backend can start and still lack a kernel training needs (tfjs-wasm 4.22 had no UnsortedSegmentSum). The
 * report says which one is in use and why each other one was skipped.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { applyBackendPatches } from '../compute/backend/apply-backend-patches';
import { selectByMeasurement } from '../compute/backend/select-by-measurement';
import {
  BACKEND_ORDER,
  type BackendName,
  type BackendOptions,
  type BackendReport,
} from '../contract';
import { softwareWebGl, softwareWebGpu } from './software-renderer';
import { startWasmBackend } from './wasm-setup';

type Tf = typeof tfjs;

/** Trains something small on the active backend; throws if it cannot. */
export type BackendCheck = (tf: Tf) => Promise<string>;

interface Scope {
  navigator?: { gpu?: { requestAdapter(): Promise<Parameters<typeof softwareWebGpu>[0] | null> } };
}

/** `forced`: the person chose this backend, so a software renderer is used rather than skipped. */
async function startBackend(
  tf: Tf,
  name: BackendName,
  forced: boolean,
): Promise<{ threads: number | null; note: string | null }> {
  if (name === 'webgpu') {
    const gpu = (globalThis as unknown as Scope).navigator?.gpu;
    if (!gpu) throw new Error('WebGPU is not available in this browser (navigator.gpu is missing)');
    const adapter = await gpu.requestAdapter();
    if (!adapter) throw new Error('WebGPU has no adapter here (requestAdapter() gave none)');
    const software = softwareWebGpu(adapter);
    if (software && !forced) throw new Error(software);
  }
  if (name === 'webgl' && !forced) {
    const software = softwareWebGl();
    if (software) throw new Error(software);
  }
  if (name === 'wasm') return startWasmBackend(tf);
  if (!tf.findBackendFactory(name)) throw new Error(`the ${name} backend is not bundled`);
  if (!(await tf.setBackend(name))) throw new Error(`the ${name} backend failed to start`);
  return { threads: null, note: null };
}

/**
 * `time` (optional) times the model about to train on the active backend: with it, and no forced choice,
 * every backend that passes the check is timed and the fastest is used (compute/backend/select-by-measurement.ts).
 */
export async function selectBackend(
  tf: Tf,
  options: BackendOptions,
  check: BackendCheck,
  time?: (tf: Tf) => Promise<{ samplesPerSecond: number; batches: number }>,
): Promise<BackendReport> {
  const forced = options.force !== null;
  return selectByMeasurement(options.force ? [options.force] : BACKEND_ORDER, forced, {
    start: async (backend) => {
      const { threads, note } = await startBackend(tf, backend, forced);
      return { threads, note, patches: applyBackendPatches(tf, backend).applied };
    },
    check: () => check(tf),
    time: time && (() => time(tf)),
  });
}
