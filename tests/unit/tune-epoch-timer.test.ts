import { describe, expect, it } from 'vitest';
import { measureEpoch, middleConfig } from '../../src/stages/tune/compute/epoch-timer';
import { defaultSearchSpace } from '../../src/stages/tune/compute/search-space';
import { tinyCompactWindows } from '../helpers/tiny-compact-windows';
import { tf, useBackend } from '../helpers/train-tf-setup';

const windows = tinyCompactWindows();

describe('the middle configuration of a search space', () => {
  it('takes the middle layer count and the geometric middles of units and learning rate', () => {
    expect(middleConfig(defaultSearchSpace)).toEqual({
      layers: 3, // round(2.5)
      units: 128, // √(32 × 512)
      dropout: 0.25,
      activation: 'swish',
      learningRate: Math.sqrt(1e-4 * 1e-1),
    });
    expect(middleConfig({ ...defaultSearchSpace, activations: ['relu', 'gelu'] }).activation).toBe(
      'relu',
    );
  });
});

describe('timing an epoch before a search', () => {
  it('times three batches after a warm-up one and scales them to the epoch and its validation pass', async () => {
    await useBackend('cpu');
    let clock = 0;
    const now = () => (clock += 10); // every batch "takes" 10 ms
    const tensorsBefore = tf.memory().numTensors;
    const config = {
      layers: 1,
      units: 4,
      dropout: 0,
      activation: 'swish',
      learningRate: 1e-2,
    } as const;
    const timing = await measureEpoch(
      tf,
      { windows, batchSize: 8, ratingRange: [1, 5], seed: 3, config },
      now,
    );
    expect(clock).toBe(40); // the warm-up batch and three timed ones: no batch more
    const batches = Math.ceil(windows.train.length / 8);
    const validationBatches = Math.ceil(windows.validation.length / 8);
    expect(windows.train.length).toBeGreaterThan(8 * 4);
    expect(timing.msPerBatch).toBe(10);
    expect(timing.batchesPerEpoch).toBe(batches);
    expect(timing.msPerEpoch).toBeCloseTo(10 * (batches + validationBatches / 3), 9);
    expect(timing.windowsPerSecond).toBe(800);
    expect(timing.config).toEqual(config);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('still times its batches when an epoch is shorter than them', async () => {
    await useBackend('cpu');
    let clock = 0;
    const timing = await measureEpoch(
      tf,
      {
        windows,
        batchSize: 4096, // the whole training split in one batch
        ratingRange: [1, 5],
        seed: 3,
        config: { layers: 1, units: 4, dropout: 0, activation: 'relu', learningRate: 1e-2 },
      },
      () => (clock += 5),
    );
    expect(timing.batchesPerEpoch).toBe(1);
    expect(timing.msPerBatch).toBe(5);
  });
});
