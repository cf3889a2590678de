/**
 * Chooses the tfjs backend for training: WebGPU, then WebGL, WASM, CPU (or only the forced one). Each candidate
 * must start and then pass a real check — a tiny model trained for one epoch — before it is used, because a
 * backend can start and still lack a kernel training needs (tfjs-wasm 4.22 had no UnsortedSegmentSum). The
 * report says which one is in use and why each other one was skipped.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { applyBackendPatches } from '../compute/backend/apply-backend-patches';
import {
  BACKEND_ORDER,
  type BackendAttempt,
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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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

export async function selectBackend(
  tf: Tf,
  options: BackendOptions,
  check: BackendCheck,
): Promise<BackendReport> {
  const candidates: readonly BackendName[] = options.force ? [options.force] : BACKEND_ORDER;
  const attempts: BackendAttempt[] = [];
  for (const backend of candidates) {
    const started = Date.now();
    try {
      const { threads, note } = await startBackend(tf, backend, options.force !== null);
      const { applied } = applyBackendPatches(tf, backend);
      const checked = await check(tf);
      const reason = [checked, note].filter(Boolean).join('; ');
      attempts.push({ backend, ok: true, reason, ms: Date.now() - started });
      return { backend, forced: options.force !== null, attempts, threads, patches: applied };
    } catch (error) {
      attempts.push({ backend, ok: false, reason: describe(error), ms: Date.now() - started });
    }
  }
  const tried = attempts.map((a) => `${a.backend}: ${a.reason}`).join('; ');
  throw new Error(`No tfjs backend could train here (${tried})`);
}
