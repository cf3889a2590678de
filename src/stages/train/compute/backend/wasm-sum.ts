/**
 * tfjs-backend-wasm 4.22 sums over leading axes by first transposing them to the end with its generic
 * transpose (~4 ns per element) and then summing rows. Every bias gradient is such a sum (over the batch, or
 * over batch × timesteps: 2.3 M elements for the LSTM, ~10 ms). A sum over the leading axes is the product
 * ones[1, outer] × x[outer, inner], which the XNNPACK product does in a fraction of a millisecond.
 */
import type {
  DataType,
  KernelConfig,
  KernelFunc,
  TensorInfo,
  TypedArray,
} from '@tensorflow/tfjs-core';
import type { Tf } from '../tf';

interface WasmHeapBackend {
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): TypedArray;
  disposeData(dataId: object): boolean;
}

const PATCHED = Symbol('prize-lab leading-axes sum');
type PatchedConfig = KernelConfig & { [PATCHED]?: true };

/** True when `axes` are exactly 0..k-1 for some k < rank (a sum over leading axes that leaves something). */
function isLeadingAxes(axes: number[], rank: number): boolean {
  const sorted = [...axes].sort((a, b) => a - b);
  return sorted.length < rank && sorted.every((axis, i) => axis === i);
}

function leadingAxesSumKernel(tf: Tf, original: KernelFunc, matMul: KernelFunc): KernelFunc {
  return (args) => {
    const x = args.inputs.x as TensorInfo;
    const axes = tf.util.parseAxisParam(args.attrs?.axis as number | number[], x.shape);
    if (x.dtype !== 'float32' || !isLeadingAxes(axes, x.shape.length)) return original(args);
    const backend = args.backend as WasmHeapBackend;
    const outer = x.shape.slice(0, axes.length).reduce((a, b) => a * b, 1);
    const innerShape = x.shape.slice(axes.length);
    const inner = innerShape.reduce((a, b) => a * b, 1);
    if (outer === 0 || inner === 0) return original(args);
    const ones = backend.makeOutput([1, outer], 'float32');
    backend.typedArrayFromHeap(ones).fill(1);
    // matMul reads operands by data id, so a reshape is just a new shape over the same data.
    const flat: TensorInfo = { dataId: x.dataId, shape: [outer, inner], dtype: x.dtype };
    try {
      const product = matMul({
        inputs: { a: ones, b: flat },
        backend,
        attrs: { transposeA: false, transposeB: false },
      }) as TensorInfo;
      const keepDims = args.attrs?.keepDims === true;
      return { ...product, shape: keepDims ? [...axes.map(() => 1), ...innerShape] : innerShape };
    } finally {
      backend.disposeData(ones.dataId);
    }
  };
}

/** Re-registers the wasm Sum kernel so that sums over leading axes run as a product. Returns the names patched. */
export function patchWasmLeadingAxesSum(tf: Tf): string[] {
  const original = tf.getKernel('Sum', 'wasm') as PatchedConfig | undefined;
  const matMul = tf.getKernel('BatchMatMul', 'wasm');
  if (!original || original[PATCHED] || !matMul) return [];
  const replacement: PatchedConfig = {
    ...original,
    kernelFunc: leadingAxesSumKernel(tf, original.kernelFunc, matMul.kernelFunc),
    [PATCHED]: true,
  };
  tf.unregisterKernel('Sum', 'wasm');
  tf.registerKernel(replacement);
  return ['Sum'];
}
