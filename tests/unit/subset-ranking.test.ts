import { describe, expect, it } from 'vitest';
import type { RatingModel } from '../../src/stages/baselines/compute/rating-model';
import type { RatingSet, RatingSplitSets } from '../../src/stages/baselines/compute/rating-set';
import { rankTestUsers } from '../../src/stages/baselines/compute/subset-ranking';

function ratingSet(rows: [user: number, movie: number, day: number][]): RatingSet {
  return {
    count: rows.length,
    user: Uint32Array.from(rows.map((r) => r[0])),
    movie: Uint32Array.from(rows.map((r) => r[1])),
    day: Uint16Array.from(rows.map((r) => r[2])),
    rating: new Float32Array(rows.length).fill(3),
  };
}

/**
 * Three users, six movies. Movie 4 has no training rating, so it is outside the catalogue {0, 1, 2, 3, 5}
 * although every user would score it 99. User 2 has no test rating and is not ranked.
 */
const sets: RatingSplitSets = {
  train: ratingSet([
    [0, 0, 10],
    [1, 1, 10],
    [1, 2, 10],
    [1, 5, 10],
    [2, 3, 10],
  ]),
  validation: ratingSet([[0, 3, 11]]),
  test: ratingSet([
    [0, 1, 12],
    [1, 0, 13],
    [1, 3, 14],
  ]),
  users: 3,
  movies: 6,
  scale: { min: 1, max: 5 },
};

const SCORES = [
  [9, 5.5, 6, 8, 99, 0],
  [4, 9, 9, 4, 99, 9],
  [1, 1, 1, 1, 1, 1],
];

/** Scores from the table above, clipped to the scale unless ranking asks for another range; records days. */
function tableModel(days: number[][]): RatingModel {
  return {
    kind: 'mf',
    params: 0,
    predict: (set, range = sets.scale) => {
      days.push(Array.from(new Set(set.day)));
      return Float32Array.from({ length: set.count }, (_, k) =>
        Math.min(range.max, Math.max(range.min, SCORES[set.user[k]][set.movie[k]])),
      );
    },
  };
}

describe('top-10 ranking of the subset models on the test users', () => {
  it('matches the lists worked out by hand with k = 2', () => {
    const days: number[][] = [];
    const ranking = rankTestUsers(tableModel(days), sets, { k: 2 });
    // User 0 has seen 0 (training) and 3 (validation); candidates 1, 2, 5 score 5.5, 6, 0 unclipped, so the
    // list is [2, 1] and the test movie 1 is a hit at rank 2: recall 1, NDCG 1/log2(3) over the ideal 1.
    // (Clipped to 5, movies 1 and 2 would tie and the list would be [1, 2].)
    // User 1 has seen 1, 2, 5; candidates 0 and 3 tie at 4, lower index first: [0, 3], both test movies,
    // recall 1, NDCG 1. Listed movies 0, 1, 2, 3 of a catalogue of 5: coverage 0.8.
    expect(ranking.users).toBe(2);
    expect(ranking.catalogue).toBe(5);
    expect(ranking.recall).toBe(1);
    expect(ranking.ndcg).toBeCloseTo((1 / Math.log2(3) + 1) / 2, 12);
    expect(ranking.coverage).toBeCloseTo(0.8, 12);
    // Each user is scored on the day of their latest test rating.
    expect(days).toEqual([[12], [14]]);
  });

  it('counts a miss, and ranks only a sample of users when asked to', () => {
    const ranking = rankTestUsers(tableModel([]), sets, { k: 1 });
    // k = 1: user 0's list is [2], a miss; user 1's is [0], one of two test movies: recall (0 + 0.5) / 2.
    expect(ranking.recall).toBeCloseTo(0.25, 12);
    // User 1's ideal DCG at k = 1 is 1, so NDCG is (0 + 1) / 2.
    expect(ranking.ndcg).toBeCloseTo(0.5, 12);
    const one = rankTestUsers(tableModel([]), sets, { k: 2, maxUsers: 1, seed: 3 });
    expect(one.users).toBe(1);
    expect(rankTestUsers(tableModel([]), sets, { k: 2, maxUsers: 1, seed: 3 })).toEqual(one);
  });
});
