import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/lib/rng';
import type { RatingsData } from '../../src/stages/ingest/compute/ratings-table';
import { defaultSubsetOptions, selectTopSubset } from '../../src/stages/subset/compute/top-subset';

/** Random ratings with distinct (user, movie) pairs; ids are shuffled so that index order ≠ id order. */
function randomData(seed: number, users: number, movies: number, ratings: number): RatingsData {
  const rng = createRng(seed);
  const pairs = new Set<number>();
  while (pairs.size < ratings) pairs.add(rng.int(users) * movies + rng.int(movies));
  const list = [...pairs];
  return {
    table: {
      user: Uint32Array.from(list, (p) => Math.floor(p / movies)),
      movie: Uint32Array.from(list, (p) => p % movies),
      code: Uint8Array.from(list, () => rng.int(5)),
      day: Uint16Array.from(list, () => 12000 + rng.int(2000)),
      ratingValues: Float32Array.of(1, 2, 3, 4, 5),
    },
    userIds: {
      kind: 'int',
      ids: Float64Array.from({ length: users }, (_, i) => 1000 + ((i * 7919) % users)),
    },
    movieIds: {
      kind: 'int',
      ids: Float64Array.from({ length: movies }, (_, i) => 1 + ((i * 31) % movies)),
    },
    movies: Array.from({ length: movies }, (_, i) => ({ title: `Movie ${i}`, year: 2000 })),
  };
}

/** The subset by brute force: counts by scanning, ranks by sorting (count desc, id asc), filter row by row. */
function bruteForce(data: RatingsData, keepUsers: number, keepMovies: number) {
  const rank = (column: Uint32Array, ids: Float64Array) => {
    const counts = new Map<number, number>();
    column.forEach((index) => counts.set(index, (counts.get(index) ?? 0) + 1));
    return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || ids[a] - ids[b]);
  };
  const users = new Set(
    rank(data.table.user, data.userIds.ids as Float64Array).slice(0, keepUsers),
  );
  const movies = new Set(
    rank(data.table.movie, data.movieIds.ids as Float64Array).slice(0, keepMovies),
  );
  const kept: string[] = [];
  data.table.user.forEach((u, i) => {
    const m = data.table.movie[i];
    if (users.has(u) && movies.has(m))
      kept.push(
        `${data.userIds.ids[u]}:${data.movieIds.ids[m]}:${data.table.code[i]}:${data.table.day[i]}`,
      );
  });
  return { kept, users, movies };
}

describe('top users × top movies subset', () => {
  it('keeps exactly the ratings a brute-force count keeps', () => {
    for (const [seed, u, m] of [
      [1, 40, 20],
      [2, 7, 3],
      [3, 100, 50],
    ]) {
      const data = randomData(seed, 100, 50, 1500);
      const subset = selectTopSubset(data, { users: u, movies: m });
      const expected = bruteForce(data, u, m);
      const got = Array.from(subset.data.table.user, (nu, i) => {
        const nm = subset.data.table.movie[i];
        return `${subset.data.userIds.ids[nu]}:${subset.data.movieIds.ids[nm]}:${subset.data.table.code[i]}:${subset.data.table.day[i]}`;
      });
      expect(got).toEqual(expected.kept);
      expect(subset.stats.ratings).toBe(expected.kept.length);
      expect(subset.stats.share).toBeCloseTo(expected.kept.length / 1500, 12);
      expect(subset.stats.density).toBeCloseTo(expected.kept.length / (u * m), 12);
      expect(new Set(Array.from(subset.parentUser))).toEqual(expected.users);
      expect(new Set(Array.from(subset.parentMovie))).toEqual(expected.movies);
    }
  });

  it('numbers kept users and movies by rank, most ratings first, and carries titles along', () => {
    const data = randomData(4, 60, 30, 600);
    const subset = selectTopSubset(data, { users: 20, movies: 10 });
    const userCounts = new Uint32Array(20);
    subset.data.table.user.forEach((u) => userCounts[u]++);
    const totals = Array.from(
      subset.parentUser,
      (p) => data.table.user.filter((u) => u === p).length,
    );
    for (let i = 1; i < totals.length; i++) expect(totals[i - 1]).toBeGreaterThanOrEqual(totals[i]);
    expect(subset.data.movies).toEqual(Array.from(subset.parentMovie, (p) => data.movies[p]));
    expect(subset.stats.historyLengths.max).toBe(Math.max(...userCounts));
  });

  it('asks for more than there is without failing', () => {
    const data = randomData(5, 10, 5, 30);
    expect(selectTopSubset(data, { users: 1000, movies: 1000 }).stats.ratings).toBe(30);
  });

  it('defaults to the report’s 10,000 × 2,000, halved for small datasets', () => {
    expect(defaultSubsetOptions(480_189, 17_770)).toEqual({ users: 10_000, movies: 2_000 });
    expect(defaultSubsetOptions(4000, 800)).toEqual({ users: 2000, movies: 400 });
    expect(defaultSubsetOptions(1, 1)).toEqual({ users: 1, movies: 1 });
  });
});
