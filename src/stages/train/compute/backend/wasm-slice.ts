/**
 * tfjs-backend-wasm 4.22 slices by first copying the whole input out of the wasm heap (`readSync`), then
 * copying the part it wants: taking a [256, 228] gate block out of a [256, 912] tensor copies 4x the data, and
 * `split`/`unstack` (which slice once per output) copy the whole input once per output. The LSTM slices every
 * step, so this dominated its elementwise time. These kernels copy only the requested block, straight from a
 * view of the heap.
 */
import type { KernelConfig, KernelFunc, TensorInfo, TypedArray } from '@tensorflow/tfjs-core';
import type { Tf } from '../tf';
import type { WasmHeapBackend } from './wasm-heap';

/** Copies the block [begin, begin + size) of x into out; both row-major. */
function copyBlock(
  xValues: TypedArray,
  xShape: number[],
  begin: number[],
  size: number[],
  outValues: TypedArray,
): void {
  const rank = xShape.length;
  const strides = new Array<number>(rank);
  let stride = 1;
  for (let d = rank - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= xShape[d];
  }
  // Fold trailing dimensions the block covers completely into one contiguous run.
  let inner = rank - 1;
  let run = size[inner];
  while (inner > 0 && size[inner] === xShape[inner] && begin[inner] === 0) {
    inner--;
    run *= size[inner];
  }
  const outerRank = inner; // dimensions 0..inner-1 are iterated; dimension inner starts each run
  const index = new Array<number>(outerRank).fill(0);
  let outOffset = 0;
  const total = outValues.length;
  while (outOffset < total) {
    let from = begin[inner] * strides[inner];
    for (let d = 0; d < outerRank; d++) from += (begin[d] + index[d]) * strides[d];
    outValues.set(xValues.subarray(from, from + run), outOffset);
    outOffset += run;
    for (let d = outerRank - 1; d >= 0; d--) {
      if (++index[d] < size[d]) break;
      index[d] = 0;
    }
  }
}

function sliceFromHeap(
  tf: Tf,
  backend: WasmHeapBackend,
  x: TensorInfo,
  begin: number[],
  size: number[],
  outShape: number[] = size,
): TensorInfo {
  const out = backend.makeOutput(outShape, x.dtype);
  if (size.some((s) => s === 0)) return out;
  // Views after makeOutput: an allocation can grow the heap and detach views taken earlier.
  copyBlock(backend.typedArrayFromHeap(x), x.shape, begin, size, backend.typedArrayFromHeap(out));
  void tf;
  return out;
}

function sliceKernel(tf: Tf, original: KernelFunc): KernelFunc {
  return (args) => {
    const x = args.inputs.x as TensorInfo;
    if (x.dtype === 'string') return original(args);
    const [begin, size] = tf.slice_util.parseSliceParams(
      x as never,
      args.attrs?.begin as number[],
      args.attrs?.size as number[],
    );
    return sliceFromHeap(tf, args.backend as WasmHeapBackend, x, begin, size);
  };
}

function splitKernel(tf: Tf, original: KernelFunc): KernelFunc {
  return (args) => {
    const x = args.inputs.x as TensorInfo;
    if (x.dtype === 'string') return original(args);
    const axis = tf.util.parseAxisParam(args.attrs?.axis as number, x.shape)[0];
    const sizes = tf.backend_util.prepareSplitSize(
      x as never,
      args.attrs?.numOrSizeSplits as number[] | number,
      axis,
    );
    const begin = new Array<number>(x.shape.length).fill(0);
    return sizes.map((s) => {
      const size = x.shape.slice();
      size[axis] = s;
      const out = sliceFromHeap(tf, args.backend as WasmHeapBackend, x, begin, size);
      begin[axis] += s;
      return out;
    });
  };
}

function unpackKernel(tf: Tf, original: KernelFunc): KernelFunc {
  return (args) => {
    const value = args.inputs.value as TensorInfo;
    if (value.dtype === 'string') return original(args);
    let axis = Number(args.attrs?.axis ?? 0);
    if (axis < 0) axis += value.shape.length;
    const outShape = value.shape.filter((_, d) => d !== axis);
    const begin = new Array<number>(value.shape.length).fill(0);
    const size = value.shape.slice();
    size[axis] = 1;
    return Array.from({ length: value.shape[axis] }, (_, i) => {
      begin[axis] = i;
      return sliceFromHeap(tf, args.backend as WasmHeapBackend, value, begin, size, outShape);
    });
  };
}

const PATCHED = Symbol('prize-lab heap slice');
type PatchedConfig = KernelConfig & { [PATCHED]?: true };

const REPLACEMENTS: Record<string, (tf: Tf, original: KernelFunc) => KernelFunc> = {
  Slice: sliceKernel,
  SplitV: splitKernel,
  Unpack: unpackKernel,
};

/** Re-registers the wasm Slice, SplitV and Unpack kernels. Returns the names it patched. */
export function patchWasmSlices(tf: Tf): string[] {
  const patched: string[] = [];
  for (const [kernelName, make] of Object.entries(REPLACEMENTS)) {
    const original = tf.getKernel(kernelName, 'wasm') as PatchedConfig | undefined;
    if (!original || original[PATCHED]) continue;
    const replacement: PatchedConfig = {
      ...original,
      kernelFunc: make(tf, original.kernelFunc),
      [PATCHED]: true,
    };
    tf.unregisterKernel(kernelName, 'wasm');
    tf.registerKernel(replacement);
    patched.push(kernelName);
  }
  return patched;
}
