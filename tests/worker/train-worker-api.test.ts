import { describe, expect, it } from 'vitest';
import type { RunId } from '../../src/lib/ids';
import type { TrainProgress } from '../../src/stages/train/contract';
import { createTrainApi } from '../../src/stages/train/worker/train-api';
import { createTrainWorkerState } from '../../workers/train-worker-state';
import { BatchCoalescer } from '../../src/stages/train/worker/batch-coalescer';
import type { TrainRequest } from '../../src/stages/train/contract';
import {
  buildCompactWindows,
  copyCompactWindows,
} from '../../src/stages/windows/compute/compact-windows';
import { prepareSplit } from '../../src/stages/windows/compute/prepare-split';
import { generatedRatings } from '../helpers/ratings-fixture';

const data = generatedRatings({ users: 120, movies: 40, meanRatingsPerUser: 25 });
const movies = data.movieIds.ids.length;
const { histories, split } = prepareSplit(
  data,
  { steps: 5, stride: 1, maxPerUser: null },
  { kind: 'chrono', valFraction: 0.15, testFraction: 0.15, seed: 3 },
);
const windows = buildCompactWindows({
  table: data.table,
  histories,
  split,
  clusterOfMovie: Int32Array.from({ length: movies }, (_, m) => m % 4),
  options: { clusters: 4, daysSincePrevious: false, movieMean: false },
});
const train = { count: windows.train.length };
const test = { count: windows.test.length };

const request = (runId: string, epochs = 2, model: TrainRequest['model'] = LSTM): TrainRequest => ({
  runId: runId as RunId,
  // A copy: the worker receives (and may drop) its own.
  windows: copyCompactWindows(windows),
  space: { users: data.userIds.ids.length, movies },
  model,
  fit: { epochs, batchSize: 32, patience: Infinity, seed: 1 },
  backend: { force: 'cpu' as const },
});

const LSTM: TrainRequest['model'] = {
  kind: 'lstm',
  options: { units: 8, denseUnits: 4, learningRate: 0.01, seed: 1 },
};

