import { readResult } from '../state/notebook';

/** The lowest and highest rating of the loaded data (the sigmoid's scale, the output's starting bias). */
export function ratingRange(): [number, number] {
  const values = readResult('data')?.summary.ratingHistogram.values ?? [1, 5];
  return [values[0], values[values.length - 1]];
}
