/**
 * UnsortedSegmentSum (the gradient of `gather`, so of every Embedding layer) as one scatter-add pass:
 * - tfjs-backend-wasm 4.22 has no such kernel, so an embedding model fails to train on wasm with "Kernel
 *   'UnsortedSegmentSum' not registered" (docs/tfjs-notes.md). This adds one, in JavaScript over the wasm heap: the
 *   pass is memory-bound, so JavaScript costs little next to the products around it.
 * - tfjs-backend-cpu 4.22's kernel builds a mask, a product and a sum over all of x for every segment
 *   (`for i < numSegments: sum(equal(i, ids) * x)`), O(segments × rows × width): for a 40,000-user embedding
 *   one batch of 256 took minutes. This replaces it with the same single pass.
 */
import type {
  DataType,
  KernelConfig,
  KernelFunc,
  TensorInfo,
  TypedArray,
} from '@tensorflow/tfjs-core';
import type { Tf } from '../tf';
import type { WasmHeapBackend } from './wasm-heap';

/** The parts of the cpu backend object this kernel uses. */
interface CpuBackend {
  readSync(dataId: object): unknown;
  makeTensorInfo(shape: number[], dtype: DataType, values: TypedArray): TensorInfo;
}

interface SegmentSumShape {
  /** Values per row of x (the product of x's dimensions after segmentIds' rank). */
  inner: number;
  outShape: number[];
  numSegments: number;
}

/** Checks the arguments as TensorFlow does and returns the output's shape. */
function segmentSumShape(
  x: TensorInfo,
  segmentIds: TensorInfo,
  numSegmentsAttr: unknown,
): SegmentSumShape {
  const numSegments = Number(numSegmentsAttr);
  if (!Number.isInteger(numSegments) || numSegments < 0)
    throw new Error(
      `UnsortedSegmentSum: numSegments must be a non-negative integer, got ${String(numSegmentsAttr)}`,
    );
  if (x.dtype !== 'float32' && x.dtype !== 'int32')
    throw new Error(`UnsortedSegmentSum here supports float32 and int32, got ${x.dtype}`);
  const idRank = segmentIds.shape.length;
  for (let d = 0; d < idRank; d++) {
    if (segmentIds.shape[d] !== x.shape[d])
      throw new Error(
        `UnsortedSegmentSum: segmentIds shape [${segmentIds.shape}] is not a prefix of x shape [${x.shape}]`,
      );
  }
  const rest = x.shape.slice(idRank);
  return { inner: rest.reduce((a, b) => a * b, 1), outShape: [numSegments, ...rest], numSegments };
}

/**
 * out[s, ...] += x[i, ...] for every i whose segment id is s (out must start at zero). Segment ids outside
 * [0, numSegments) are dropped, as in TensorFlow.
 */
function addSegments(
  out: TypedArray,
  x: TypedArray,
  ids: TypedArray,
  { inner, numSegments }: SegmentSumShape,
): void {
  for (let i = 0; i < ids.length; i++) {
    const segment = ids[i];
    if (segment < 0 || segment >= numSegments) continue;
    const from = i * inner;
    const to = segment * inner;
    for (let j = 0; j < inner; j++) out[to + j] += x[from + j];
  }
}

export const wasmUnsortedSegmentSumKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const x = inputs.x as TensorInfo;
  const segmentIds = inputs.segmentIds as TensorInfo;
  const shape = segmentSumShape(x, segmentIds, attrs?.numSegments);
  const heap = backend as WasmHeapBackend;
  const out = heap.makeOutput(shape.outShape, x.dtype);
  const outValues = heap.typedArrayFromHeap(out);
  outValues.fill(0);
  // Views are taken after makeOutput: an allocation may grow the wasm memory and detach older views.
  addSegments(outValues, heap.typedArrayFromHeap(x), heap.typedArrayFromHeap(segmentIds), shape);
  return out;
};

export const cpuUnsortedSegmentSumKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const x = inputs.x as TensorInfo;
  const segmentIds = inputs.segmentIds as TensorInfo;
  const shape = segmentSumShape(x, segmentIds, attrs?.numSegments);
  const cpu = backend as CpuBackend;
  const size = shape.outShape.reduce((a, b) => a * b, 1);
  const out = x.dtype === 'int32' ? new Int32Array(size) : new Float32Array(size);
  const values = cpu.readSync(x.dataId) as TypedArray;
  addSegments(out, values, cpu.readSync(segmentIds.dataId) as TypedArray, shape);
  return cpu.makeTensorInfo(shape.outShape, x.dtype, out);
};

/** Registers the kernel for the wasm backend unless one is registered already. Returns whether it did. */
export function registerWasmUnsortedSegmentSum(tf: Tf): boolean {
  if (tf.getKernel('UnsortedSegmentSum', 'wasm')) return false;
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: 'wasm',
    kernelFunc: wasmUnsortedSegmentSumKernel,
  });
  return true;
}

const REPLACED = Symbol('prize-lab single-pass UnsortedSegmentSum');
type ReplacedConfig = KernelConfig & { [REPLACED]?: true };

/** Replaces the cpu backend's kernel by the single pass, once. Returns whether it did. */
export function replaceCpuUnsortedSegmentSum(tf: Tf): boolean {
  const current = tf.getKernel('UnsortedSegmentSum', 'cpu') as ReplacedConfig | undefined;
  if (current?.[REPLACED]) return false;
  if (current) tf.unregisterKernel('UnsortedSegmentSum', 'cpu');
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: 'cpu',
    kernelFunc: cpuUnsortedSegmentSumKernel,
    [REPLACED]: true,
  } as ReplacedConfig);
  return true;
}
