/** Per-feature statistics of the training windows, for the model's Normalization layer. */
import { inOrder, toWindowBatches, type WindowBatches } from './training-source';
import type { WindowData } from './window-data';

export interface NormalizationStats {
  mean: Float64Array;
  /**
   * Population variance per feature. A feature that is constant over the training split gets variance 1, so
   * the layer only centres it (dividing by ~0 would blow up any other value it takes later).
   */
  variance: Float64Array;
}

const CHUNK = 1024;

/** Calls `visit(x, rows)` with the steps of every window, a chunk of windows at a time. */
function eachChunk(batches: WindowBatches, visit: (x: Float32Array, rows: number) => void): void {
  const size = batches.steps * batches.features;
  const x = new Float32Array(CHUNK * size);
  const y = new Float32Array(CHUNK);
  const order = inOrder(batches.count);
  for (let from = 0; from < batches.count; from += CHUNK) {
    const n = batches.fill(order, from, Math.min(from + CHUNK, batches.count), x, y);
    visit(x, n * batches.steps);
  }
}

/** Mean and variance of every feature over all windows and steps (two passes, in float64). */
export function normalizationStats(data: WindowData | WindowBatches): NormalizationStats {
  const batches = toWindowBatches(data);
  const { features } = batches;
  const mean = new Float64Array(features);
  const variance = new Float64Array(features);
  const rows = batches.count * batches.steps;
  if (rows === 0) throw new Error('normalizationStats: the training split has no windows');
  eachChunk(batches, (x, chunkRows) => {
    for (let r = 0; r < chunkRows; r++) {
      const base = r * features;
      for (let f = 0; f < features; f++) mean[f] += x[base + f];
    }
  });
  for (let f = 0; f < features; f++) mean[f] /= rows;
  eachChunk(batches, (x, chunkRows) => {
    for (let r = 0; r < chunkRows; r++) {
      const base = r * features;
      for (let f = 0; f < features; f++) {
        const d = x[base + f] - mean[f];
        variance[f] += d * d;
      }
    }
  });
  for (let f = 0; f < features; f++) {
    variance[f] /= rows;
    if (!(variance[f] > 1e-12)) variance[f] = 1;
  }
  return { mean, variance };
}
