import type { RatingsTable } from '../../ingest/compute/ratings-table';
import { HELD_OUT_ROLE, TRAIN_ROLE, type PrizeProtocol } from '../contract';
import type { PairList } from './pair-list-parser';

/** The Prize protocol over a loaded table: one role byte per rating, nothing copied. */
export interface PrizeSplit {
  protocol: PrizeProtocol;
  /** `TRAIN_ROLE` or `HELD_OUT_ROLE` per table row. */
  role: Uint8Array;
  trainRatings: number;
  heldOutRatings: number;
  /** Probe pairs with no rating in the table (always 0 under last-9). */
  probePairsNotFound: number;
}

/** Ratings held out per user under last-9: min(9, floor(n / 2)) of a user's n ratings. */
export const LAST_N = 9;

/**
 * The probe protocol: every table rating whose (user, movie) is a probe pair is held out, every other rating
 * trains. Pairs are matched by dense user and movie index; a pair the table lacks is counted in
 * `probePairsNotFound` (and a pair rated twice in the table holds out both ratings). One pass over the table,
 * comparing each rating with its user's probe pairs (at most a few per user in the real probe).
 */
export function probeSplit(table: RatingsTable, users: number, probe: PairList): PrizeSplit {
  const start = new Uint32Array(users + 1);
  const valid = (p: number) => probe.user[p] >= 0 && probe.movie[p] >= 0;
  for (let p = 0; p < probe.count; p++) if (valid(p)) start[probe.user[p] + 1]++;
  for (let u = 0; u < users; u++) start[u + 1] += start[u];
  const next = start.slice(0, users);
  const movieOfPair = new Int32Array(start[users]);
  for (let p = 0; p < probe.count; p++)
    if (valid(p)) movieOfPair[next[probe.user[p]]++] = probe.movie[p];
  const found = new Uint8Array(movieOfPair.length);

  const n = table.user.length;
  const role = new Uint8Array(n);
  let heldOut = 0;
  for (let r = 0; r < n; r++) {
    const u = table.user[r];
    const m = table.movie[r];
    for (let k = start[u]; k < start[u + 1]; k++) {
      if (movieOfPair[k] !== m) continue;
      role[r] = HELD_OUT_ROLE;
      found[k] = 1;
      heldOut++;
      break;
    }
  }
  let notFound = probe.count - movieOfPair.length;
  for (let k = 0; k < found.length; k++) if (found[k] === 0) notFound++;
  return {
    protocol: 'probe',
    role,
    trainRatings: n - heldOut,
    heldOutRatings: heldOut,
    probePairsNotFound: notFound,
  };
}

/**
 * The protocol without a probe file, as the Prize built its hold-out: each user's last min(9, floor(n / 2))
 * ratings by date are held out (9 for users with 18 or more ratings, fewer below, none for a single rating).
 * Ratings on the same day are ordered by table row, the later row counting as the later rating (for the
 * Netflix files that is the movie order of the files), so the choice is deterministic.
 */
export function lastNSplit(table: RatingsTable, users: number): PrizeSplit {
  const n = table.user.length;
  const perUser = new Uint32Array(users);
  for (let r = 0; r < n; r++) perUser[table.user[r]]++;
  // Each user's chosen rows, kept sorted from earliest to latest in a slot of LAST_N.
  const chosen = new Int32Array(users * LAST_N);
  const filled = new Uint8Array(users);
  const day = table.day;
  const later = (a: number, b: number): boolean => day[a] > day[b] || (day[a] === day[b] && a > b);
  for (let r = 0; r < n; r++) {
    const u = table.user[r];
    const want = Math.min(LAST_N, Math.floor(perUser[u] / 2));
    if (want === 0) continue;
    const base = u * LAST_N;
    let size = filled[u];
    if (size === want) {
      if (!later(r, chosen[base])) continue;
      // Drop the earliest and insert r in order.
      let k = 0;
      while (k + 1 < size && later(r, chosen[base + k + 1])) {
        chosen[base + k] = chosen[base + k + 1];
        k++;
      }
      chosen[base + k] = r;
      continue;
    }
    let k = size++;
    while (k > 0 && later(chosen[base + k - 1], r)) {
      chosen[base + k] = chosen[base + k - 1];
      k--;
    }
    chosen[base + k] = r;
    filled[u] = size;
  }
  const role = new Uint8Array(n).fill(TRAIN_ROLE);
  let heldOut = 0;
  for (let u = 0; u < users; u++)
    for (let k = 0; k < filled[u]; k++) {
      role[chosen[u * LAST_N + k]] = HELD_OUT_ROLE;
      heldOut++;
    }
  return {
    protocol: 'last-9',
    role,
    trainRatings: n - heldOut,
    heldOutRatings: heldOut,
    probePairsNotFound: 0,
  };
}
