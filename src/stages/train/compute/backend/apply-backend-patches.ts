/**
 * The one call the hosts (worker, CLI, bench, tests) make after choosing a tfjs backend: it fixes what the
 * chosen backend gets wrong for training. Safe to call more than once.
 */
import type { Tf } from '../tf';
import { patchWasmTransposedMatMul } from './wasm-matmul-transpose';
import { patchWasmIdentity } from './wasm-identity';
import { patchWasmSlices } from './wasm-slice';
import { registerFusedAdamKernel } from './fused-adam-kernel';
import { registerWasmUnsortedSegmentSum, replaceCpuUnsortedSegmentSum } from './segment-sum';

/** What was changed, for the backend report shown to the user. */
export interface BackendPatchReport {
  backend: string;
  /** Human-readable notes, one per patch applied in this call (empty when nothing needed patching). */
  applied: string[];
}

export function applyBackendPatches(
  tf: Tf,
  backendName: string = tf.getBackend(),
): BackendPatchReport {
  const applied: string[] = [];
  if (backendName === 'wasm') {
    for (const kernel of patchWasmTransposedMatMul(tf))
      applied.push(`${kernel}: transposed operands are transposed explicitly before the product`);
    for (const kernel of patchWasmSlices(tf))
      applied.push(`${kernel}: copies only the requested block instead of the whole input`);
    for (const kernel of patchWasmIdentity(tf))
      applied.push(
        `${kernel}: shares the input's data instead of copying it (tensors are immutable)`,
      );
    if (registerWasmUnsortedSegmentSum(tf))
      applied.push('UnsortedSegmentSum: kernel added (embedding gradients need it)');
  }
  if ((backendName === 'wasm' || backendName === 'cpu') && registerFusedAdamKernel(tf, backendName))
    applied.push('Adam: one fused pass per variable instead of a dozen element-wise kernels');
  if (backendName === 'cpu' && replaceCpuUnsortedSegmentSum(tf))
    applied.push(
      'UnsortedSegmentSum: one scatter-add pass instead of a masked sum per segment (embedding gradients)',
    );
  return { backend: backendName, applied };
}
