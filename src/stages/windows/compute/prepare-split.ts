import type { RatingsData } from '../../ingest/compute/ratings-table';
import { buildUserHistories, movieRankById, type UserHistories } from './user-histories';
import { indexWindows, type WindowOptions } from './window-index';
import { splitWindows, type SplitOptions, type WindowSplit } from './window-split';

export interface PreparedSplit {
  histories: UserHistories;
  split: WindowSplit;
}

/**
 * Histories, windows and their split for a dataset: everything but the features, which need the movie
 * clusters. The rating models need only this; the sequence models add features with `buildWindowSets`.
 */
export function prepareSplit(
  data: RatingsData,
  windowOptions: WindowOptions,
  splitOptions: SplitOptions,
): PreparedSplit {
  const histories = buildUserHistories(
    data.table,
    data.userIds.ids.length,
    movieRankById(data.movieIds),
  );
  const windows = indexWindows(histories, windowOptions);
  const split = splitWindows(histories, windows, data.table.user.length, splitOptions);
  return { histories, split };
}

/** Windows of one rating: the split then works directly on ratings (for plain rating files such as MovieLens). */
export const SINGLE_RATING_WINDOWS: WindowOptions = { steps: 1, stride: 1, maxPerUser: null };
