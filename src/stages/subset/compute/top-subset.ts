import { compareIds, type IdList } from '../../ingest/compute/id-index';
import type { RatingsData } from '../../ingest/compute/ratings-table';
import {
  countDistribution,
  countPerIndex,
  type CountDistribution,
} from '../../ingest/compute/summarize';

export interface SubsetOptions {
  /** Keep this many users, those with the most ratings. */
  users: number;
  /** Keep this many movies, those with the most ratings. */
  movies: number;
}

/** The report's reduction: u = 10,000 users and m = 2,000 movies, halved for datasets smaller than twice that. */
export function defaultSubsetOptions(users: number, movies: number): SubsetOptions {
  return {
    users: Math.min(10_000, Math.max(1, Math.ceil(users / 2))),
    movies: Math.min(2_000, Math.max(1, Math.ceil(movies / 2))),
  };
}

export interface SubsetStats {
  ratings: number;
  users: number;
  movies: number;
  /** Kept ratings as a share of all ratings. */
  share: number;
  /** ratings / (users × movies) within the subset. */
  density: number;
  /** Ratings per kept user, counted within the subset. */
  historyLengths: CountDistribution;
}

export interface Subset {
  data: RatingsData;
  stats: SubsetStats;
  /** Index in the parent dataset of each subset user / movie. */
  parentUser: Uint32Array;
  parentMovie: Uint32Array;
}

/**
 * Indices of the `keep` entries with the most ratings, most first; ties go to the smaller id, so the choice
 * does not depend on the order in which files were loaded.
 */
export function topByCount(counts: Uint32Array, ids: IdList, keep: number): Uint32Array {
  const order = Array.from(counts.keys()).sort(
    (a, b) => counts[b] - counts[a] || compareIds(ids, a, b),
  );
  return Uint32Array.from(order.slice(0, Math.max(0, Math.min(keep, order.length))));
}

/** Keeps the ratings of the top users on the top movies, re-indexed so that index 0 has the most ratings. */
export function selectTopSubset(parent: RatingsData, options: SubsetOptions): Subset {
  const { table } = parent;
  const userCount = parent.userIds.ids.length;
  const movieCount = parent.movieIds.ids.length;
  const parentUser = topByCount(
    countPerIndex(table.user, userCount),
    parent.userIds,
    options.users,
  );
  const parentMovie = topByCount(
    countPerIndex(table.movie, movieCount),
    parent.movieIds,
    options.movies,
  );

  const newUser = new Int32Array(userCount).fill(-1);
  parentUser.forEach((old, index) => (newUser[old] = index));
  const newMovie = new Int32Array(movieCount).fill(-1);
  parentMovie.forEach((old, index) => (newMovie[old] = index));

  let kept = 0;
  for (let i = 0; i < table.user.length; i++) {
    if (newUser[table.user[i]] >= 0 && newMovie[table.movie[i]] >= 0) kept++;
  }
  const user = new Uint32Array(kept);
  const movie = new Uint32Array(kept);
  const code = new Uint8Array(kept);
  const day = new Uint16Array(kept);
  for (let i = 0, k = 0; i < table.user.length; i++) {
    const u = newUser[table.user[i]];
    const m = newMovie[table.movie[i]];
    if (u < 0 || m < 0) continue;
    user[k] = u;
    movie[k] = m;
    code[k] = table.code[i];
    day[k] = table.day[i];
    k++;
  }

  const data: RatingsData = {
    table: { user, movie, code, day, ratingValues: table.ratingValues.slice() },
    userIds: pickIds(parent.userIds, parentUser),
    movieIds: pickIds(parent.movieIds, parentMovie),
    movies: Array.from(parentMovie, (old) => parent.movies[old]),
  };
  const users = parentUser.length;
  const movies = parentMovie.length;
  return {
    data,
    parentUser,
    parentMovie,
    stats: {
      ratings: kept,
      users,
      movies,
      share: table.user.length > 0 ? kept / table.user.length : 0,
      density: users * movies > 0 ? kept / (users * movies) : 0,
      historyLengths: countDistribution(countPerIndex(user, users)),
    },
  };
}

function pickIds(ids: IdList, indices: Uint32Array): IdList {
  return ids.kind === 'int'
    ? { kind: 'int', ids: Float64Array.from(indices, (i) => ids.ids[i]) }
    : { kind: 'text', ids: Array.from(indices, (i) => ids.ids[i]) };
}
