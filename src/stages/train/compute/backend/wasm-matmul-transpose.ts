/**
 * tfjs-backend-wasm 4.22 multiplies with `transposeA`/`transposeB` in a slow scalar loop (~2 GFLOP/s against
 * ~25 GFLOP/s for the XNNPACK path it uses for plain products; docs/tfjs-notes.md). Every gradient of a matMul asks for
 * transposed products, so training spends most of its time there. These wrappers transpose the operand
 * explicitly (a cheap memory pass) and hand the plain product to the original kernel.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { Tf } from '../tf';

/** The parts of the wasm backend object that kernels use. */
export interface WasmBackendLike {
  disposeData(dataId: object): boolean;
}

/** Marks our wrappers, so that patching twice is a no-op. */
const PATCHED = Symbol('prize-lab explicit transpose');

type PatchedConfig = KernelConfig & { [PATCHED]?: true };

/** The matMul kernels of tfjs-backend-wasm that take transposeA/transposeB attributes. */
export const TRANSPOSING_MATMUL_KERNELS = ['BatchMatMul', '_FusedMatMul'] as const;

function swapLastTwo(rank: number): number[] {
  const perm = Array.from({ length: rank }, (_, i) => i);
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return perm;
}

function explicitTransposeKernel(original: KernelFunc, transpose: KernelFunc): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const transposeA = attrs?.transposeA === true;
    const transposeB = attrs?.transposeB === true;
    if (!transposeA && !transposeB) return original({ inputs, backend, attrs });
    const wasm = backend as WasmBackendLike;
    const temporaries: TensorInfo[] = [];
    const materialise = (x: TensorInfo): TensorInfo => {
      const out = transpose({
        inputs: { x },
        backend,
        attrs: { perm: swapLastTwo(x.shape.length) },
      });
      const info = out as TensorInfo;
      temporaries.push(info);
      return info;
    };
    const a = inputs.a as TensorInfo;
    const b = inputs.b as TensorInfo;
    try {
      return original({
        inputs: {
          ...inputs,
          a: transposeA ? materialise(a) : a,
          b: transposeB ? materialise(b) : b,
        },
        backend,
        attrs: { ...attrs, transposeA: false, transposeB: false },
      });
    } finally {
      for (const t of temporaries) wasm.disposeData(t.dataId);
    }
  };
}

/**
 * Re-registers the wasm matMul kernels so that transposed operands are transposed explicitly first.
 * Returns the kernel names it patched (empty when already patched).
 */
export function patchWasmTransposedMatMul(tf: Tf): string[] {
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (!transpose)
    throw new Error('The wasm backend is not registered: import @tensorflow/tfjs-backend-wasm');
  const patched: string[] = [];
  for (const kernelName of TRANSPOSING_MATMUL_KERNELS) {
    const original = tf.getKernel(kernelName, 'wasm') as PatchedConfig | undefined;
    if (!original || original[PATCHED]) continue;
    const replacement: PatchedConfig = {
      kernelName,
      backendName: 'wasm',
      setupFunc: original.setupFunc,
      disposeFunc: original.disposeFunc,
      kernelFunc: explicitTransposeKernel(original.kernelFunc, transpose.kernelFunc),
      [PATCHED]: true,
    };
    tf.unregisterKernel(kernelName, 'wasm');
    tf.registerKernel(replacement);
    patched.push(kernelName);
  }
  return patched;
}
