import type { RatingsTable } from '../../ingest/compute/ratings-table';
import { HELD_OUT_ROLE, TRAIN_ROLE } from '../contract';
import type { PrizeSplit } from './protocol-split';
import { buildTrainIndex, buildUserIndex, type TrainIndex, type UserIndex } from './user-index';

/**
 * Everything the Prize models share for one split, built once: the table (read in place), the role mask,
 * training ratings and held-out rows grouped by user, and the numbers the models size themselves by: 4 bytes
 * per rating of index on top of the table's 11 and the role mask's 1 (6 per training rating, 4 per held-out).
 */
export interface PrizeData {
  table: RatingsTable;
  users: number;
  movies: number;
  /** `TRAIN_ROLE` or `HELD_OUT_ROLE` per table row. */
  role: Uint8Array;
  train: TrainIndex;
  heldOut: UserIndex;
  /** Mean of the training ratings (μ). */
  mean: number;
  /** Lowest and highest value of the rating scale; predictions are clipped to it. */
  min: number;
  max: number;
  /** First and last day of any rating in the table, which span the time bins. */
  firstDay: number;
  lastDay: number;
}

/** The sizes that decide how much memory a model takes (see `estimateModelBytes`). */
export interface PrizeDims {
  users: number;
  movies: number;
  trainRatings: number;
  heldOutRatings: number;
  /**
   * Distinct (user, day) pairs among the training ratings: the number of b_u,t parameters. Null when not
   * counted yet; estimates then assume one per training rating (an upper bound).
   */
  userDays: number | null;
}

export function buildPrizeData(
  table: RatingsTable,
  users: number,
  movies: number,
  split: PrizeSplit,
): PrizeData {
  const train = buildTrainIndex(table, users, movies, split.role, TRAIN_ROLE);
  const heldOut = buildUserIndex(table, users, split.role, HELD_OUT_ROLE);
  const values = table.ratingValues;
  let sum = 0;
  for (let k = 0; k < train.entry.length; k++) sum += values[train.entry[k] & 255];
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (let r = 0; r < table.day.length; r++) {
    const d = table.day[r];
    if (d < firstDay) firstDay = d;
    if (d > lastDay) lastDay = d;
  }
  return {
    table,
    users,
    movies,
    role: split.role,
    train,
    heldOut,
    mean: train.entry.length > 0 ? sum / train.entry.length : 0,
    min: values[0],
    max: values[values.length - 1],
    firstDay: Number.isFinite(firstDay) ? firstDay : 0,
    lastDay: Number.isFinite(lastDay) ? lastDay : 0,
  };
}

/** The model-sizing numbers of a split's data; `userDays` counted with one pass over the training rows. */
export function prizeDims(data: PrizeData, countUserDays = true): PrizeDims {
  return {
    users: data.users,
    movies: data.movies,
    trainRatings: data.train.entry.length,
    heldOutRatings: data.heldOut.rows.length,
    userDays: countUserDays ? distinctUserDays(data) : null,
  };
}

/** Distinct training days per user, summed, with a day-stamp table (no per-user allocation). */
function distinctUserDays(data: PrizeData): number {
  const stamp = new Int32Array(65536).fill(-1);
  const { start, day } = data.train;
  let total = 0;
  for (let u = 0; u < data.users; u++)
    for (let k = start[u]; k < start[u + 1]; k++) {
      if (stamp[day[k]] === u) continue;
      stamp[day[k]] = u;
      total++;
    }
  return total;
}
