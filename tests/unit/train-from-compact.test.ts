import { describe, expect, it } from 'vitest';
import { buildLstmModel } from '../../src/stages/train/compute/model/build-lstm-model';
import { fitModel } from '../../src/stages/train/compute/training/fit-model';
import { normalizationStats } from '../../src/stages/train/compute/training/normalization-stats';
import {
  buildCompactWindows,
  expandSplit,
  windowBatches,
} from '../../src/stages/windows/compute/compact-windows';
import { prepareSplit } from '../../src/stages/windows/compute/prepare-split';
import { generatedRatings } from '../helpers/ratings-fixture';
import { tf, useBackend } from '../helpers/train-tf-setup';

const data = generatedRatings({ users: 80, movies: 30, meanRatingsPerUser: 20 });
const { histories, split } = prepareSplit(
  data,
  { steps: 6, stride: 1, maxPerUser: null },
  { kind: 'chrono', valFraction: 0.1, testFraction: 0.1, seed: 4 },
);
const compact = buildCompactWindows({
  table: data.table,
  histories,
  split,
  clusterOfMovie: Int32Array.from({ length: 30 }, (_, m) => m % 5),
  options: { clusters: 5, daysSincePrevious: true, movieMean: true },
});

describe('training from compact windows', () => {
  it('gives exactly what training from the expanded windows gives', async () => {
    await useBackend('cpu');
    const dense = {
      train: expandSplit(compact, 'train'),
      validation: expandSplit(compact, 'validation'),
    };
    const batches = {
      train: windowBatches(compact, 'train'),
      validation: windowBatches(compact, 'validation'),
    };
    expect(normalizationStats(batches.train)).toEqual(normalizationStats(dense.train));
    const run = async (windows: typeof dense | typeof batches) => {
      const model = buildLstmModel(tf, {
        steps: compact.steps,
        features: compact.features,
        normalization: normalizationStats(dense.train),
        units: 6,
        denseUnits: 4,
        learningRate: 0.01,
        seed: 2,
      });
      const fit = await fitModel(tf, model, windows, {
        epochs: 2,
        batchSize: 32,
        patience: Infinity,
        seed: 9,
      });
      model.dispose();
      return fit.history.map((h) => [h.loss, h.valLoss]);
    };
    expect(await run(batches)).toEqual(await run(dense));
  });
});
