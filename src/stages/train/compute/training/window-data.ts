/**
 * The windows the model trains on, as flat typed arrays. Structurally a subset of the windows stage's
 * `WindowSet {count, steps, features, x, y, user, movie, day}`, so one can be passed as is.
 */

export interface WindowData {
  /** Number of windows. */
  count: number;
  /** Timesteps per window. */
  steps: number;
  /** Features per timestep. */
  features: number;
  /** count × steps × features values, row-major: window, then step, then feature. */
  x: Float32Array;
  /** count labels (ratings, in the rating scale). */
  y: Float32Array;
}

/** Throws a clear error when the arrays do not match the declared sizes. */
export function assertWindowData(data: WindowData, name: string): void {
  const { count, steps, features } = data;
  for (const [key, value] of Object.entries({ count, steps, features })) {
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`${name}: ${key} must be a whole number, got ${value}`);
  }
  if (data.x.length !== count * steps * features)
    throw new Error(
      `${name}: x has ${data.x.length} values, expected count × steps × features = ${count} × ${steps} × ${features}`,
    );
  if (data.y.length !== count)
    throw new Error(`${name}: y has ${data.y.length} labels for ${count} windows`);
}

/**
 * Copies the windows `order[from..to)` into `x` and `y` (reused between batches to avoid garbage).
 * Returns the number of windows copied.
 */
export function gatherBatch(
  data: WindowData,
  order: Uint32Array,
  from: number,
  to: number,
  x: Float32Array,
  y: Float32Array,
): number {
  const size = data.steps * data.features;
  let row = 0;
  for (let k = from; k < to; k++, row++) {
    const w = order[k];
    x.set(data.x.subarray(w * size, (w + 1) * size), row * size);
    y[row] = data.y[w];
  }
  return row;
}
