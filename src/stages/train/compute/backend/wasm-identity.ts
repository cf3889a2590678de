/**
 * tfjs-backend-wasm 4.22's Identity kernel (behind `tf.clone`, and so behind every tensor a custom gradient
 * saves for its backward pass) copies the data, where the cpu and webgl backends share it: tensors are
 * immutable, so sharing is safe, and the LSTM saves ~80 per-step tensors per batch. This one shares the data,
 * as the wasm Reshape kernel already does.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { Tf } from '../tf';

interface RefCountingBackend {
  incRef(dataId: object): void;
}

const PATCHED = Symbol('prize-lab shared identity');
type PatchedConfig = KernelConfig & { [PATCHED]?: true };

function sharingIdentity(original: KernelFunc): KernelFunc {
  return (args) => {
    const x = args.inputs.x as TensorInfo;
    if (x.dtype === 'string') return original(args);
    (args.backend as RefCountingBackend).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
}

/** Re-registers the wasm Identity kernel to share data. Returns the names it patched. */
export function patchWasmIdentity(tf: Tf): string[] {
  const original = tf.getKernel('Identity', 'wasm') as PatchedConfig | undefined;
  if (!original || original[PATCHED]) return [];
  tf.unregisterKernel('Identity', 'wasm');
  tf.registerKernel({
    ...original,
    kernelFunc: sharingIdentity(original.kernelFunc),
    [PATCHED]: true,
  } as PatchedConfig);
  return ['Identity'];
}
