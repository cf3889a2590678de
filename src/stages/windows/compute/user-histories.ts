import { compareIds, type IdList } from '../../ingest/compute/id-index';
import type { RatingsTable } from '../../ingest/compute/ratings-table';

/**
 * Every user's ratings in time order, stored compressed: the rows of user u are
 * `row[start[u]] … row[start[u + 1] − 1]`, earliest first. A "position" below is an index into `row`.
 *
 * Ties (several ratings on one day, common in the Netflix data, whose dates have no time of day) are broken by
 * the movie's id, then by the row, so the order depends neither on the order in which files were loaded nor on
 * how movies were indexed.
 */
export interface UserHistories {
  users: number;
  /** `users + 1` offsets into `row`. */
  start: Uint32Array;
  /** Table rows, grouped by user, each group in time order. */
  row: Uint32Array;
}

/** Rank of each movie index when movies are sorted by id, so that ties can be broken by id cheaply. */
export function movieRankById(movieIds: IdList): Uint32Array {
  const count = movieIds.ids.length;
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) =>
    compareIds(movieIds, a, b),
  );
  const rank = new Uint32Array(count);
  order.forEach((movie, r) => (rank[movie] = r));
  return rank;
}

/**
 * Groups the table's rows by user (a counting sort) and orders each group by (day, movie rank, row).
 * `movieRank` defaults to the movie index itself.
 */
export function buildUserHistories(
  table: RatingsTable,
  users: number,
  movieRank?: Uint32Array,
): UserHistories {
  const n = table.user.length;
  const start = new Uint32Array(users + 1);
  for (let i = 0; i < n; i++) {
    const u = table.user[i];
    if (u >= users) throw new RangeError(`rating ${i} names user ${u}, but there are ${users}`);
    start[u + 1]++;
  }
  for (let u = 0; u < users; u++) start[u + 1] += start[u];
  const row = new Uint32Array(n);
  const next = start.slice(0, users);
  for (let i = 0; i < n; i++) row[next[table.user[i]]++] = i;

  const { day, movie } = table;
  const rank = movieRank ?? null;
  const byTime = (a: number, b: number): number =>
    day[a] - day[b] || (rank ? rank[movie[a]] - rank[movie[b]] : movie[a] - movie[b]) || a - b;
  for (let u = 0; u < users; u++) {
    if (start[u + 1] - start[u] > 1) row.subarray(start[u], start[u + 1]).sort(byTime);
  }
  return { users, start, row };
}

/** Number of ratings of user u. */
export function historyLength(histories: UserHistories, u: number): number {
  return histories.start[u + 1] - histories.start[u];
}
