import { describe, expect, it } from 'vitest';
import type { RunId } from '../../src/lib/ids';
import { timeTrainingBatches } from '../../src/stages/train/compute/backend/time-training-batches';
import type { TrainRequest } from '../../src/stages/train/contract';
import { buildCompactWindows } from '../../src/stages/windows/compute/compact-windows';
import { prepareSplit } from '../../src/stages/windows/compute/prepare-split';
import { generatedRatings } from '../helpers/ratings-fixture';
import { tf, useBackend } from '../helpers/train-tf-setup';

const data = generatedRatings({ users: 80, movies: 30, meanRatingsPerUser: 20 });
const movies = data.movieIds.ids.length;
const { histories, split } = prepareSplit(
  data,
  { steps: 4, stride: 1, maxPerUser: null },
  { kind: 'chrono', valFraction: 0.15, testFraction: 0.15, seed: 3 },
);
const windows = buildCompactWindows({
  table: data.table,
  histories,
  split,
  clusterOfMovie: Int32Array.from({ length: movies }, (_, m) => m % 3),
  options: { clusters: 3, daysSincePrevious: false, movieMean: false },
});

const request = (model: TrainRequest['model']) => ({
  runId: 'timing' as RunId,
  windows,
  space: { users: data.userIds.ids.length, movies },
  model,
  fit: { epochs: 1, batchSize: 16, patience: Infinity, seed: 1 },
});

/** A clock that advances 25 ms each time it is read. */
function steppingClock() {
  let t = 0;
  return () => (t += 25);
}

describe('timeTrainingBatches', () => {
  it.each(['cpu', 'wasm'] as const)(
    'times real batches of the LSTM and the dense model on %s and frees what it built',
    async (backend) => {
      await useBackend(backend);
      const before = tf.memory().numTensors;
      const lstm = await timeTrainingBatches(
        tf,
        request({ kind: 'lstm', options: { units: 6, denseUnits: 3, seed: 1 } }),
        { maxBatches: 3, now: steppingClock() },
      );
      // The clock is read at the start, before batches 2 and 3 (the budget check) and at the end: 3 batches
      // span 3 ticks of 25 ms, 3 × 16 samples in 0.075 s.
      expect(lstm).toEqual({ samplesPerSecond: 640, batches: 3, batchSize: 16, warmupMs: 25 });
      const dense = await timeTrainingBatches(
        tf,
        request({ kind: 'dense', options: { embeddingSize: 4, seed: 1 } }),
        { maxBatches: 50, budgetMs: 200 },
      );
      expect(dense.samplesPerSecond).toBeGreaterThan(0);
      expect(dense.batches).toBeGreaterThanOrEqual(1);
      expect(tf.memory().numTensors).toBe(before);
    },
  );
});
