/**
 * The report's best model: embeddings of the users and the movies → concatenated → Dense 256 relu → Dropout →
 * Dense 128 relu → Dropout → Dense 64 relu → Dense 1, trained with Adam on the mean squared error.
 * Every initialiser is seeded. Its inputs are two int32 tensors of shape [n, 1]: user index and movie index.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../tf';
import { fusedAdam } from '../training/fused-adam';

export interface DenseModelOptions {
  /** Users and movies of the subset: the rows of the two embedding tables. */
  users: number;
  movies: number;
  /** Width of each embedding. */
  embeddingSize?: number;
  /** Rate of the two dropout layers, [0, 1). */
  dropout?: number;
  learningRate?: number;
  /** [low, high] of the ratings: the output's initial bias is their middle. */
  ratingRange?: [number, number];
  seed?: number;
}

export const DENSE_MODEL_DEFAULTS = {
  embeddingSize: 64,
  dropout: 0.2,
  learningRate: 1e-3,
  ratingRange: [1, 5] as [number, number],
  seed: 1,
};

/** The hidden layers of the report's model. */
export const DENSE_HIDDEN_UNITS = [256, 128, 64] as const;

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`buildDenseModel: ${message}`);
}

export function buildDenseModel(tf: Tf, options: DenseModelOptions): tfjs.LayersModel {
  const o = { ...DENSE_MODEL_DEFAULTS, ...options };
  for (const key of ['users', 'movies', 'embeddingSize'] as const)
    check(
      Number.isInteger(o[key]) && o[key] >= 1,
      `${key} must be a positive integer, got ${o[key]}`,
    );
  check(o.dropout >= 0 && o.dropout < 1, `dropout must be in [0, 1), got ${o.dropout}`);
  check(o.learningRate > 0, `learningRate must be positive, got ${o.learningRate}`);
  const [low, high] = o.ratingRange;
  const seeded = (offset: number) =>
    tf.initializers.glorotUniform({ seed: o.seed * 1000 + offset });
  const embedding = (name: string, rows: number, offset: number, input: tfjs.SymbolicTensor) =>
    tf.layers.flatten({ name: `${name}_vector` }).apply(
      tf.layers
        .embedding({
          inputDim: rows,
          outputDim: o.embeddingSize,
          embeddingsInitializer: tf.initializers.randomUniform({
            minval: -0.05,
            maxval: 0.05,
            seed: o.seed * 1000 + offset,
          }),
          name: `${name}_embedding`,
        })
        .apply(input),
    ) as tfjs.SymbolicTensor;

  const user = tf.input({ shape: [1], dtype: 'int32', name: 'user' });
  const movie = tf.input({ shape: [1], dtype: 'int32', name: 'movie' });
  let x = tf.layers
    .concatenate({ name: 'user_and_movie' })
    .apply([
      embedding('user', o.users, 1, user),
      embedding('movie', o.movies, 2, movie),
    ]) as tfjs.SymbolicTensor;
  DENSE_HIDDEN_UNITS.forEach((units, i) => {
    x = tf.layers
      .dense({
        units,
        activation: 'relu',
        kernelInitializer: seeded(10 + i),
        name: `dense_${units}`,
      })
      .apply(x) as tfjs.SymbolicTensor;
    // Dropout between the three hidden layers (two of them), as in the report.
    if (i < DENSE_HIDDEN_UNITS.length - 1)
      x = tf.layers
        .dropout({ rate: o.dropout, seed: o.seed * 1000 + 20 + i, name: `dropout_${i + 1}` })
        .apply(x) as tfjs.SymbolicTensor;
  });
  const rating = tf.layers
    .dense({
      units: 1,
      kernelInitializer: seeded(30),
      biasInitializer: tf.initializers.constant({ value: (low + high) / 2 }),
      name: 'rating',
    })
    .apply(x) as tfjs.SymbolicTensor;
  const model = tf.model({ inputs: [user, movie], outputs: rating, name: 'dense_embedding_model' });
  model.compile({ optimizer: fusedAdam(tf, o.learningRate), loss: 'meanSquaredError' });
  return model;
}

/**
 * Parameters of the dense model without building it: two embedding tables, then the dense stack.
 * (users + movies) · e + (2e · 256 + 256) + (256 · 128 + 128) + (128 · 64 + 64) + (64 + 1).
 */
export function denseParameterCount(users: number, movies: number, embeddingSize: number): number {
  let count = (users + movies) * embeddingSize;
  let width = 2 * embeddingSize;
  for (const units of [...DENSE_HIDDEN_UNITS, 1]) {
    count += width * units + units;
    width = units;
  }
  return count;
}
