/** The benchmark's ratings: made once by the sample generator, split, and cached as raw columns. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSample, type SampleOptions } from '../../scripts/sample/generate-sample';
import { ratingSetsFromSplit, type RatingSet } from '../../src/stages/baselines/compute/rating-set';
import type { RatingsData } from '../../src/stages/ingest/compute/ratings-table';
import {
  prepareSplit,
  SINGLE_RATING_WINDOWS,
} from '../../src/stages/windows/compute/prepare-split';

/** ≈ 4 million ratings by 40,000 users on 4,000 movies. */
export const MF_BENCH_SAMPLE: SampleOptions = {
  seed: 20061002,
  users: Number(process.env.BENCH_MF_USERS ?? 40_000),
  movies: 4_000,
  meanRatingsPerUser: 100,
};

export interface BenchRatings {
  directory: string;
  users: number;
  movies: number;
  train: RatingSet;
  test: RatingSet;
}

const COLUMNS = [
  ['user.u32', 'user', Uint32Array],
  ['movie.u32', 'movie', Uint32Array],
  ['rating.f32', 'rating', Float32Array],
  ['day.u16', 'day', Uint16Array],
] as const;

function writeSet(directory: string, name: string, set: RatingSet): void {
  for (const [suffix, key] of COLUMNS) {
    const column = set[key];
    writeFileSync(
      join(directory, `${name}.${suffix}`),
      new Uint8Array(column.buffer, column.byteOffset, column.byteLength),
    );
  }
}

function readSet(directory: string, name: string): RatingSet {
  const read = <T>(suffix: string, make: (buffer: ArrayBuffer) => T): T => {
    const bytes = readFileSync(join(directory, `${name}.${suffix}`));
    return make(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  };
  const user = read('user.u32', (b) => new Uint32Array(b));
  return {
    count: user.length,
    user,
    movie: read('movie.u32', (b) => new Uint32Array(b)),
    rating: read('rating.f32', (b) => new Float32Array(b)),
    day: read('day.u16', (b) => new Uint16Array(b)),
  };
}

/** A random 90/10 split of the generated ratings, on single ratings, made by the project's own split code. */
export function ensureBenchRatings(root: string, options = MF_BENCH_SAMPLE): BenchRatings {
  const directory = join(
    root,
    `mf-${options.users}x${options.movies}-${options.meanRatingsPerUser}-seed${options.seed}`,
  );
  const meta = join(directory, 'meta.json');
  if (existsSync(meta)) {
    const { users, movies } = JSON.parse(readFileSync(meta, 'utf8')) as {
      users: number;
      movies: number;
    };
    return {
      directory,
      users,
      movies,
      train: readSet(directory, 'train'),
      test: readSet(directory, 'test'),
    };
  }
  const sample = generateSample(options);
  const data: RatingsData = {
    table: {
      user: sample.user,
      movie: sample.movie,
      code: Uint8Array.from(sample.stars, (s) => s - 1),
      day: sample.day,
      ratingValues: Float32Array.from([1, 2, 3, 4, 5]),
    },
    userIds: { kind: 'int', ids: Float64Array.from(sample.customerIds) },
    movieIds: { kind: 'int', ids: Float64Array.from(sample.movies, (m) => m.id) },
    movies: [],
  };
  const { split } = prepareSplit(data, SINGLE_RATING_WINDOWS, {
    kind: 'random',
    valFraction: 0,
    testFraction: 0.1,
    seed: 1,
  });
  const sets = ratingSetsFromSplit(data.table, split, options.users, options.movies);
  mkdirSync(directory, { recursive: true });
  writeSet(directory, 'train', sets.train);
  writeSet(directory, 'test', sets.test);
  writeFileSync(meta, JSON.stringify({ users: options.users, movies: options.movies, options }));
  return {
    directory,
    users: options.users,
    movies: options.movies,
    train: sets.train,
    test: sets.test,
  };
}
