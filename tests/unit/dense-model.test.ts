import { describe, expect, it } from 'vitest';
import {
  buildDenseModel,
  denseParameterCount,
} from '../../src/stages/train/compute/model/build-dense-model';
import { countParameters } from '../../src/stages/train/compute/model/build-lstm-model';
import { evaluateModel } from '../../src/stages/train/compute/training/evaluate-model';
import { fitModel } from '../../src/stages/train/compute/training/fit-model';
import { pairSource } from '../../src/stages/train/compute/training/pair-source';
import { createRng } from '../../src/lib/rng';
import { tf, useBackend } from '../helpers/train-tf-setup';

const USERS = 40;
const MOVIES = 30;
const planted = createRng(7);
/** The planted structure: rating = 3 + user taste × movie kind, rounded into 1…5. */
const taste = Float32Array.from({ length: USERS }, () => (planted.next() < 0.5 ? -1 : 1));
const kind = Float32Array.from({ length: MOVIES }, () => (planted.next() < 0.5 ? -1.5 : 1.5));

/** Random (user, movie) pairs rated by the planted structure. */
function plantedPairs(count: number, users: number, movies: number, seed: number) {
  const rng = createRng(seed);
  const user = new Uint32Array(count);
  const movie = new Uint32Array(count);
  const rating = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    user[i] = rng.int(users);
    movie[i] = rng.int(movies);
    rating[i] = Math.min(5, Math.max(1, Math.round(3 + taste[user[i]] * kind[movie[i]])));
  }
  return { user, movie, rating };
}

describe('the dense embedding model', () => {
  it('has the report’s layers and the parameters the formula gives', async () => {
    await useBackend('cpu');
    const model = buildDenseModel(tf, { users: 10, movies: 7, embeddingSize: 4 });
    expect(model.layers.map((l) => l.getClassName())).toEqual([
      'InputLayer',
      'InputLayer',
      'Embedding',
      'Embedding',
      'Flatten',
      'Flatten',
      'Concatenate',
      'Dense',
      'Dropout',
      'Dense',
      'Dropout',
      'Dense',
      'Dense',
    ]);
    expect(
      model.layers.filter((l) => l.getClassName() === 'Dense').map((l) => l.getConfig().units),
    ).toEqual([256, 128, 64, 1]);
    const expected =
      (10 + 7) * 4 + (8 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 + 1);
    expect(countParameters(model).trainable).toBe(expected);
    expect(denseParameterCount(10, 7, 4)).toBe(expected);
    // At the report's scale (10,000 users, 2,000 movies) and 128-wide embeddings: 1,643,009 parameters,
    // against the report's 1,840,353, which no embedding width reproduces exactly (see the README).
    expect(denseParameterCount(10_000, 2_000, 128)).toBe(1_643_009);
    model.dispose();
  });

  it('learns planted user × movie structure on the wasm backend (embedding gradients patched), without leaking tensors', async () => {
    await useBackend('wasm');
    const train = pairSource(plantedPairs(3000, 40, 30, 1));
    const test = pairSource(plantedPairs(600, 40, 30, 2));
    const model = buildDenseModel(tf, {
      users: 40,
      movies: 30,
      embeddingSize: 8,
      learningRate: 0.005,
      seed: 3,
    });
    const before = await evaluateModel(tf, model, test);
    await fitModel(tf, model, { train }, { epochs: 1, batchSize: 64, patience: Infinity, seed: 1 });
    const tensors = tf.memory().numTensors;
    const fit = await fitModel(
      tf,
      model,
      { train, validation: test },
      { epochs: 6, initialEpoch: 1, batchSize: 64, patience: Infinity, seed: 1 },
    );
    expect(tf.memory().numTensors).toBe(tensors);
    const after = await evaluateModel(tf, model, test);
    expect(fit.history.at(-1)!.loss).toBeLessThan(fit.history[0].loss);
    expect(after.rmse).toBeLessThan(before.rmse * 0.7);
    model.dispose();
  });
});
