/**
 * Biased MF written with tfjs ops, to answer "would tfjs be faster than the typed-array loop?". Mini-batch SGD
 * with hand-derived gradients: gather the batch's rows, compute the per-rating steps, and scatter-add them into
 * the tables (`scatterND` sums duplicate indices). That avoids autograd, whose gather gradient needs the
 * UnsortedSegmentSum kernel tfjs-wasm 4.22 lacks, and is the cheapest way tfjs offers: every batch still
 * rewrites the whole dense tables (scatterND builds a dense users × f tensor), which is the cost that dominates.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import type { RatingSet } from '../../src/stages/baselines/compute/rating-set';

export interface TfjsMfSettings {
  factors: number;
  learningRate: number;
  regFactor: number;
  regBias: number;
  batch: number;
  /** Batches to time (after two warm-up batches). */
  batches: number;
}

export interface TfjsMfTiming {
  backend: string;
  batch: number;
  ratings: number;
  seconds: number;
  ratingsPerSecond: number;
}

export async function timeTfjsMf(
  backend: 'cpu' | 'wasm',
  train: RatingSet,
  users: number,
  movies: number,
  settings: TfjsMfSettings,
): Promise<TfjsMfTiming> {
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} is unavailable`);
  await tf.ready();
  const f = settings.factors;
  const { learningRate: lr, regFactor, regBias, batch } = settings;
  const mean = train.rating.reduce((a, b) => a + b, 0) / train.count;
  const P = tf.variable(tf.randomNormal([users, f], 0, 0.1, 'float32', 1));
  const Q = tf.variable(tf.randomNormal([movies, f], 0, 0.1, 'float32', 2));
  const BU = tf.variable(tf.zeros([users]));
  const BI = tf.variable(tf.zeros([movies]));

  // Indices are below 2^31, so the Uint32 columns can be read as the int32 tensors tfjs wants.
  const users32 = new Int32Array(train.user.buffer, train.user.byteOffset, train.count);
  const movies32 = new Int32Array(train.movie.buffer, train.movie.byteOffset, train.count);
  const step = (from: number): void => {
    const to = Math.min(train.count, from + batch);
    tf.tidy(() => {
      const u = tf.tensor1d(users32.subarray(from, to), 'int32');
      const m = tf.tensor1d(movies32.subarray(from, to), 'int32');
      const r = tf.tensor1d(train.rating.subarray(from, to));
      const p = tf.gather(P, u);
      const q = tf.gather(Q, m);
      const bu = tf.gather(BU, u);
      const bi = tf.gather(BI, m);
      const prediction = tf.add(tf.addN([bu, bi, tf.sum(tf.mul(p, q), 1)]), mean);
      const err = tf.sub(r, prediction);
      const errColumn = tf.expandDims(err, 1);
      const dp = tf.mul(lr, tf.sub(tf.mul(errColumn, q), tf.mul(regFactor, p)));
      const dq = tf.mul(lr, tf.sub(tf.mul(errColumn, p), tf.mul(regFactor, q)));
      const dbu = tf.mul(lr, tf.sub(err, tf.mul(regBias, bu)));
      const dbi = tf.mul(lr, tf.sub(err, tf.mul(regBias, bi)));
      const ui = tf.expandDims(u, 1);
      const mi = tf.expandDims(m, 1);
      P.assign(tf.add(P, tf.scatterND(ui, dp, [users, f])));
      Q.assign(tf.add(Q, tf.scatterND(mi, dq, [movies, f])));
      BU.assign(tf.add(BU, tf.scatterND(ui, dbu, [users])));
      BI.assign(tf.add(BI, tf.scatterND(mi, dbi, [movies])));
    });
  };

  step(0);
  step(batch);
  await P.data();
  const started = performance.now();
  let ratings = 0;
  for (let b = 0; b < settings.batches; b++) {
    const from = ((b + 2) * batch) % Math.max(1, train.count - batch);
    step(from);
    ratings += Math.min(batch, train.count - from);
  }
  await P.data(); // wait for the queued work before stopping the clock
  const seconds = (performance.now() - started) / 1000;
  tf.dispose([P, Q, BU, BI]);
  return { backend, batch, ratings, seconds, ratingsPerSecond: ratings / seconds };
}
