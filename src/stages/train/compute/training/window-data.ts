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
