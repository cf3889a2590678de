import { describe, expect, it } from 'vitest';
import { dayFromCivil } from '../../src/lib/days';
import { countDistribution, summarizeRatings } from '../../src/stages/ingest/compute/summarize';

describe('dataset summary', () => {
  it('matches hand-computed figures on a tiny dataset', () => {
    const d = (y: number, m: number, day: number) => dayFromCivil(y, m, day);
    const summary = summarizeRatings({
      table: {
        user: Uint32Array.of(0, 0, 0, 1, 2),
        movie: Uint32Array.of(0, 1, 2, 0, 0),
        code: Uint8Array.of(0, 1, 1, 2, 2),
        day: Uint16Array.of(
          d(2005, 1, 31),
          d(2005, 3, 1),
          d(2005, 1, 1),
          d(2004, 12, 31),
          d(2005, 3, 2),
        ),
        ratingValues: Float32Array.of(1, 3, 5),
      },
      userIds: { kind: 'int', ids: Float64Array.of(10, 11, 12) },
      movieIds: { kind: 'int', ids: Float64Array.of(1, 2, 3) },
      movies: [{ title: 'A', year: 2001 }, null, null],
    });
    expect(summary).toMatchObject({
      ratings: 5,
      users: 3,
      movies: 3,
      firstDate: '2004-12-31',
      lastDate: '2005-03-02',
      density: 5 / 9,
      meanRating: (1 + 3 + 3 + 5 + 5) / 5,
      ratingHistogram: { values: [1, 3, 5], counts: [1, 2, 2] },
      monthly: { months: ['2004-12', '2005-01', '2005-02', '2005-03'], counts: [1, 2, 0, 2] },
      titledMovies: 1,
      bytes: 5 * 11,
    });
    expect(summary.perUser).toMatchObject({
      binStarts: [1, 2],
      binEnds: [1, 3],
      counts: [2, 1],
      min: 1,
      median: 1,
      max: 3,
    });
    expect(summary.perMovie).toMatchObject({ counts: [2, 1], median: 1, mean: 5 / 3 });
  });

  it('bins counts in doubling ranges', () => {
    const distribution = countDistribution(Uint32Array.of(1, 2, 3, 4, 7, 8, 100));
    expect(distribution.binStarts).toEqual([1, 2, 4, 8, 16, 32, 64]);
    expect(distribution.binEnds).toEqual([1, 3, 7, 15, 31, 63, 127]);
    expect(distribution.counts).toEqual([1, 2, 2, 1, 0, 0, 1]);
    expect(distribution.median).toBe(4);
  });
});
