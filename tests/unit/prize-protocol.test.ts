import { describe, expect, it } from 'vitest';
import type { RatingsTable } from '../../src/stages/ingest/compute/ratings-table';
import { HELD_OUT_ROLE } from '../../src/stages/prize/contract';
import type { PairList } from '../../src/stages/prize/compute/pair-list-parser';
import { lastNSplit, probeSplit } from '../../src/stages/prize/compute/protocol-split';
import { buildTrainIndex } from '../../src/stages/prize/compute/user-index';

/** Rows as [user, movie, stars, day]. */
function table(rows: [number, number, number, number][]): RatingsTable {
  return {
    user: Uint32Array.from(rows, (r) => r[0]),
    movie: Uint32Array.from(rows, (r) => r[1]),
    code: Uint8Array.from(rows, (r) => r[2] - 1),
    day: Uint16Array.from(rows, (r) => r[3]),
    ratingValues: Float32Array.of(1, 2, 3, 4, 5),
  };
}

function probe(pairs: [number, number][]): PairList {
  return {
    kind: 'probe',
    count: pairs.length,
    user: Int32Array.from(pairs, (p) => p[0]),
    movie: Int32Array.from(pairs, (p) => p[1]),
    day: new Uint16Array(pairs.length),
    blocks: [],
    stats: { lines: 0, skippedLines: 0, unknownCustomers: 0, unknownMovies: 0 },
  };
}

const heldOutRows = (role: Uint8Array) =>
  Array.from(role).flatMap((r, row) => (r === HELD_OUT_ROLE ? [row] : []));

describe('the probe protocol', () => {
  it('holds out exactly the probe pairs and reports the pairs the table lacks', () => {
    const t = table([
      [0, 0, 4, 100],
      [0, 1, 3, 101],
      [1, 0, 5, 100],
      [1, 2, 2, 102],
      [2, 1, 1, 103],
      [0, 2, 4, 104],
    ]);
    const split = probeSplit(
      t,
      3,
      probe([
        [0, 1],
        [1, 2],
        [2, 0],
        [0, 2],
      ]),
    );
    expect(heldOutRows(split.role)).toEqual([1, 3, 5]);
    expect(split).toMatchObject({
      protocol: 'probe',
      trainRatings: 3,
      heldOutRatings: 3,
      probePairsNotFound: 1,
    });
    // No probe rating is in the training index.
    const train = buildTrainIndex(t, 3, 3, split.role, 0);
    expect(Array.from(train.entry, (e) => [e >>> 8, e & 255])).toEqual([
      [0, 3],
      [0, 4],
      [1, 0],
    ]);
    expect(Array.from(train.start)).toEqual([0, 1, 2, 3]);
  });
});

describe('the last-9 protocol', () => {
  it('holds out min(9, floor(n / 2)) latest ratings per user, same-day ties going to the later row', () => {
    const rows: [number, number, number, number][] = [];
    // User 0: 20 ratings on days 200, 199, …, 181 (latest first in the table): the 9 latest are rows 0–8.
    for (let k = 0; k < 20; k++) rows.push([0, k, 3, 200 - k]);
    // User 1: 5 ratings, two held out; days 50, 60, 60, 60, 40: the latest day has three ratings, and the
    // later rows (rows 23 and 22) of day 60 win.
    rows.push([1, 0, 3, 50], [1, 1, 3, 60], [1, 2, 3, 60], [1, 3, 3, 60], [1, 4, 3, 40]);
    // User 2: a single rating, never held out.
    rows.push([2, 0, 3, 10]);
    // User 3: 17 ratings all on one day: floor(17 / 2) = 8, the last 8 rows.
    for (let k = 0; k < 17; k++) rows.push([3, k, 3, 70]);
    const split = lastNSplit(table(rows), 4);
    const firstOf3 = 26;
    expect(heldOutRows(split.role)).toEqual([
      ...Array.from({ length: 9 }, (_, k) => k),
      22,
      23,
      ...Array.from({ length: 8 }, (_, k) => firstOf3 + 9 + k),
    ]);
    expect(split.heldOutRatings).toBe(19);
    expect(split.trainRatings).toBe(rows.length - 19);
  });
});
