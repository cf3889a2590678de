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
 * Groups the rows whose `role` is `wanted` (every row when `role` is null) by user, with one counting pass and
 * one placing pass over the table.
 */
export function buildUserIndex(
  table: RatingsTable,
  users: number,
  role: Uint8Array | null,
  wanted = 0,
): UserIndex {
  const user = table.user;
  const start = new Uint32Array(users + 1);
  for (let r = 0; r < user.length; r++)
    if (role === null || role[r] === wanted) start[user[r] + 1]++;
  for (let u = 0; u < users; u++) start[u + 1] += start[u];
  const next = start.slice(0, users);
  const rows = new Uint32Array(start[users]);
  for (let r = 0; r < user.length; r++)
    if (role === null || role[r] === wanted) rows[next[user[r]]++] = r;
  return { start, rows };
}