describe('training worker api (called directly)', () => {
  it('reports the forced backend after checking it can train', async () => {
    const api = createTrainApi(createTrainWorkerState());
    const report = await api.init({ force: 'cpu' });
    expect(report.backend).toBe('cpu');
    expect(report.forced).toBe(true);
    expect(report.attempts).toHaveLength(1);
    expect(report.attempts[0]).toMatchObject({ backend: 'cpu', ok: true });
    expect(report.attempts[0].reason).toMatch(/trained a check model/);
  });

  it('falls back in order and says why each backend was skipped', async () => {
    const api = createTrainApi(createTrainWorkerState());
    const report = await api.init({ force: null });
    const skipped = report.attempts.filter((a) => !a.ok);
    expect(skipped.map((a) => a.backend)).toEqual(
      ['webgpu', 'webgl', 'wasm'].slice(0, skipped.length),
    );
    expect(skipped[0].reason).toMatch(/WebGPU is not available/);
    expect(skipped[1].reason).not.toBe('');
    expect(report.attempts.at(-1)).toMatchObject({ backend: 'wasm', ok: true });
    expect(report.patches.join(' ')).toMatch(/BatchMatMul/);
    expect(report.backend).toBe(report.attempts.at(-1)?.backend);
  }, 120_000);

  it('unforced, times the model about to train on the backends that pass and uses the fastest', async () => {
    const api = createTrainApi(createTrainWorkerState());
    const untimed = await api.init({ force: null });
    expect([untimed.speeds, untimed.choice]).toEqual([[], null]);
    const progress: TrainProgress[] = [];
    await api.train({ ...request('race', 1), backend: { force: null } }, (p) => progress.push(p));
    const first = progress[0];
    if (first.kind !== 'backend') throw new Error('the first progress is not the backend report');
    const { report } = first;
    // In Node, WebGPU and WebGL cannot start; WASM passes and is timed, so the CPU is not tried.
    expect(report.speeds.map((s) => s.backend)).toEqual(['wasm']);
    expect(report.backend).toBe('wasm');
    expect(report.speeds[0].samplesPerSecond).toBeGreaterThan(0);
    expect(report.attempts.map((a) => [a.backend, a.ok])).toEqual([
      ['webgpu', false],
      ['webgl', false],
      ['wasm', true],
      ['cpu', false],
    ]);
    expect(report.choice).toMatch(/^WASM [\d,]+ samples\/s: using WASM \(the only one timed\)$/);
    // Once timed, the choice is kept for the next run.
    expect(await api.init({ force: null })).toBe(report);
  }, 120_000);

  it('trains, streams increments, and returns metrics in the rating scale', async () => {
    const api = createTrainApi(createTrainWorkerState());
    const progress: TrainProgress[] = [];
    const result = await api.train(request('run-a'), (p) => progress.push(p));
    expect(progress[0]).toMatchObject({ kind: 'backend' });
    expect(
      progress.filter((p) => p.kind === 'phase').map((p) => p.kind === 'phase' && p.phase),
    ).toEqual(['building', 'training', 'evaluating']);
    const epochs = progress.filter((p) => p.kind === 'epoch');
    expect(epochs.map((p) => p.kind === 'epoch' && p.epoch)).toEqual([0, 1]);
    // Every batch loss arrives exactly once, in order.
    const batchLosses = progress.flatMap((p) => (p.kind === 'batches' ? p.losses : []));
    expect(batchLosses).toHaveLength(2 * Math.ceil(train.count / 32));
    expect(result).toMatchObject({ backend: 'cpu', epochsRun: 2, stopReason: 'completed' });
    expect(result.params.trainable).toBeGreaterThan(0);
    expect(result.test?.predictions).toHaveLength(test.count);
    expect(result.test?.rmse).toBeGreaterThan(0);
    expect(result.test?.rmse).toBeLessThan(result.test?.trainMeanRmse ?? 0);
    expect(result.validation?.rmse).toBeCloseTo(Math.sqrt(result.bestValLoss), 6);
    expect(result.weights).toBeNull();
  });

  it('stops softly on stop(runId), keeping the best weights so far', async () => {
    const api = createTrainApi(createTrainWorkerState());
    let epochsSeen = 0;
    const result = await api.train(request('run-b', 50), (p) => {
      if (p.kind === 'epoch' && ++epochsSeen === 2) api.stop('run-b' as RunId);
    });
    expect(result.stopReason).toBe('stopped');
    expect(result.epochsRun).toBe(2);
    expect(result.bestEpoch).toBeGreaterThanOrEqual(0);
  });

  it('trains the embedding model on the training ratings and scores the same test labels', async () => {
    const api = createTrainApi(createTrainWorkerState());
    const dense = await api.train(
      request('run-dense', 3, {
        kind: 'dense',
        options: { embeddingSize: 8, learningRate: 0.01, seed: 1 },
      }),
      () => undefined,
    );
    const lstm = await api.train(request('run-lstm', 1), () => undefined);
    // Both must have scored the test split: two missing evaluations would compare equal.
    expect(lstm.test?.labels).toBeInstanceOf(Float32Array);
    expect(dense.test?.labels).toEqual(lstm.test?.labels);
    expect(dense.test?.predictions).toHaveLength(test.count);
    expect(dense.params.trainable).toBe(
      (data.userIds.ids.length + movies) * 8 +
        (16 * 256 + 256) +
        (256 * 128 + 128) +
        (128 * 64 + 64) +
        65,
    );
    expect(Number.isFinite(dense.test?.rmse)).toBe(true);
  });

  it('keeps a trained model for predictions and exports it in the layers format', async () => {
    const api = createTrainApi(createTrainWorkerState({ persistModels: false }));
    const result = await api.train(
      { ...request('run-keep', 1), keepAs: 'lstm-test' },
      () => undefined,
    );
    expect(result.modelKey).toBe('lstm-test');
    const steps = windows.steps;
    const features = windows.features;
    const x = new Float32Array(3 * steps * features);
    const predictions = await api.predict('lstm-test', {
      kind: 'windows',
      count: 3,
      steps,
      features,
      x,
    });
    expect(predictions).toHaveLength(3);
    expect(Array.from(predictions).every(Number.isFinite)).toBe(true);
    const exported = await api.exportModel('lstm-test');
    const json = JSON.parse(exported.modelJson);
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0].paths).toEqual([`./${exported.weightsFileName}`]);
    expect(exported.weights.byteLength).toBe(result.params.total * 4);
    await api.removeModel('lstm-test');
    await expect(
      api.predict('lstm-test', { kind: 'windows', count: 3, steps, features, x }),
    ).rejects.toThrow(/train it again/);
  });

  it('coalesces batch losses into increments', () => {
    const sent: TrainProgress[] = [];
    let clock = 0;
    const coalescer = new BatchCoalescer(
      (p) => sent.push(p),
      50,
      () => clock,
    );
    for (let b = 0; b < 10; b++) {
      clock += 20;
      coalescer.add({ epoch: 0, batch: b, batchesPerEpoch: 10, loss: b, samplesPerSecond: 1 });
    }
    coalescer.add({ epoch: 1, batch: 0, batchesPerEpoch: 10, loss: 99, samplesPerSecond: 1 });
    coalescer.flush();
    const batches = sent.filter((p) => p.kind === 'batches');
    expect(batches.length).toBeLessThan(11);
    expect(batches.flatMap((p) => (p.kind === 'batches' ? p.losses : []))).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 99,
    ]);
    expect(batches.map((p) => p.kind === 'batches' && [p.epoch, p.fromBatch])).toContainEqual([
      1, 0,
    ]);
  });
});
