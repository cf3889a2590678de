/** (user, movie) → rating examples for the embedding model, as a training source. */
import type * as tfjs from '@tensorflow/tfjs';
import type { TrainingSource } from './training-source';

export interface RatingPairs {
  user: Uint32Array;
  movie: Uint32Array;
  rating: Float32Array;
}

/** Pairs as a training source: each batch is two int32 [n, 1] tensors (user, movie) and the ratings. */
export function pairSource(pairs: RatingPairs): TrainingSource {
  const count = pairs.rating.length;
  if (pairs.user.length !== count || pairs.movie.length !== count)
    throw new Error('pairSource: user, movie and rating must have one entry per example');
  let users = new Int32Array(0);
  let movies = new Int32Array(0);
  let labels = new Float32Array(0);
  return {
    count,
    labels: pairs.rating,
    checkModel(model: tfjs.LayersModel, name: string) {
      if (model.inputs.length !== 2)
        throw new Error(
          `fitModel: the ${name} examples are (user, movie) pairs, but the model takes ${model.inputs.length} input(s)`,
        );
    },
    batch(tf, order, from, to) {
      const n = to - from;
      if (labels.length < n) {
        users = new Int32Array(n);
        movies = new Int32Array(n);
        labels = new Float32Array(n);
      }
      for (let k = 0; k < n; k++) {
        const i = order[from + k];
        users[k] = pairs.user[i];
        movies[k] = pairs.movie[i];
        labels[k] = pairs.rating[i];
      }
      return {
        inputs: [
          tf.tensor2d(users.slice(0, n), [n, 1], 'int32'),
          tf.tensor2d(movies.slice(0, n), [n, 1], 'int32'),
        ],
        labels: tf.tensor2d(labels.slice(0, n), [n, 1]),
      };
    },
  };
}
