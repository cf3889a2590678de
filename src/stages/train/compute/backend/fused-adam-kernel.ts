/**
 * One Adam step for one variable as a single pass over (θ, m, v, g), for the backends whose data lives in
 * CPU memory (wasm, cpu). tfjs-core 4.22's Adam runs about a dozen element-wise kernels per variable per
 * step, each a full pass that allocates a new tensor: on the dense model's embedding tables (40,000 × 64
 * floats) that was most of a batch on WASM (FINDINGS.md). This kernel reads each array once and writes the
 * three new ones once (on wasm with WebAssembly SIMD, wasm-simd-adam.ts). Semantics are tfjs' dense Adam exactly (every row's moments decay and every row
 * moves, gradient or not); only the rounding differs (float64 in the pass, float32 between tfjs' ops).
 *
 * Inputs: x (the variable's value), m, v (its moments), g (its gradient), all float32 of one shape, and
 * accBeta1, accBeta2 (float32 scalars β1^t, β2^t of the current step). Attrs: beta1, beta2, epsilon,
 * learningRate. Outputs: [x', m', v'], new tensors (inputs are never written: a clone may share their data).
 */
import type {
  DataType,
  KernelFunc,
  NamedAttrMap,
  TensorInfo,
  TypedArray,
} from '@tensorflow/tfjs-core';
import type { Tf } from '../tf';
import type { WasmHeapBackend } from './wasm-heap';
import { wasmSimdAdam, type AdamStepConstants } from './wasm-simd-adam';

/** The kernel's name, as `engine().runKernel` and `getKernel` know it. */
export const FUSED_ADAM_KERNEL = 'PrizeLabFusedAdam';

/** The backends the kernel exists for (`applyBackendPatches` registers it). */
export const FUSED_ADAM_BACKENDS = ['wasm', 'cpu'] as const;

/** Adam's hyper-parameters, as the kernel's attrs. */
export interface FusedAdamAttrs {
  beta1: number;
  beta2: number;
  epsilon: number;
  learningRate: number;
}

interface CpuBackend {
  readSync(dataId: object): unknown;
  makeTensorInfo(shape: number[], dtype: DataType, values: TypedArray): TensorInfo;
}

interface AdamArrays {
  x: TypedArray;
  m: TypedArray;
  v: TypedArray;
  g: TypedArray;
  xOut: TypedArray;
  mOut: TypedArray;
  vOut: TypedArray;
}

function checkInputs(inputs: Record<string, unknown>): TensorInfo[] {
  const names = ['x', 'm', 'v', 'g', 'accBeta1', 'accBeta2'];
  const infos = names.map((name) => {
    const info = inputs[name] as TensorInfo | undefined;
    if (!info) throw new Error(`${FUSED_ADAM_KERNEL}: input ${name} is missing`);
    if (info.dtype !== 'float32')
      throw new Error(`${FUSED_ADAM_KERNEL}: input ${name} must be float32, got ${info.dtype}`);
    return info;
  });
  const shape = infos[0].shape.join(',');
  for (let i = 1; i < 4; i++)
    if (infos[i].shape.join(',') !== shape)
      throw new Error(
        `${FUSED_ADAM_KERNEL}: ${names[i]} has shape [${infos[i].shape}], the variable [${shape}]`,
      );
  return infos;
}

function readAttrs(attrs: NamedAttrMap | undefined): FusedAdamAttrs {
  const read = (name: keyof FusedAdamAttrs) => {
    const value = Number(attrs?.[name]);
    if (!Number.isFinite(value))
      throw new Error(`${FUSED_ADAM_KERNEL}: attr ${name} must be a number`);
    return value;
  };
  return {
    beta1: read('beta1'),
    beta2: read('beta2'),
    epsilon: read('epsilon'),
    learningRate: read('learningRate'),
  };
}

