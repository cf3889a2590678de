/**
 * The check every backend must pass before training uses it: build a tiny version of the real model (same
 * layers: Normalization, FastLstm, Dense) and fit it for an epoch, so any missing kernel or broken gradient
 * shows here, not an hour into training.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { buildDenseModel, buildLstmModel, fitModel, pairSource } from '../compute/api';
import { disposeModel } from '../compute/model/dispose-model';

type Tf = typeof tfjs;

/** Both models' layers, including the embedding gradient (UnsortedSegmentSum) that tfjs-wasm lacks unpatched. */
export async function tinyChecks(tf: Tf): Promise<string> {
  const lstm = await tinyLstmFit(tf);
  const dense = await tinyDenseFit(tf);
  return `${lstm}; ${dense}`;
}

async function tinyDenseFit(tf: Tf): Promise<string> {
  const started = Date.now();
  const model = buildDenseModel(tf, { users: 4, movies: 3, embeddingSize: 2, seed: 1 });
  try {
    const pairs = {
      user: Uint32Array.of(0, 1, 2, 3, 0, 1),
      movie: Uint32Array.of(0, 1, 2, 0, 1, 2),
      rating: Float32Array.of(1, 2, 3, 4, 5, 3),
    };
    const result = await fitModel(
      tf,
      model,
      { train: pairSource(pairs) },
      { epochs: 1, batchSize: 3, patience: Infinity, seed: 1 },
    );
    const loss = result.history[0]?.loss;
    if (!Number.isFinite(loss)) throw new Error(`the embedding check model's loss is ${loss}`);
    return `trained an embedding check model in ${Date.now() - started} ms`;
  } finally {
    disposeModel(model);
  }
}

export async function tinyLstmFit(tf: Tf): Promise<string> {
  const [count, steps, features] = [8, 3, 2];
  const x = new Float32Array(count * steps * features);
  const y = new Float32Array(count);
  for (let i = 0; i < x.length; i++) x[i] = ((i * 7) % 11) / 11;
  for (let w = 0; w < count; w++) y[w] = 1 + (w % 5);
  const started = Date.now();
  const model = buildLstmModel(tf, {
    steps,
    features,
    normalization: { mean: [0.5, 0.5], variance: [0.1, 0.1] },
    units: 4,
    denseUnits: 3,
    seed: 1,
  });
  try {
    const result = await fitModel(
      tf,
      model,
      { train: { count, steps, features, x, y } },
      {
        epochs: 1,
        batchSize: 4,
        patience: Infinity,
        seed: 1,
      },
    );
    const loss = result.history[0]?.loss;
    if (!Number.isFinite(loss)) throw new Error(`the check model's loss is ${loss}`);
    return `trained a check model in ${Date.now() - started} ms`;
  } finally {
    disposeModel(model);
  }
}
