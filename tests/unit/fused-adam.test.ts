import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/lib/rng';
import { buildDenseModel } from '../../src/stages/train/compute/model/build-dense-model';
import { disposeModel } from '../../src/stages/train/compute/model/dispose-model';
import { fusedAdam } from '../../src/stages/train/compute/training/fused-adam';
import { FUSED_ADAM_KERNEL } from '../../src/stages/train/compute/backend/fused-adam-kernel';
import { wasmSimdAdam } from '../../src/stages/train/compute/backend/wasm-simd-adam';
import { maxAbsDiff, tf, useBackend } from '../helpers/train-tf-setup';

/** Seeded values in [-scale, scale). */
function values(seed: number, size: number, scale: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: size }, () => (rng.next() * 2 - 1) * scale);
}

/**
 * A table-shaped gradient as an embedding produces it: only `rows` of the table's rows are non-zero, so the
 * test also covers rows whose moments only decay.
 */
function tableGradient(seed: number, rowCount: number, width: number, rows: number): tf.Tensor {
  const g = new Float32Array(rowCount * width);
  const rng = createRng(seed);
  for (let r = 0; r < rows; r++) {
    const row = Math.floor(rng.next() * rowCount);
    for (let j = 0; j < width; j++) g[row * width + j] = (rng.next() * 2 - 1) * 0.1;
  }
  return tf.tensor2d(g, [rowCount, width]);
}

/** Runs `steps` Adam steps with each optimizer from the same start and the same gradients. */
function stepBoth(steps: number) {
  const shapes: [number, number][] = [
    [300, 8],
    [17, 5],
  ];
  const start = (k: number) =>
    tf.tensor2d(values(10 + k, shapes[k][0] * shapes[k][1], 0.5), shapes[k]);
  const make = (prefix: string) =>
    shapes.map((_, k) => tf.tidy(() => tf.variable(start(k), true, `${prefix}${k}`)));
  const stockVars = make('stock_');
  const fusedVars = make('fused_');
  const stock = tf.train.adam(0.01);
  const fused = fusedAdam(tf, 0.01);
  for (let step = 0; step < steps; step++) {
    const grads = [
      tableGradient(100 + step, 300, 8, 6),
      tf.tensor2d(values(200 + step, 17 * 5, 1), [17, 5]),
    ];
    stock.applyGradients(stockVars.map((v, k) => ({ name: v.name, tensor: grads[k] })));
    fused.applyGradients(fusedVars.map((v, k) => ({ name: v.name, tensor: grads[k] })));
    tf.dispose(grads);
  }
  return { stockVars, fusedVars, stock, fused, start };
}

describe.each(['cpu', 'wasm'] as const)('fused Adam on %s', (backend) => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('uses the fused kernel and matches tfjs’ Adam to 1e-5 over 25 steps, moments included', async () => {
    await useBackend(backend);
    const before = tf.memory().numTensors;
    const { stockVars, fusedVars, stock, fused, start } = stepBoth(25);
    expect(tf.getKernel(FUSED_ADAM_KERNEL, backend)).toBeDefined();
    // On wasm the pass is the SIMD module (on whole lanes: the 17 × 5 variable also takes the JS tail).
    if (backend === 'wasm')
      expect(wasmSimdAdam((tf.backend() as { wasm?: object }).wasm)).not.toBeNull();
    for (let k = 0; k < stockVars.length; k++) {
      expect(maxAbsDiff(stockVars[k], fusedVars[k])).toBeLessThan(1e-5);
      // The step moved the variables: a broken kernel that copied θ would fail here.
      const initial = start(k);
      expect(maxAbsDiff(stockVars[k], initial)).toBeGreaterThan(1e-3);
      initial.dispose();
    }
    const [stockWeights, fusedWeights] = [await stock.getWeights(), await fused.getWeights()];
    expect(fusedWeights.map((w) => w.name.replace('fused_', ''))).toEqual(
      stockWeights.map((w) => w.name.replace('stock_', '')),
    );
    for (let i = 0; i < stockWeights.length; i++)
      expect(maxAbsDiff(stockWeights[i].tensor, fusedWeights[i].tensor)).toBeLessThan(1e-5);
    tf.dispose(stockWeights[0].tensor);
    tf.dispose(fusedWeights[0].tensor);
    stock.dispose();
    fused.dispose();
    tf.dispose([...stockVars, ...fusedVars]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains the dense model as tfjs’ Adam does, and keeps Adam’s class name and config', async () => {
    await useBackend(backend);
    const options = { users: 60, movies: 40, embeddingSize: 8, dropout: 0, seed: 3 };
    const stockModel = buildDenseModel(tf, options);
    const fusedModel = buildDenseModel(tf, options);
    // Both are built with the fused Adam; one gets tfjs' own instead.
    stockModel.optimizer.dispose();
    fusedModel.optimizer.dispose();
    stockModel.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
    fusedModel.compile({ optimizer: fusedAdam(tf, 0.01), loss: 'meanSquaredError' });
    expect(fusedModel.optimizer.getClassName()).toBe('Adam');
    expect(fusedModel.optimizer.getConfig()).toEqual(stockModel.optimizer.getConfig());
    const rng = createRng(9);
    for (let step = 0; step < 10; step++) {
      const users = Int32Array.from({ length: 32 }, () => Math.floor(rng.next() * 60));
      const movies = Int32Array.from({ length: 32 }, () => Math.floor(rng.next() * 40));
      const ratings = Float32Array.from({ length: 32 }, () => 1 + Math.floor(rng.next() * 5));
      for (const model of [stockModel, fusedModel])
        tf.tidy(() => {
          const inputs = [
            tf.tensor2d(users, [32, 1], 'int32'),
            tf.tensor2d(movies, [32, 1], 'int32'),
          ];
          const labels = tf.tensor2d(ratings, [32, 1]);
          model.optimizer.minimize(
            () => tf.losses.meanSquaredError(labels, model.apply(inputs) as tf.Tensor) as tf.Scalar,
          );
        });
    }
    const stockWeights = stockModel.getWeights();
    const fusedWeights = fusedModel.getWeights();
    for (let i = 0; i < stockWeights.length; i++)
      expect(maxAbsDiff(stockWeights[i], fusedWeights[i])).toBeLessThan(1e-5);

    // Saved with its optimizer, the model loads back with tfjs' Adam holding the fused one's state.
    let saved: tf.io.ModelArtifacts | null = null;
    await fusedModel.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
      { includeOptimizer: true },
    );
    if (!saved) throw new Error('nothing was saved');
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved));
    expect(loaded.optimizer.getClassName()).toBe('Adam');
    const [before, after] = [
      await fusedModel.optimizer.getWeights(),
      await loaded.optimizer.getWeights(),
    ];
    expect(after.map((w) => w.name)).toEqual(before.map((w) => w.name));
    expect(after[0].tensor.dataSync()[0]).toBe(10); // iterations
    for (let i = 1; i < before.length; i++)
      expect(maxAbsDiff(before[i].tensor, after[i].tensor)).toBe(0);
    tf.dispose([before[0].tensor, after[0].tensor]);
    disposeModel(loaded);
    disposeModel(stockModel);
    disposeModel(fusedModel);
  });
});
