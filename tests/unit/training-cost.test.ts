import { describe, expect, it } from 'vitest';
import {
  denseTrainingCost,
  lstmTrainingCost,
  roughDuration,
} from '../../src/stages/train/compute/training-cost';

const STUDY = {
  units: 228,
  layers: 1,
  batchSize: 256,
  epochs: 1,
  steps: 10,
  features: 22,
  trainWindows: 2_600,
  validationWindows: 0,
};

describe('training costs before a run', () => {
  it('reproduce the two LSTM speeds they were fitted to', () => {
    // 2,600 windows at 2,600 samples/s: one second; 5,000 windows of LSTM(64) at 5,000 samples/s: one second.
    expect(lstmTrainingCost(STUDY).seconds).toBeCloseTo(1, 2);
    expect(lstmTrainingCost({ ...STUDY, units: 64, trainWindows: 5_000 }).seconds).toBeCloseTo(
      1,
      2,
    );
  });

  it('count epochs and a third of the validation windows', () => {
    const base = lstmTrainingCost(STUDY).seconds;
    expect(lstmTrainingCost({ ...STUDY, epochs: 10 }).seconds).toBeCloseTo(10 * base, 6);
    expect(lstmTrainingCost({ ...STUDY, validationWindows: 3 * 2_600 }).seconds).toBeCloseTo(
      2 * base,
      6,
    );
  });

  it('refuse a batch the tab cannot hold, naming what to lower', () => {
    // The bounds allowed 8,192 windows of 200 steps over 500 clusters and 1024 units × 4 layers.
    const cost = lstmTrainingCost({
      ...STUDY,
      units: 1024,
      layers: 4,
      batchSize: 8192,
      steps: 200,
      features: 502,
    });
    // 8192 × 200 × 4 × 1024 × 4 × 4 × 2 bytes of kept gates.
    expect(cost.largestBytes).toBe(8192 * 200 * 4 * 1024 * 4 * 4 * 2);
    expect(cost.refusal).toMatch(/^One training batch would take 200\.0 GiB.*lower the batch size/);
    expect(lstmTrainingCost(STUDY).refusal).toBeNull();
  });

  it('size the dense model by its embedding tables and Adam state', () => {
    const cost = denseTrainingCost({
      embeddingSize: 64,
      epochs: 2,
      users: 10_000,
      movies: 2_000,
      trainRatings: 7_900,
      validationRatings: 0,
    });
    expect(cost.seconds).toBeCloseTo(2, 6);
    expect(cost.largestBytes).toBe(12_000 * 64 * 4 * 4);
    expect(cost.refusal).toBeNull();
    const full = denseTrainingCost({
      ...{ embeddingSize: 512, epochs: 1 },
      users: 480_189,
      movies: 17_770,
      trainRatings: 1,
      validationRatings: 0,
    });
    expect(full.refusal).toMatch(/lower the embedding size/);
  });

  it('say durations roughly', () => {
    expect(roughDuration(0.2)).toBe('about 1 s');
    expect(roughDuration(45)).toBe('about 45 s');
    expect(roughDuration(12 * 60)).toBe('about 12 min');
    expect(roughDuration(3 * 3600)).toBe('about 3.0 h');
  });
});
