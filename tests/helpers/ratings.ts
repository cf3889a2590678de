import type { RatingsData } from '../../src/stages/ingest/compute/ratings-table';

/** A small RatingsData from (user, movie, stars) triples with dense indices; stars are 1–5. */
export function ratingsFromTriples(
  triples: [user: number, movie: number, stars: number][],
  shape?: { users: number; movies: number },
): RatingsData {
  const users = shape?.users ?? Math.max(...triples.map((t) => t[0])) + 1;
  const movies = shape?.movies ?? Math.max(...triples.map((t) => t[1])) + 1;
  return {
    table: {
      user: Uint32Array.from(triples, (t) => t[0]),
      movie: Uint32Array.from(triples, (t) => t[1]),
      code: Uint8Array.from(triples, (t) => t[2] - 1),
      day: new Uint16Array(triples.length).fill(12000),
      ratingValues: Float32Array.from([1, 2, 3, 4, 5]),
    },
    userIds: { kind: 'int', ids: Float64Array.from({ length: users }, (_, i) => 100 + i) },
    movieIds: { kind: 'int', ids: Float64Array.from({ length: movies }, (_, i) => i + 1) },
    movies: Array.from({ length: movies }, (_, i) => ({
      title: `Movie <${i + 1}>`,
      year: 2000 + i,
    })),
  };
}

/** A dense rows × cols matrix (row-major number[][]) as triples of its non-zero cells (stars 1–5). */
export function triplesFromDense(rows: number[][]): [number, number, number][] {
  const out: [number, number, number][] = [];
  rows.forEach((row, movie) =>
    row.forEach((stars, user) => {
      if (stars !== 0) out.push([user, movie, stars]);
    }),
  );
  return out;
}
