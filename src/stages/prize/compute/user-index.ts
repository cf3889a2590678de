import type { RatingsTable } from '../../ingest/compute/ratings-table';

/**
 * A CSR index of table rows grouped by user, built once: user u's rows are `rows[start[u] … start[u + 1])`,
 * in table order. 4 bytes per indexed rating plus 4 per user; the ratings themselves are not copied.
 */
export interface UserIndex {
  /** users + 1 offsets into `rows`. */
  start: Uint32Array;
  rows: Uint32Array;
}

/**
 * The training ratings grouped by user, for the SGD loops: entry k is `movie << 8 | code` (the movie index
 * and the rating's codebook byte of one table row), so an epoch reads its ratings in order instead of
 * gathering two columns of a table that is ordered by movie (measured about 2x faster per rating), and the
 * rating's day beside it for the time-aware models: 6 bytes per rating. Movies are limited to 2^24.
 */
export interface TrainIndex {
  /** users + 1 offsets into `entry`. */
  start: Uint32Array;
  entry: Uint32Array;
  /** Day of each entry. */
  day: Uint16Array;
}

export const MAX_INDEXED_MOVIES = 1 << 24;

/** Counts of the rows whose `role` is `wanted` per user, as CSR offsets (users + 1). */
function offsets(
  table: RatingsTable,
  users: number,
  role: Uint8Array,
  wanted: number,
): Uint32Array {
  const user = table.user;
  const start = new Uint32Array(users + 1);
  for (let r = 0; r < user.length; r++) if (role[r] === wanted) start[user[r] + 1]++;
  for (let u = 0; u < users; u++) start[u + 1] += start[u];
  return start;
}

/** The rows whose `role` is `wanted`, grouped by user (a counting sort: one pass to count, one to place). */
export function buildUserIndex(
  table: RatingsTable,
  users: number,
  role: Uint8Array,
  wanted: number,
): UserIndex {
  const start = offsets(table, users, role, wanted);
  const next = start.slice(0, users);
  const rows = new Uint32Array(start[users]);
  const user = table.user;
  for (let r = 0; r < user.length; r++) if (role[r] === wanted) rows[next[user[r]]++] = r;
  return { start, rows };
}

/** The ratings whose `role` is `wanted` as a `TrainIndex`, in the same order `buildUserIndex` puts them. */
export function buildTrainIndex(
  table: RatingsTable,
  users: number,
  movies: number,
  role: Uint8Array,
  wanted: number,
): TrainIndex {
  if (movies > MAX_INDEXED_MOVIES)
    throw new RangeError(
      `${movies} movies are more than the ${MAX_INDEXED_MOVIES} the index holds`,
    );
  const start = offsets(table, users, role, wanted);
  const next = start.slice(0, users);
  const entry = new Uint32Array(start[users]);
  const days = new Uint16Array(start[users]);
  const { user, movie, code, day } = table;
  for (let r = 0; r < user.length; r++) {
    if (role[r] !== wanted) continue;
    const k = next[user[r]]++;
    entry[k] = ((movie[r] << 8) | code[r]) >>> 0;
    days[k] = day[r];
  }
  return { start, entry, day: days };
}
