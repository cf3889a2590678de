/** Per-feature statistics of the training windows, for the model's Normalization layer. */
import type { WindowData } from './window-data';

export interface NormalizationStats {
  mean: Float64Array;
  /**
   * Population variance per feature. A feature that is constant over the training split gets variance 1, so
   * the layer only centres it (dividing by ~0 would blow up any other value it takes later).
   */
  variance: Float64Array;
}

/** Mean and variance of every feature over all windows and steps (two passes, in float64). */
export function normalizationStats(data: WindowData): NormalizationStats {
  const { features } = data;
  const mean = new Float64Array(features);
  const variance = new Float64Array(features);
  const rows = data.count * data.steps;
  if (rows === 0) throw new Error('normalizationStats: the training split has no windows');
  for (let r = 0; r < rows; r++) {
    const base = r * features;
    for (let f = 0; f < features; f++) mean[f] += data.x[base + f];
  }
  for (let f = 0; f < features; f++) mean[f] /= rows;
  for (let r = 0; r < rows; r++) {
    const base = r * features;
    for (let f = 0; f < features; f++) {
      const d = data.x[base + f] - mean[f];
      variance[f] += d * d;
    }
  }
  for (let f = 0; f < features; f++) {
    variance[f] /= rows;
    if (!(variance[f] > 1e-12)) variance[f] = 1;
  }
  return { mean, variance };
}
