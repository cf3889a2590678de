import { describe, expect, it } from 'vitest';
import type { WeightSnapshot } from '../../src/stages/train/compute/model/weights';
import { normalizationStats } from '../../src/stages/train/compute/training/normalization-stats';
import {
  bestTrial,
  createTunerState,
  type TunerState,
} from '../../src/stages/tune/compute/hyperband-state';
import { createLstmTrialRunner } from '../../src/stages/tune/compute/lstm-trial-runner';
import { runHyperband } from '../../src/stages/tune/compute/run-hyperband';
import { windowBatches } from '../../src/stages/windows/compute/compact-windows';
import { tinyCompactWindows } from '../helpers/tiny-compact-windows';
import { tf, useBackend } from '../helpers/train-tf-setup';

const windows = tinyCompactWindows();

/** A tiny search: maxEpochs 3, factor 3 (6 trials), units 4–8, one layer. */
async function tinySearch(seed: number) {
  const checkpoints = new Map<string, WeightSnapshot>();
  const parentsUsed: string[] = [];
  const runner = createLstmTrialRunner({
    tf,
    data: {
      train: windowBatches(windows, 'train'),
      validation: windowBatches(windows, 'validation'),
    },
    steps: windows.steps,
    features: windows.features,
    normalization: normalizationStats(windowBatches(windows, 'train')),
    ratingRange: [1, 5],
    batchSize: 32,
    patience: 3,
    seed,
    checkpoints,
  });
  const state = createTunerState({
    maxEpochs: 3,
    factor: 3,
    iterations: 1,
    seed,
    space: {
      layers: { min: 1, max: 1 },
      units: { min: 4, max: 8 },
      dropout: { min: 0, max: 0.2 },
      activations: ['swish', 'relu', 'sigmoid-scaled'],
      learningRate: { min: 1e-3, max: 5e-2 },
    },
  });
  const final: TunerState = await runHyperband(state, {
    runner: {
      runTrial: (request) => {
        if (request.parentCheckpoint) {
          expect(checkpoints.has(request.parentCheckpoint)).toBe(true);
          parentsUsed.push(request.parentCheckpoint);
        }
        return runner.runTrial(request);
      },
    },
    now: () => Date.now(),
  });
  return { final, checkpoints, parentsUsed };
}

describe('Hyperband over the real LSTM, end to end on the cpu backend', () => {
  it('runs the whole schedule; promoted trials continue from their parent’s weights and epochs; the best has the lowest loss', async () => {
    await useBackend('cpu');
    const tensorsBefore = tf.memory().numTensors;
    const { final, checkpoints, parentsUsed } = await tinySearch(5);
    // Every trial's model and its Adam state are freed: a long search does not grow the worker's memory.
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(final.end).toEqual({ reason: 'complete' });
    expect(final.trials).toHaveLength(6);
    expect(final.trials.every((t) => t.status === 'completed' && t.valLoss !== null)).toBe(true);
    const promoted = final.trials.filter((t) => t.parentId !== null);
    expect(promoted.length).toBeGreaterThan(0);
    for (const trial of promoted) {
      const parent = final.trials.find((t) => t.trialId === trial.parentId)!;
      expect(trial.initialEpoch).toBe(parent.epochs);
      expect(trial.config).toEqual(parent.config);
    }
    expect(parentsUsed).toEqual(promoted.map((t) => t.parentId));
    expect(checkpoints.size).toBe(6);
    const best = bestTrial(final)!;
    expect(best.valLoss).toBe(Math.min(...final.trials.map((t) => t.valLoss!)));
  });

  it('draws the same configurations for the same seed', async () => {
    await useBackend('cpu');
    const a = await tinySearch(9);
    const b = await tinySearch(9);
    expect(b.final.trials.map((t) => t.config)).toEqual(a.final.trials.map((t) => t.config));
  });
});
