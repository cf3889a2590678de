import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { createRng } from '../../src/lib/rng';
import { applyBackendPatches } from '../../src/stages/train/compute/backend/apply-backend-patches';
import { tf } from '../helpers/train-tf-setup';

/** Runs f on the cpu backend (the reference) and on the patched wasm backend; returns both values. */
async function onBoth(f: () => tf.Tensor): Promise<[Float32Array, Float32Array, number[]]> {
  await tf.setBackend('cpu');
  const reference = f();
  const expected = reference.dataSync() as Float32Array;
  reference.dispose();
  await tf.setBackend('wasm');
  const actual = f();
  const values = actual.dataSync() as Float32Array;
  const shape = actual.shape;
  actual.dispose();
  return [Float32Array.from(expected), Float32Array.from(values), shape];
}

function maxDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

describe('wasm backend patches', () => {
  let report: ReturnType<typeof applyBackendPatches>;
  /** The cpu backend's own UnsortedSegmentSum, kept before the project replaces it. */
  let stockCpuSegmentSum: KernelConfig | undefined;

  beforeAll(async () => {
    stockCpuSegmentSum = tf.getKernel('UnsortedSegmentSum', 'cpu');
    await tf.setBackend('wasm');
    await tf.ready();
    report = applyBackendPatches(tf);
  });

  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('reports what it patched, and patching twice changes nothing', () => {
    expect(report.backend).toBe('wasm');
    expect(report.applied.join('\n')).toMatch(/BatchMatMul/);
    expect(report.applied.join('\n')).toMatch(/UnsortedSegmentSum/);
    expect(applyBackendPatches(tf, 'wasm').applied).toEqual([]);
    expect(applyBackendPatches(tf, 'cpu').applied.join('\n')).toMatch(/UnsortedSegmentSum/);
    expect(applyBackendPatches(tf, 'cpu').applied).toEqual([]);
  });

  it('the cpu backend’s single-pass UnsortedSegmentSum matches its own kernel', async () => {
    await tf.setBackend('cpu');
    applyBackendPatches(tf, 'cpu');
    const stock = stockCpuSegmentSum;
    if (!stock) throw new Error('tfjs-backend-cpu has no UnsortedSegmentSum to compare with');
    const rng = createRng(3);
    const cases = [
      { shape: [50, 3, 4], segments: 7 },
      { shape: [300, 8], segments: 40 },
    ];
    for (const { shape, segments } of cases) {
      const size = shape.reduce((a, b) => a * b, 1);
      const x = tf.tensor(
        Float32Array.from({ length: size }, () => rng.normal()),
        shape,
      );
      // Some ids out of range ([-1, segments]): both kernels drop those rows.
      const segmentIds = tf.tensor1d(
        Int32Array.from({ length: shape[0] }, () => rng.int(segments + 2) - 1),
        'int32',
      );
      const info = stock.kernelFunc({
        inputs: { x, segmentIds },
        backend: tf.backend(),
        attrs: { numSegments: segments },
      }) as TensorInfo;
      const expected = tf.engine().makeTensorFromTensorInfo(info);
      const actual = tf.unsortedSegmentSum(x, segmentIds, segments);
      expect(actual.shape).toEqual(expected.shape);
      expect(
        maxDiff(expected.dataSync() as Float32Array, actual.dataSync() as Float32Array),
      ).toBeLessThan(1e-5);
      tf.dispose([x, segmentIds, expected, actual]);
    }
  });

  it('transposed products match the cpu backend, in every combination and for batched operands', async () => {
    for (const [transposeA, transposeB] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ]) {
      const [expected, actual] = await onBoth(() =>
        tf.tidy(() => {
          const a = tf.randomNormal(transposeA ? [7, 5] : [5, 7], 0, 1, 'float32', 1);
          const b = tf.randomNormal(transposeB ? [3, 7] : [7, 3], 0, 1, 'float32', 2);
          return tf.matMul(a, b, transposeA, transposeB);
        }),
      );
      expect(maxDiff(expected, actual)).toBeLessThan(1e-5);
    }
    const [expected, actual] = await onBoth(() =>
      tf.tidy(() =>
        tf.matMul(
          tf.randomNormal([2, 4, 6], 0, 1, 'float32', 3),
          tf.randomNormal([2, 5, 6], 0, 1, 'float32', 4),
          false,
          true,
        ),
      ),
    );
    expect(maxDiff(expected, actual)).toBeLessThan(1e-5);
  });

  it('the fused product (dense layers) transposes correctly too, with bias and activation', async () => {
    const [expected, actual] = await onBoth(() =>
      tf.tidy(() =>
        tf.fused.matMul({
          a: tf.randomNormal([6, 4], 0, 1, 'float32', 5),
          b: tf.randomNormal([3, 6], 0, 1, 'float32', 6),
          transposeA: true,
          transposeB: true,
          bias: tf.tensor1d([0.5, -1, 2]),
          activation: 'relu',
        }),
      ),
    );
    expect(maxDiff(expected, actual)).toBeLessThan(1e-5);
  });

  it('slice, split and unstack copy the right blocks', async () => {
    const make = () => tf.reshape(tf.range(0, 2 * 3 * 4 * 5), [2, 3, 4, 5]);
    const cases: (() => tf.Tensor)[] = [
      () => tf.slice(make(), [1, 0, 1, 2], [1, 3, 2, 3]),
      () => tf.slice(make(), [0, 1, 0, 0], [2, 2, 4, 5]),
      () => tf.slice(tf.reshape(make(), [6, 20]), [2, 3], [3, 10]),
      () => tf.concat(tf.split(make(), [1, 3], 2).reverse(), 2),
      () => tf.stack(tf.unstack(make(), 1).reverse(), 0),
    ];
    for (const f of cases) {
      const [expected, actual] = await onBoth(() => tf.tidy(f));
      expect(Array.from(actual)).toEqual(Array.from(expected));
    }
  });

  it('adds UnsortedSegmentSum: matches the cpu backend and drops out-of-range ids', async () => {
    const [expected, actual, shape] = await onBoth(() =>
      tf.tidy(() =>
        tf.unsortedSegmentSum(
          tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [5, 2]),
          tf.tensor1d([2, 0, 2, 5, 1], 'int32'),
          3,
        ),
      ),
    );
    expect(shape).toEqual([3, 2]);
    // Hand-computed: segment 0 ← row 1; segment 1 ← row 4; segment 2 ← rows 0 and 2; id 5 is dropped.
    expect(Array.from(actual)).toEqual([3, 4, 9, 10, 6, 8]);
    expect(Array.from(actual)).toEqual(Array.from(expected));
  });

  it('so an embedding model trains on wasm (the gather gradient needs UnsortedSegmentSum)', async () => {
    await tf.setBackend('wasm');
    const model = tf.sequential();
    model.add(tf.layers.embedding({ inputDim: 10, outputDim: 4, inputLength: 1 }));
    model.add(tf.layers.flatten());
    model.add(tf.layers.dense({ units: 1 }));
    model.compile({ optimizer: tf.train.adam(0.05), loss: 'meanSquaredError' });
    const xs = tf.tensor2d([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [10, 1]);
    const ys = tf.tensor2d([1, 2, 3, 4, 5, 1, 2, 3, 4, 5], [10, 1]);
    const history = await model.fit(xs, ys, { epochs: 30, verbose: 0 });
    const losses = history.history.loss as number[];
    expect(losses[losses.length - 1]).toBeLessThan(losses[0] / 2);
    tf.dispose([xs, ys]);
    model.dispose();
  });

  it('clones share data without changing values, and disposing one keeps the other', async () => {
    await tf.setBackend('wasm');
    const a = tf.tensor1d([1, 2, 3]);
    const b = tf.clone(a);
    a.dispose();
    expect(Array.from(b.dataSync())).toEqual([1, 2, 3]);
    b.dispose();
  });
});
