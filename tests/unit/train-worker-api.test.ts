import { describe, expect, it } from 'vitest';
import type { RunId } from '../../src/lib/ids';
import type { TrainProgress } from '../../src/stages/train/contract';
import { createTrainApi } from '../../workers/train/train-api';
import { BatchCoalescer } from '../../workers/train/batch-coalescer';
import { splitWindows, syntheticWindows } from '../../bench/train/synthetic-windows';

const [train, validation, test] = splitWindows(
  syntheticWindows({ count: 400, steps: 5, clusters: 4, seed: 3 }),
  [256, 72, 72],
);

const request = (runId: string, epochs = 2) => ({
  runId: runId as RunId,
  // Copies: the worker receives (and may drop) its own.
  windows: { train: { ...train }, validation: { ...validation }, test: { ...test } },
  model: { units: 8, denseUnits: 4, learningRate: 0.01, seed: 1 },
  fit: { epochs, batchSize: 32, patience: Infinity, seed: 1 },
  backend: { force: 'cpu' as const },
});

describe('training worker api (called directly)', () => {
  it('reports the forced backend after checking it can train', async () => {
    const api = createTrainApi();
    const report = await api.init({ force: 'cpu' });
    expect(report.backend).toBe('cpu');
    expect(report.forced).toBe(true);
    expect(report.attempts).toHaveLength(1);
    expect(report.attempts[0]).toMatchObject({ backend: 'cpu', ok: true });
    expect(report.attempts[0].reason).toMatch(/trained a check model/);
  });

  it('falls back in order and says why each backend was skipped', async () => {
    const api = createTrainApi();
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

  it('trains, streams increments, and returns metrics in the rating scale', async () => {
    const api = createTrainApi();
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
    expect(batchLosses).toHaveLength(2 * 8);
    expect(result).toMatchObject({ backend: 'cpu', epochsRun: 2, stopReason: 'completed' });
    expect(result.params.trainable).toBeGreaterThan(0);
    expect(result.test?.predictions).toHaveLength(test.count);
    expect(result.test?.rmse).toBeGreaterThan(0);
    expect(result.test?.rmse).toBeLessThan(result.test?.trainMeanRmse ?? 0);
    expect(result.validation?.rmse).toBeCloseTo(Math.sqrt(result.bestValLoss), 6);
    expect(result.weights).toBeNull();
  });

  it('stops softly on stop(runId), keeping the best weights so far', async () => {
    const api = createTrainApi();
    let epochsSeen = 0;
    const result = await api.train(request('run-b', 50), (p) => {
      if (p.kind === 'epoch' && ++epochsSeen === 2) api.stop('run-b' as RunId);
    });
    expect(result.stopReason).toBe('stopped');
    expect(result.epochsRun).toBe(2);
    expect(result.bestEpoch).toBeGreaterThanOrEqual(0);
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
