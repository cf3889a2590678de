/**
 * tfjs-backend-wasm 4.22 has no `UnsortedSegmentSum` kernel, which the gradient of `gather` needs, so any model
 * with an Embedding layer fails to train on wasm with "Kernel 'UnsortedSegmentSum' not registered"
 * (FINDINGS.md). This registers one that runs in JavaScript over the wasm heap: a scatter-add is a single pass,
 * memory-bound, so JavaScript costs little next to the products around it.
 */
import type {
  DataType,
  KernelConfig,
  KernelFunc,
  TensorInfo,
  TypedArray,
} from '@tensorflow/tfjs-core';
import type { Tf } from '../tf';

/** The parts of the wasm backend object this kernel uses. */
interface WasmHeapBackend {
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): TypedArray;
}

/**
 * out[s, ...] = Σ x[i, ...] over the i whose segment id is s. Segment ids outside [0, numSegments) are dropped,
 * as in TensorFlow. `segmentIds` may have any rank; its shape must be a prefix of x's shape.
 */
export const unsortedSegmentSumKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const x = inputs.x as TensorInfo;
  const segmentIds = inputs.segmentIds as TensorInfo;
  const numSegments = Number(attrs?.numSegments);
  if (!Number.isInteger(numSegments) || numSegments < 0)
    throw new Error(
      `UnsortedSegmentSum: numSegments must be a non-negative integer, got ${numSegments}`,
    );
  if (x.dtype !== 'float32' && x.dtype !== 'int32')
    throw new Error(`UnsortedSegmentSum on wasm supports float32 and int32, got ${x.dtype}`);
  const idRank = segmentIds.shape.length;
  for (let d = 0; d < idRank; d++) {
    if (segmentIds.shape[d] !== x.shape[d])
      throw new Error(
        `UnsortedSegmentSum: segmentIds shape [${segmentIds.shape}] is not a prefix of x shape [${x.shape}]`,
      );
  }
  const heap = backend as WasmHeapBackend;
  const inner = x.shape.slice(idRank).reduce((a, b) => a * b, 1);
  const out = heap.makeOutput([numSegments, ...x.shape.slice(idRank)], x.dtype);
  const outValues = heap.typedArrayFromHeap(out);
  outValues.fill(0);
  // Views are taken after makeOutput: an allocation may grow the wasm memory and detach older views.
  const xValues = heap.typedArrayFromHeap(x);
  const ids = heap.typedArrayFromHeap(segmentIds);
  for (let i = 0; i < ids.length; i++) {
    const segment = ids[i];
    if (segment < 0 || segment >= numSegments) continue;
    const from = i * inner;
    const to = segment * inner;
    for (let j = 0; j < inner; j++) outValues[to + j] += xValues[from + j];
  }
  return out;
};

/** Registers the kernel for the wasm backend unless one is registered already. Returns whether it did. */
export function registerWasmUnsortedSegmentSum(tf: Tf): boolean {
  if (tf.getKernel('UnsortedSegmentSum', 'wasm')) return false;
  const config: KernelConfig = {
    kernelName: 'UnsortedSegmentSum',
    backendName: 'wasm',
    kernelFunc: unsortedSegmentSumKernel,
  };
  tf.registerKernel(config);
  return true;
}
