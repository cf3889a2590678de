import { describe, expect, it } from 'vitest';
import {
  buildMovieUserMatrix,
  columnMeans,
  movieRatingStats,
  toDense,
  totalVariance,
} from '../../src/stages/explore/compute/movie-user-matrix';
import { ratingsFromTriples } from '../helpers/ratings';

// 3 users × 3 movies: movie 0 rated 5, 3 by users 0, 1; movie 1 rated 4 by user 2; movie 2 rated 1, 2, 3.
const data = ratingsFromTriples([
  [0, 0, 5],
  [1, 0, 3],
  [2, 1, 4],
  [0, 2, 1],
  [1, 2, 2],
  [2, 2, 3],
]);

describe('the movies × users matrix', () => {
  it('holds stars, mean-centred stars or 1 where rated, and 0 elsewhere', () => {
    const raw = buildMovieUserMatrix(data, { values: 'raw', sampleRatings: null, seed: 1 });
    expect(Array.from(toDense(raw.matrix))).toEqual([5, 3, 0, 0, 0, 4, 1, 2, 3]);
    expect(Array.from(raw.rowMovie)).toEqual([0, 1, 2]);
    const centred = buildMovieUserMatrix(data, { values: 'centred', sampleRatings: null, seed: 1 });
    expect(Array.from(toDense(centred.matrix))).toEqual([1, -1, 0, 0, 0, 0, -1, 0, 1]);
    const binary = buildMovieUserMatrix(data, { values: 'binary', sampleRatings: null, seed: 1 });
    expect(Array.from(toDense(binary.matrix))).toEqual([1, 1, 0, 0, 0, 1, 1, 1, 1]);
  });

  it('merges a user’s repeated ratings of one movie into their mean', () => {
    const repeated = ratingsFromTriples([
      [0, 0, 5],
      [0, 0, 2],
      [1, 0, 3],
    ]);
    const { matrix } = buildMovieUserMatrix(repeated, {
      values: 'raw',
      sampleRatings: null,
      seed: 1,
    });
    expect(Array.from(toDense(matrix))).toEqual([3.5, 3]);
    expect(matrix.values.length).toBe(2);
  });

  it('sub-samples ratings without replacement, keeping only movies that have one', () => {
    const a = buildMovieUserMatrix(data, { values: 'raw', sampleRatings: 3, seed: 4 });
    const b = buildMovieUserMatrix(data, { values: 'raw', sampleRatings: 3, seed: 4 });
    expect(a.ratings).toBe(3);
    expect(a.matrix.values.length).toBe(3);
    expect(a.rowMovie.length).toBe(a.matrix.rows);
    expect(Array.from(toDense(a.matrix))).toEqual(Array.from(toDense(b.matrix)));
    // Every kept cell is one of the movie's real ratings.
    const full = toDense(
      buildMovieUserMatrix(data, { values: 'raw', sampleRatings: null, seed: 1 }).matrix,
    );
    const dense = toDense(a.matrix);
    for (let r = 0; r < a.matrix.rows; r++)
      for (let u = 0; u < 3; u++) {
        const value = dense[r * 3 + u];
        if (value !== 0) expect(value).toBe(full[a.rowMovie[r] * 3 + u]);
      }
    expect(() => buildMovieUserMatrix(data, { values: 'raw', sampleRatings: 0, seed: 1 })).toThrow(
      /at least one rating/,
    );
  });

  it('knows its column means and total variance', () => {
    const { matrix } = buildMovieUserMatrix(data, { values: 'raw', sampleRatings: null, seed: 1 });
    expect(Array.from(columnMeans(matrix))).toEqual([2, 5 / 3, 7 / 3]);
    // Columns (users) [5, 0, 1], [3, 0, 2], [0, 4, 3]; variances (n − 1): (26 − 3·4)/2 = 7,
    // (13 − 3·25/9)/2 = 7/3, (25 − 3·49/9)/2 = 13/3.
    expect(totalVariance(matrix)).toBeCloseTo(7 + 7 / 3 + 13 / 3, 10);
  });

  it('counts ratings and mean rating per movie', () => {
    const stats = movieRatingStats(data);
    expect(Array.from(stats.counts)).toEqual([2, 1, 3]);
    expect(Array.from(stats.means)).toEqual([4, 4, 2]);
  });
});
