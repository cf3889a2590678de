/**
 * The two tfjs trainers the benchmark times, shared by the Node run and the Chromium worker so both measure
 * the same code: the project's model (`buildLstmModel`: Normalization → FastLstm → Dense → Dense) and the same
 * architecture with the stock `tf.layers.lstm` in place of FastLstm (the "before"). Both train through
 * `fitModel` with the same batches, so only the LSTM layer (and the backend patches) differ.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { registerTrainLayers } from '../../src/stages/train/compute/layers/register-train-layers';
import { buildLstmModel } from '../../src/stages/train/compute/model/build-lstm-model';
import type { Tf } from '../../src/stages/train/compute/tf';
import { fitModel } from '../../src/stages/train/compute/training/fit-model';
import { normalizationStats } from '../../src/stages/train/compute/training/normalization-stats';
import type { WindowData } from '../../src/stages/train/compute/training/window-data';
import { disposeModel } from '../../src/stages/train/compute/model/dispose-model';

export type TrainerVariant = 'project' | 'stock';

export interface BenchShape {
  units: number;
  batchSize: number;
  /** Batches run before timing starts (kernel set-up, weight packing, JIT). */
  warmupBatches: number;
  /** Batches timed. */
  timedBatches: number;
}

export interface VariantMeasurement {
  variant: TrainerVariant;
  samplesPerSecond: number;
  timedSamples: number;
  seconds: number;
  /** Mean loss of the timed batches: a sanity check that training did something sensible. */
  meanLoss: number;
}

function stockModel(tf: Tf, data: WindowData, units: number): tfjs.LayersModel {
  const { Normalization } = registerTrainLayers(tf);
  const stats = normalizationStats(data);
  const model = tf.sequential();
  model.add(new Normalization({ inputShape: [data.steps, data.features], ...stats }));
  model.add(
    tf.layers.lstm({
      units,
      recurrentActivation: 'sigmoid',
      // The default orthogonal initialiser takes minutes on some backends (FINDINGS.md).
      recurrentInitializer: 'glorotUniform',
      unitForgetBias: true,
    }),
  );
  model.add(tf.layers.dense({ units, activation: 'swish' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
  return model;
}

/** Trains one epoch of exactly warmup + timed batches and times the timed ones. */
export async function measureVariant(
  tf: Tf,
  variant: TrainerVariant,
  data: WindowData,
  shape: BenchShape,
  now: () => number,
): Promise<VariantMeasurement> {
  const batches = shape.warmupBatches + shape.timedBatches;
  const needed = batches * shape.batchSize;
  if (data.count < needed)
    throw new Error(`measureVariant: need ${needed} windows, got ${data.count}`);
  const size = data.steps * data.features;
  const train: WindowData = {
    ...data,
    count: needed,
    x: data.x.subarray(0, needed * size),
    y: data.y.subarray(0, needed),
  };
  const model =
    variant === 'project'
      ? buildLstmModel(tf, {
          steps: data.steps,
          features: data.features,
          normalization: normalizationStats(train),
          units: shape.units,
        })
      : stockModel(tf, train, shape.units);
  let start = 0;
  let lossSum = 0;
  try {
    await fitModel(
      tf,
      model,
      { train },
      {
        epochs: 1,
        batchSize: shape.batchSize,
        patience: Infinity,
        seed: 1,
        onBatch: ({ batch, loss }) => {
          if (batch === shape.warmupBatches - 1) start = now();
          if (batch >= shape.warmupBatches) lossSum += loss;
        },
      },
    );
    const seconds = (now() - start) / 1000;
    const timedSamples = shape.timedBatches * shape.batchSize;
    return {
      variant,
      samplesPerSecond: timedSamples / seconds,
      timedSamples,
      seconds,
      meanLoss: lossSum / shape.timedBatches,
    };
  } finally {
    disposeModel(model);
  }
}

export interface KernelProfile {
  /** Milliseconds in backend kernels for one training batch (wrapper scopes excluded). */
  kernelMs: number;
  /** Share of that time spent in matrix products. */
  matMulShare: number;
  kernels: number;
  /** The costliest kernels: name, total ms, calls. */
  top: [string, number, number][];
}

/** Where one batch of the project's model spends its time, by backend kernel (the fastest of three batches). */
export async function profileProjectBatch(
  tf: Tf,
  data: WindowData,
  shape: BenchShape,
): Promise<KernelProfile> {
  const n = shape.batchSize;
  const size = data.steps * data.features;
  const model = buildLstmModel(tf, {
    steps: data.steps,
    features: data.features,
    normalization: normalizationStats(data),
    units: shape.units,
  });
  const xs = tf.tensor3d(data.x.subarray(0, n * size), [n, data.steps, data.features]);
  const ys = tf.tensor2d(data.y.subarray(0, n), [n, 1]);
  const variables = model.trainableWeights.map((w) => w.read() as tfjs.Variable);
  const step = () =>
    tf.tidy(() => {
      const loss = model.optimizer.minimize(
        () =>
          tf.losses.meanSquaredError(
            ys,
            model.apply(xs, { training: true }) as tfjs.Tensor,
          ) as tfjs.Scalar,
        true,
        variables,
      );
      loss?.dataSync();
    });
  try {
    for (let i = 0; i < 3; i++) step();
    let best: KernelProfile | null = null;
    for (let i = 0; i < 3; i++) {
      const info = await tf.profile(step);
      const byName = new Map<string, [number, number]>();
      for (const kernel of info.kernels) {
        // Only registered kernels: customGrad and op wrappers appear too, with their children's time inside.
        if (!tf.getKernel(kernel.name, tf.getBackend())) continue;
        const entry = byName.get(kernel.name) ?? [0, 0];
        entry[0] += kernel.kernelTimeMs as number;
        entry[1] += 1;
        byName.set(kernel.name, entry);
      }
      const entries = [...byName.entries()].sort((a, b) => b[1][0] - a[1][0]);
      const kernelMs = entries.reduce((sum, [, [ms]]) => sum + ms, 0);
      const matMulMs = entries
        .filter(([name]) => name === 'BatchMatMul' || name === '_FusedMatMul')
        .reduce((sum, [, [ms]]) => sum + ms, 0);
      const profile: KernelProfile = {
        kernelMs,
        matMulShare: matMulMs / kernelMs,
        kernels: entries.reduce((sum, [, [, calls]]) => sum + calls, 0),
        top: entries.slice(0, 8).map(([name, [ms, calls]]) => [name, ms, calls]),
      };
      if (!best || profile.kernelMs < best.kernelMs) best = profile;
    }
    return best as KernelProfile;
  } finally {
    tf.dispose([xs, ys]);
    disposeModel(model);
  }
}
