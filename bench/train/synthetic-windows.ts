/**
 * Synthetic windows shaped like the report's: each step is a movie's cluster as a one-hot over `clusters`
 * plus the rating (1–5); the last step's rating is hidden (0) and is the label. Ratings follow a per-user bias
 * plus a per-cluster effect plus noise, so an LSTM can learn something (the user's level from the earlier
 * ratings, the last movie's cluster) while no model can be perfect. Used by the benchmark and unit tests.
 */
import { createRng } from '../../src/lib/rng';
import type { WindowData } from '../../src/stages/train/compute/training/window-data';

export interface SyntheticWindowOptions {
  count: number;
  steps?: number;
  clusters?: number;
  seed?: number;
}

export function syntheticWindows(options: SyntheticWindowOptions): WindowData {
  const { count, steps = 10, clusters = 20, seed = 1 } = options;
  const features = clusters + 1;
  const rng = createRng(seed);
  const clusterEffect = Array.from({ length: clusters }, () => 0.5 * rng.normal());
  const x = new Float32Array(count * steps * features);
  const y = new Float32Array(count);
  for (let w = 0; w < count; w++) {
    const userBias = 0.6 * rng.normal();
    // Each user favours a few clusters.
    const favourite = rng.int(clusters);
    for (let t = 0; t < steps; t++) {
      const cluster = rng.next() < 0.5 ? (favourite + rng.int(3)) % clusters : rng.int(clusters);
      const raw = 3.6 + userBias + clusterEffect[cluster] + 0.7 * rng.normal();
      const rating = Math.min(5, Math.max(1, Math.round(raw)));
      const base = (w * steps + t) * features;
      x[base + cluster] = 1;
      if (t < steps - 1) x[base + clusters] = rating;
      else y[w] = rating;
    }
  }
  return { count, steps, features, x, y };
}

/** Splits windows [0, n) into consecutive parts of the given sizes (views, no copies). */
export function splitWindows(data: WindowData, sizes: number[]): WindowData[] {
  const size = data.steps * data.features;
  let from = 0;
  return sizes.map((count) => {
    const part: WindowData = {
      count,
      steps: data.steps,
      features: data.features,
      x: data.x.subarray(from * size, (from + count) * size),
      y: data.y.subarray(from, from + count),
    };
    from += count;
    return part;
  });
}
