import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/lib/rng';
import {
  buildCompactWindows,
  compactWindowsBytes,
  copyCompactWindows,
  expandSplit,
  fillWindowBatch,
  splitLabels,
} from '../../src/stages/windows/compute/compact-windows';
import { prepareSplit } from '../../src/stages/windows/compute/prepare-split';
import {
  buildWindowSets,
  type FeatureOptions,
} from '../../src/stages/windows/compute/window-features';
import { generatedRatings } from '../helpers/ratings-fixture';

const data = generatedRatings();
const movies = data.movieIds.ids.length;
const K = 6;
const clusterOfMovie = Int32Array.from({ length: movies }, (_, m) => (m % 7 === 3 ? -1 : m % K));

describe('compact windows', () => {
  for (const [name, options] of [
    ['cluster one-hot and rating', { clusters: K, daysSincePrevious: false, movieMean: false }],
    ['with both extras', { clusters: K, daysSincePrevious: true, movieMean: true }],
  ] as [string, FeatureOptions][]) {
    for (const kind of ['chrono', 'random'] as const) {
      it(`expand to exactly the dense windows (${name}, ${kind} split)`, () => {
        const { histories, split } = prepareSplit(
          data,
          { steps: 5, stride: 2, maxPerUser: 7 },
          { kind, valFraction: 0.15, testFraction: 0.15, seed: 11 },
        );
        const inputs = { table: data.table, histories, split, clusterOfMovie, options };
        const dense = buildWindowSets(inputs);
        const compact = buildCompactWindows(inputs);
        for (const part of ['train', 'validation', 'test'] as const) {
          expect(expandSplit(compact, part)).toEqual(dense[part]);
          expect(splitLabels(compact, part)).toEqual(dense[part].y);
        }
        expect(compact.features).toBe(dense.featureNames.length);
      });
    }
  }

  it('fill any batch order into reused buffers, clearing what the last batch left', () => {
    const { histories, split } = prepareSplit(
      data,
      { steps: 4, stride: 1, maxPerUser: null },
      { kind: 'chrono', valFraction: 0.1, testFraction: 0.1, seed: 2 },
    );
    const options = { clusters: K, daysSincePrevious: true, movieMean: false };
    const compact = buildCompactWindows({
      table: data.table,
      histories,
      split,
      clusterOfMovie,
      options,
    });
    const dense = expandSplit(compact, 'train');
    const size = compact.steps * compact.features;
    const order = Uint32Array.from({ length: dense.count }, (_, i) => i);
    const rng = createRng(5);
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const x = new Float32Array(32 * size).fill(9);
    const y = new Float32Array(32);
    for (let from = 0; from < 96; from += 32) {
      const n = fillWindowBatch(compact, compact.train, order, from, from + 32, x, y);
      for (let k = 0; k < n; k++) {
        const w = order[from + k];
        expect(x.subarray(k * size, (k + 1) * size)).toEqual(
          dense.x.subarray(w * size, (w + 1) * size),
        );
        expect(y[k]).toBe(dense.y[w]);
      }
    }
  });

  it('are small, and copy deeply for transfer', () => {
    const { histories, split } = prepareSplit(
      data,
      { steps: 10, stride: 1, maxPerUser: null },
      { kind: 'chrono', valFraction: 0.1, testFraction: 0.1, seed: 2 },
    );
    const options = { clusters: 20, daysSincePrevious: false, movieMean: false };
    const compact = buildCompactWindows({
      table: data.table,
      histories,
      split,
      clusterOfMovie: Int32Array.from(clusterOfMovie, (c) => c % 20),
      options,
    });
    const windows = compact.train.length + compact.validation.length + compact.test.length;
    const denseBytes = windows * compact.steps * compact.features * 4;
    expect(compactWindowsBytes(compact)).toBeLessThan(denseBytes / 10);
    const copy = copyCompactWindows(compact);
    copy.rating[0] = 99;
    expect(compact.rating[0]).not.toBe(99);
    expect(copy.train).toEqual(compact.train);
  });
});
