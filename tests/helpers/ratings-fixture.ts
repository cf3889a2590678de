import type { RatingsData } from '../../src/stages/ingest/compute/ratings-table';
import { dayFromCivil } from '../../src/lib/days';
import { generateSample, type SampleOptions } from '../../scripts/sample/generate-sample';

/** One hand-made rating: user index, movie index, stars (1–5), `YYYY-MM-DD`. */
export type Row = [user: number, movie: number, stars: number, date: string];

const STARS = Float32Array.from([1, 2, 3, 4, 5]);

/** Day number of a `YYYY-MM-DD` date. */
export function day(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return dayFromCivil(y, m, d);
}

/**
 * A dataset from hand-written rows; user ids are 100 + index, movie ids 100 + index unless given, so ids and
 * indices differ.
 */
export function ratingsFromRows(
  rows: Row[],
  users: number,
  movies: number,
  movieIds: number[] = Array.from({ length: movies }, (_, m) => 100 + m),
): RatingsData {
  return {
    table: {
      user: Uint32Array.from(rows, (r) => r[0]),
      movie: Uint32Array.from(rows, (r) => r[1]),
      code: Uint8Array.from(rows, (r) => r[2] - 1),
      day: Uint16Array.from(rows, (r) => day(r[3])),
      ratingValues: STARS,
    },
    userIds: { kind: 'int', ids: Float64Array.from({ length: users }, (_, u) => 100 + u) },
    movieIds: { kind: 'int', ids: Float64Array.from(movieIds) },
    movies: Array.from({ length: movies }, (_, m) => ({ title: `Movie ${m}`, year: 2000 })),
  };
}

/** The project's synthetic Netflix-like generator, as a dataset (small sizes keep tests fast). */
export function generatedRatings(options: Partial<SampleOptions> = {}): RatingsData {
  const sample = generateSample({
    seed: 11,
    users: 300,
    movies: 120,
    meanRatingsPerUser: 40,
    ...options,
  });
  return {
    table: {
      user: sample.user,
      movie: sample.movie,
      code: Uint8Array.from(sample.stars, (s) => s - 1),
      day: sample.day,
      ratingValues: STARS,
    },
    userIds: { kind: 'int', ids: Float64Array.from(sample.customerIds) },
    movieIds: { kind: 'int', ids: Float64Array.from(sample.movies, (m) => m.id) },
    movies: sample.movies.map((m) => ({ title: m.title, year: m.year })),
  };
}
