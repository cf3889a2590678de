/**
 * A model trained in the page, downloaded in the tfjs layers format (model.json + weights.bin, exactly as the
 * training worker exports it), loads into the exported PyTorch models and predicts the same ratings.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeptModels } from '../../src/stages/train/worker/kept-models';
import { createRng } from '../../src/lib/rng';
import { buildDenseModel } from '../../src/stages/train/compute/model/build-dense-model';
import {
  buildLstmModel,
  type DenseActivation,
} from '../../src/stages/train/compute/model/build-lstm-model';
import { fitModel } from '../../src/stages/train/compute/training/fit-model';
import { normalizationStats } from '../../src/stages/train/compute/training/normalization-stats';
import { pairSource } from '../../src/stages/train/compute/training/pair-source';
import { predictWindows } from '../../src/stages/train/compute/training/predict';
import { PYTHON_SOURCES } from '../../src/stages/export/compute/python-sources';
import { syntheticWindows } from '../../bench/train/synthetic-windows';
import { hasPythonStack, PYTHON, run, writeFiles } from '../helpers/python';
import { tf, useBackend } from '../helpers/train-tf-setup';

const folder = mkdtempSync(join(tmpdir(), 'prize-lab-weights-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Saves `model` as the page's download does (KeptModels.export) under `name`. */
async function download(model: tf.LayersModel, name: string): Promise<string> {
  const kept = new KeptModels(tf, false);
  await kept.keep(name, model);
  const exported = await kept.export(name);
  writeFileSync(join(folder, `${name}.model.json`), exported.modelJson);
  writeFileSync(join(folder, exported.weightsFileName), new Uint8Array(exported.weights));
  return `${name}.model.json`;
}

const PREDICT = `
import json, sys
import numpy as np, torch
from prizelab.tfjs_weights import load_tfjs_lstm, load_tfjs_dense
kind, model_json, inputs, out = sys.argv[1:]
data = json.load(open(inputs))
with torch.no_grad():
    if kind == "lstm":
        model = load_tfjs_lstm(model_json)
        x = torch.tensor(np.array(data["x"], dtype=np.float32).reshape(data["shape"]))
        y = model(x)
    else:
        model = load_tfjs_dense(model_json)
        y = model((torch.tensor(data["user"]), torch.tensor(data["movie"])))
json.dump(y.view(-1).tolist(), open(out, "w"))
`;

function torchPredictions(kind: 'lstm' | 'dense', modelJson: string, inputs: unknown): number[] {
  writeFiles(folder, PYTHON_SOURCES);
  writeFileSync(join(folder, 'predict.py'), PREDICT);
  writeFileSync(join(folder, `${kind}-inputs.json`), JSON.stringify(inputs));
  run(PYTHON, ['predict.py', kind, modelJson, `${kind}-inputs.json`, `${kind}-out.json`], folder);
  return JSON.parse(readFileSync(join(folder, `${kind}-out.json`), 'utf8')) as number[];
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

describe.runIf(hasPythonStack('the tfjs → PyTorch weight tests'))('tfjs models in PyTorch', () => {
  it.each<[DenseActivation, number]>([
    ['swish', 1],
    ['gelu', 2],
    ['sigmoid', 2],
  ])(
    'an LSTM (%s, %i layers) trained in tfjs predicts the same in PyTorch',
    async (activation, layers) => {
      await useBackend('cpu');
      const train = syntheticWindows({ count: 96, steps: 6, clusters: 4, seed: 3 });
      const test = syntheticWindows({ count: 40, steps: 6, clusters: 4, seed: 4 });
      const model = buildLstmModel(tf, {
        steps: 6,
        features: 5,
        normalization: normalizationStats(train),
        units: 7,
        layers,
        activation,
        dropout: 0.1,
        seed: 5,
      });
      // A few steps of training, so the weights are no longer their (symmetric, forget-bias 1) starting point.
      await fitModel(tf, model, { train }, { epochs: 2, batchSize: 32, patience: 5, seed: 1 });
      const expected = await predictWindows(tf, model, test);
      const name = `lstm-${activation}-${layers}`;
      const got = torchPredictions('lstm', await download(model, name), {
        x: Array.from(test.x),
        shape: [test.count, test.steps, test.features],
      });
      expect(maxDiff(got, expected)).toBeLessThan(1e-4);
      model.dispose();
    },
  );

  it('the dense embedding model trained in tfjs predicts the same in PyTorch', async () => {
    await useBackend('cpu');
    const rng = createRng(9);
    const pairs = (n: number) => {
      const user = Uint32Array.from({ length: n }, () => rng.int(30));
      const movie = Uint32Array.from({ length: n }, () => rng.int(20));
      const rating = Float32Array.from(user, (u, i) => 1 + ((u + movie[i]) % 5));
      return { user, movie, rating };
    };
    const model = buildDenseModel(tf, { users: 30, movies: 20, embeddingSize: 6, seed: 2 });
    await fitModel(
      tf,
      model,
      { train: pairSource(pairs(200)) },
      { epochs: 2, batchSize: 32, patience: 5, seed: 1 },
    );
    const test = pairs(50);
    const expected = await predictWindows(tf, model, pairSource(test));
    const got = torchPredictions('dense', await download(model, 'dense-1'), {
      user: Array.from(test.user),
      movie: Array.from(test.movie),
    });
    expect(maxDiff(got, expected)).toBeLessThan(1e-4);
    model.dispose();
  });
});