/** One step's constants, from the hyper-parameters and β1^t, β2^t (see AdamStepConstants). */
function stepConstants(
  { beta1, beta2, epsilon, learningRate }: FusedAdamAttrs,
  accBeta1: number,
  accBeta2: number,
): AdamStepConstants {
  // lr · (m'/(1−β1^t)) / (√(v'/(1−β2^t)) + ε) = a · m' / (√v' · s + ε), without two divisions per element.
  return {
    beta1,
    beta2,
    c1: 1 - beta1,
    c2: 1 - beta2,
    a: learningRate / (1 - accBeta1),
    s: 1 / Math.sqrt(1 - accBeta2),
    epsilon,
  };
}

/** The pass in JavaScript over elements [from, end): tfjs' formula, θ − lr · m̂ / (√v̂ + ε). */
function adamPass(a: AdamArrays, k: AdamStepConstants, from = 0): void {
  const { beta1, beta2, c1, c2, s, epsilon } = k;
  const { x, m, v, g, xOut, mOut, vOut } = a;
  for (let i = from; i < x.length; i++) {
    const gi = g[i];
    const mi = m[i] * beta1 + gi * c1;
    const vi = v[i] * beta2 + gi * gi * c2;
    mOut[i] = mi;
    vOut[i] = vi;
    xOut[i] = x[i] - (k.a * mi) / (Math.sqrt(vi) * s + epsilon);
  }
}

export const wasmFusedAdamKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const [x, m, v, g, accBeta1, accBeta2] = checkInputs(inputs);
  const hyper = readAttrs(attrs);
  const heap = backend as WasmHeapBackend & { wasm?: Parameters<typeof wasmSimdAdam>[0] };
  const outs = [x, m, v].map(() => heap.makeOutput(x.shape, 'float32'));
  // Views only after every allocation: one may grow the wasm memory and detach older views.
  const view = (info: TensorInfo) => heap.typedArrayFromHeap(info);
  const arrays: AdamArrays = {
    x: view(x),
    m: view(m),
    v: view(v),
    g: view(g),
    xOut: view(outs[0]),
    mOut: view(outs[1]),
    vOut: view(outs[2]),
  };
  const k = stepConstants(hyper, view(accBeta1)[0], view(accBeta2)[0]);
  const simd = wasmSimdAdam(heap.wasm);
  const done = simd
    ? simd(
        {
          x: arrays.x.byteOffset,
          m: arrays.m.byteOffset,
          v: arrays.v.byteOffset,
          g: arrays.g.byteOffset,
          xOut: arrays.xOut.byteOffset,
          mOut: arrays.mOut.byteOffset,
          vOut: arrays.vOut.byteOffset,
          count: arrays.x.length,
        },
        k,
      )
    : 0;
  adamPass(arrays, k, done);
  return outs;
};

export const cpuFusedAdamKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const [x, m, v, g, accBeta1, accBeta2] = checkInputs(inputs);
  const hyper = readAttrs(attrs);
  const cpu = backend as CpuBackend;
  const read = (info: TensorInfo) => cpu.readSync(info.dataId) as TypedArray;
  const size = read(x).length;
  const arrays: AdamArrays = {
    x: read(x),
    m: read(m),
    v: read(v),
    g: read(g),
    xOut: new Float32Array(size),
    mOut: new Float32Array(size),
    vOut: new Float32Array(size),
  };
  adamPass(arrays, stepConstants(hyper, read(accBeta1)[0], read(accBeta2)[0]));
  return [arrays.xOut, arrays.mOut, arrays.vOut].map((values) =>
    cpu.makeTensorInfo(x.shape, 'float32', values),
  );
};

/** Registers the kernel for `backendName` unless it is there already. Returns whether it did. */
export function registerFusedAdamKernel(
  tf: Tf,
  backendName: (typeof FUSED_ADAM_BACKENDS)[number],
): boolean {
  if (tf.getKernel(FUSED_ADAM_KERNEL, backendName)) return false;
  const kernelFunc = backendName === 'wasm' ? wasmFusedAdamKernel : cpuFusedAdamKernel;
  tf.registerKernel({ kernelName: FUSED_ADAM_KERNEL, backendName, kernelFunc });
  return true;
}
