import { describe, expect, it } from 'vitest';
import { buildLstmModel } from '../../src/stages/train/compute/model/build-lstm-model';
import { readWeights, type WeightSnapshot } from '../../src/stages/train/compute/model/weights';
import {
  constantPredictionRmse,
  evaluateModel,
} from '../../src/stages/train/compute/training/evaluate-model';
import { fitModel, type FitOptions } from '../../src/stages/train/compute/training/fit-model';
import { normalizationStats } from '../../src/stages/train/compute/training/normalization-stats';
import { meanSquaredError, predictWindows } from '../../src/stages/train/compute/training/predict';
import type { WindowData } from '../../src/stages/train/compute/training/window-data';
import { splitWindows, syntheticWindows } from '../../bench/train/synthetic-windows';
import { tf, useBackend } from '../helpers/train-tf-setup';

const all = syntheticWindows({ count: 640, steps: 6, clusters: 5, seed: 11 });
const [train, validation] = splitWindows(all, [512, 128]);

function smallModel(seed = 1, learningRate = 0.01) {
  return buildLstmModel(tf, {
    steps: train.steps,
    features: train.features,
    normalization: normalizationStats(train),
    units: 12,
    denseUnits: 8,
    learningRate,
    seed,
  });
}

const FIT: FitOptions = { epochs: 3, batchSize: 64, patience: Infinity, seed: 5 };

