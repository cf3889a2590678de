/**
 * Seeded (user, movie, rating) triples for the dense model in `bench:gpu`, made the same way in Node (which
 * writes them for PyTorch) and in the browser worker: users and movies with a bias each, ratings 1–5.
 */
import { createRng } from '../../src/lib/rng';

export interface SyntheticPairs {
  users: number;
  movies: number;
  user: Uint32Array;
  movie: Uint32Array;
  rating: Float32Array;
}

export function syntheticPairs(options: {
  users: number;
  movies: number;
  count: number;
  seed: number;
}): SyntheticPairs {
  const { users, movies, count, seed } = options;
  const rng = createRng(seed);
  const userBias = Float32Array.from({ length: users }, () => 0.5 * rng.normal());
  const movieBias = Float32Array.from({ length: movies }, () => 0.5 * rng.normal());
  const user = new Uint32Array(count);
  const movie = new Uint32Array(count);
  const rating = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    user[i] = rng.int(users);
    movie[i] = rng.int(movies);
    const raw = 3.6 + userBias[user[i]] + movieBias[movie[i]] + 0.7 * rng.normal();
    rating[i] = Math.min(5, Math.max(1, Math.round(raw)));
  }
  return { users, movies, user, movie, rating };
}
