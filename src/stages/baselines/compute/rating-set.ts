import type { RatingsTable } from '../../ingest/compute/ratings-table';
import { TEST, TRAIN, VALIDATION, type WindowSplit } from '../../windows/compute/window-split';

/** Single ratings as parallel columns, the input of every rating model. */
export interface RatingSet {
  count: number;
  user: Uint32Array;
  movie: Uint32Array;
  day: Uint16Array;
  rating: Float32Array;
}

/** The range predictions are clipped to (the lowest and highest rating of the scale). */
export interface RatingScale {
  min: number;
  max: number;
}

/** The three rating sets of one split, with the index spaces the models size their parameters by. */
export interface RatingSplitSets {
  train: RatingSet;
  validation: RatingSet;
  test: RatingSet;
  users: number;
  movies: number;
  scale: RatingScale;
}

/** The given table rows, in the given order. */
export function selectRows(table: RatingsTable, rows: ArrayLike<number>): RatingSet {
  const count = rows.length;
  const set: RatingSet = {
    count,
    user: new Uint32Array(count),
    movie: new Uint32Array(count),
    day: new Uint16Array(count),
    rating: new Float32Array(count),
  };
  for (let k = 0; k < count; k++) {
    const r = rows[k];
    set.user[k] = table.user[r];
    set.movie[k] = table.movie[r];
    set.day[k] = table.day[r];
    set.rating[k] = table.ratingValues[table.code[r]];
  }
  return set;
}

/**
 * The rating-level view of a window split: training ratings are every rating whose role is TRAIN (in table
 * order); validation and test ratings are the labels of the validation and test windows, in window order, so
 * their predictions line up with the window sets' labels.
 */
export function ratingSetsFromSplit(
  table: RatingsTable,
  split: WindowSplit,
  users: number,
  movies: number,
): RatingSplitSets {
  const trainRows: number[] = [];
  for (let i = 0; i < split.ratingRole.length; i++)
    if (split.ratingRole[i] === TRAIN) trainRows.push(i);
  const labelsWithRole = (role: number): Uint32Array =>
    split.labelRow.filter((_, w) => split.role[w] === role);
  const values = table.ratingValues;
  return {
    train: selectRows(table, trainRows),
    validation: selectRows(table, labelsWithRole(VALIDATION)),
    test: selectRows(table, labelsWithRole(TEST)),
    users,
    movies,
    scale: { min: values[0], max: values[values.length - 1] },
  };
}

/** Mean of a set's ratings (0 for an empty set). */
export function meanRating(set: RatingSet): number {
  let sum = 0;
  for (let k = 0; k < set.count; k++) sum += set.rating[k];
  return set.count > 0 ? sum / set.count : 0;
}