describe('fitModel on the cpu backend', () => {
  it('lowers the loss, streams batches and epochs, and leaks no tensors', async () => {
    await useBackend('cpu');
    const model = smallModel();
    // Adam creates its moment estimates (two per weight) on its first step: count after that.
    await fitModel(tf, model, { train }, { ...FIT, epochs: 1 });
    const before = tf.memory().numTensors;
    const perEpoch: number[] = [];
    let batches = 0;
    const result = await fitModel(
      tf,
      model,
      { train, validation },
      {
        ...FIT,
        onBatch: (p) => {
          batches++;
          expect(p.batchesPerEpoch).toBe(8);
          expect(Number.isFinite(p.loss)).toBe(true);
        },
        onEpoch: () => {
          perEpoch.push(tf.memory().numTensors);
        },
      },
    );
    expect(batches).toBe(24);
    expect(result.epochsRun).toBe(3);
    expect(result.stopReason).toBe('completed');
    const losses = result.history.map((h) => h.loss);
    expect(losses[2]).toBeLessThan(losses[0]);
    expect(result.history[2].valLoss).toBeLessThan(result.history[0].valLoss);
    // The best epoch's weight snapshot is the only thing held between epochs: the count is flat.
    expect(new Set(perEpoch).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('stops early on validation loss and restores the best epoch’s weights', async () => {
    await useBackend('cpu');
    const model = smallModel(3, 0.02);
    // Validation labels mirrored around 3: fitting the training labels makes validation worse.
    const mirrored: WindowData = { ...validation, y: validation.y.map((y) => 6 - y) };
    const snapshots: WeightSnapshot[] = [];
    const result = await fitModel(
      tf,
      model,
      { train, validation: mirrored },
      {
        ...FIT,
        epochs: 20,
        patience: 2,
        onEpoch: async () => {
          snapshots.push(await readWeights(model));
        },
      },
    );
    expect(result.stopReason).toBe('patience');
    expect(result.stoppedEarly).toBe(true);
    expect(result.epochsRun).toBe(result.bestEpoch + 3);
    const valLosses = result.history.map((h) => h.valLoss);
    expect(result.bestValLoss).toBe(Math.min(...valLosses));
    expect(result.history[result.bestEpoch].improved).toBe(true);
    // The model holds the best epoch's weights, not the last epoch's.
    const now = await readWeights(model);
    expect(now.values).toEqual(snapshots[result.bestEpoch].values);
    expect(now.values).not.toEqual(snapshots[snapshots.length - 1].values);
    expect(meanSquaredError(await predictWindows(tf, model, mirrored), mirrored.y)).toBeCloseTo(
      result.bestValLoss,
      6,
    );
    model.dispose();
  });

  it('gives the same result for the same seed, and another for another seed', async () => {
    await useBackend('cpu');
    const run = async (seed: number) => {
      const model = smallModel(1);
      const result = await fitModel(tf, model, { train, validation }, { ...FIT, epochs: 2, seed });
      const weights = await readWeights(model);
      model.dispose();
      return { losses: result.history.map((h) => [h.loss, h.valLoss]), weights: weights.values };
    };
    const [a, b, c] = [await run(5), await run(5), await run(6)];
    expect(b).toEqual(a);
    expect(c.losses).not.toEqual(a.losses);
  });

  it('resumes from an epoch as if it had never stopped', async () => {
    await useBackend('cpu');
    const straight = smallModel(2);
    const once = await fitModel(tf, straight, { train }, { ...FIT, epochs: 2 });
    // Without validation the training loss is monitored; it falls every epoch here, so no restore interferes.
    expect(once.history[1].loss).toBeLessThan(once.history[0].loss);
    const resumed = smallModel(2);
    await fitModel(tf, resumed, { train }, { ...FIT, epochs: 1 });
    const second = await fitModel(tf, resumed, { train }, { ...FIT, epochs: 2, initialEpoch: 1 });
    expect(second.history.map((h) => h.epoch)).toEqual([1]);
    expect(second.history[0].loss).toBe(once.history[1].loss);
    expect((await readWeights(resumed)).values).toEqual((await readWeights(straight)).values);
    straight.dispose();
    resumed.dispose();
  });

  it('stops softly between batches when asked', async () => {
    await useBackend('cpu');
    const model = smallModel();
    let batches = 0;
    const result = await fitModel(
      tf,
      model,
      { train, validation },
      {
        ...FIT,
        onBatch: () => {
          batches++;
        },
        shouldStop: () => batches >= 3,
      },
    );
    expect(batches).toBe(3);
    expect(result.stopReason).toBe('stopped');
    expect(result.epochsRun).toBe(0);
    expect(result.bestEpoch).toBe(-1);
    model.dispose();
  });

  it('rejects windows that do not fit the model, and bad options', async () => {
    await useBackend('cpu');
    const model = smallModel();
    const wrong = syntheticWindows({ count: 8, steps: 5, clusters: 5, seed: 1 });
    await expect(fitModel(tf, model, { train: wrong }, FIT)).rejects.toThrow(
      /6 steps × 6 features/,
    );
    await expect(fitModel(tf, model, { train }, { ...FIT, batchSize: 0 })).rejects.toThrow(
      /batchSize/,
    );
    const broken = { ...train, y: train.y.subarray(1) };
    await expect(fitModel(tf, model, { train: broken }, FIT)).rejects.toThrow(/labels/);
    model.dispose();
  });
});

describe('fitModel on the wasm backend', () => {
  it('trains and frees every backend buffer it allocates (patched kernels included)', async () => {
    await useBackend('wasm');
    const model = smallModel();
    const backend = tf.engine().backend as unknown as { numDataIds(): number };
    const buffers: number[] = [];
    const result = await fitModel(
      tf,
      model,
      { train, validation },
      {
        ...FIT,
        onEpoch: () => {
          buffers.push(backend.numDataIds());
        },
      },
    );
    expect(result.history[2].loss).toBeLessThan(result.history[0].loss);
    expect(new Set(buffers).size).toBe(1);
    model.dispose();
  });
});

describe('evaluateModel', () => {
  it('reports RMSE and MAE of its predictions in the rating scale', async () => {
    await useBackend('cpu');
    const model = smallModel();
    const { rmse, mae, predictions } = await evaluateModel(tf, model, validation);
    expect(predictions).toHaveLength(validation.count);
    let squares = 0;
    let absolute = 0;
    predictions.forEach((p, i) => {
      squares += (p - validation.y[i]) ** 2;
      absolute += Math.abs(p - validation.y[i]);
    });
    expect(rmse).toBeCloseTo(Math.sqrt(squares / validation.count), 10);
    expect(mae).toBeCloseTo(absolute / validation.count, 10);
    model.dispose();
  });

  it('computes the predict-the-training-mean baseline', () => {
    const trainY = Float32Array.from([1, 2, 3]); // mean 2
    const data: WindowData = {
      count: 2,
      steps: 1,
      features: 1,
      x: new Float32Array(2),
      y: Float32Array.from([2, 4]),
    };
    expect(constantPredictionRmse(trainY, data.y)).toBeCloseTo(Math.sqrt((0 + 4) / 2), 12);
  });
});
