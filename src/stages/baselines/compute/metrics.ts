import type { RatingSet } from './rating-set';

export interface ErrorMetrics {
  rmse: number;
  mae: number;
}

/** RMSE and MAE of predictions against a set's ratings; NaN for an empty set. */
export function errorMetrics(predictions: Float32Array, set: RatingSet): ErrorMetrics {
  if (predictions.length !== set.count)
    throw new RangeError(`${predictions.length} predictions for ${set.count} ratings`);
  let squared = 0;
  let absolute = 0;
  for (let k = 0; k < set.count; k++) {
    const e = set.rating[k] - predictions[k];
    squared += e * e;
    absolute += Math.abs(e);
  }
  return { rmse: Math.sqrt(squared / set.count), mae: absolute / set.count };
}

/** Clips a prediction to the rating scale, as the Netflix Prize entries did: it never hurts the RMSE. */
export function clip(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}
