/**
 * The dense half's examples: a seeded subsample of the MF benchmark's training and test ratings (same data,
 * same split), written to one file that the project's trainer and PyTorch both read, and shaped as the
 * compact windows the training worker receives, so the project trains through `runTraining` exactly as the
 * Dense cell does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRng } from '../../src/lib/rng';
import type { RatingSet } from '../../src/stages/baselines/compute/rating-set';
import type { CompactWindows } from '../../src/stages/windows/compute/compact-windows';
import { TEST, TRAIN } from '../../src/stages/windows/compute/window-split';

export interface DenseSample {
  users: number;
  movies: number;
  train: RatingSet;
  test: RatingSet;
}

/** `count` ratings of `set` drawn without replacement (seeded), kept in the set's order. */
function subsample(set: RatingSet, count: number, seed: number): RatingSet {
  if (count >= set.count) return set;
  const rng = createRng(seed);
  // Floyd's algorithm: a uniform subset of `count` rows without shuffling the whole index.
  const picked = new Uint8Array(set.count);
  for (let j = set.count - count; j < set.count; j++) {
    const t = rng.int(j + 1);
    picked[picked[t] ? j : t] = 1;
  }
  const rows = new Uint32Array(count);
  for (let i = 0, k = 0; i < set.count; i++) if (picked[i]) rows[k++] = i;
  return {
    count,
    user: rows.map((r) => set.user[r]),
    movie: rows.map((r) => set.movie[r]),
    rating: Float32Array.from(rows, (r) => set.rating[r]),
    day: Uint16Array.from(rows, (r) => set.day[r]),
  };
}

export function denseSample(
  full: { users: number; movies: number; train: RatingSet; test: RatingSet },
  trainCount: number,
  testCount: number,
  seed: number,
): DenseSample {
  return {
    users: full.users,
    movies: full.movies,
    train: subsample(full.train, trainCount, seed),
    test: subsample(full.test, testCount, seed + 1),
  };
}

/**
 * File layout (little-endian): int32 users, movies, trainCount, testCount; then per split (train, test)
 * user uint32[n], movie uint32[n], rating float32[n]. bench/mf/torch_dense.py reads the same layout.
 */
export function writeDenseSample(file: string, sample: DenseSample): void {
  const header = Int32Array.of(sample.users, sample.movies, sample.train.count, sample.test.count);
  const parts: ArrayBufferView[] = [header];
  for (const set of [sample.train, sample.test]) parts.push(set.user, set.movie, set.rating);
  writeFileSync(
    file,
    Buffer.concat(parts.map((p) => new Uint8Array(p.buffer, p.byteOffset, p.byteLength))),
  );
}

/** Reads what `writeDenseSample` wrote (days are not stored: the dense model does not read them). */
export function readDenseSample(file: string): DenseSample {
  const bytes = readFileSync(file);
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes); // an aligned buffer of its own
  const [users, movies, trainCount, testCount] = new Int32Array(copy.buffer, 0, 4);
  let offset = 16;
  const take = <T>(make: (buffer: ArrayBuffer, offset: number, n: number) => T, n: number): T => {
    const out = make(copy.buffer, offset, n);
    offset += 4 * n;
    return out;
  };
  const read = (n: number): RatingSet => ({
    count: n,
    user: take((b, o, k) => new Uint32Array(b, o, k), n),
    movie: take((b, o, k) => new Uint32Array(b, o, k), n),
    rating: take((b, o, k) => new Float32Array(b, o, k), n),
    day: new Uint16Array(n),
  });
  const train = read(trainCount);
  return { users, movies, train, test: read(testCount) };
}

/**
 * The sample as the compact windows the Dense cell sends to the training worker: one position per rating,
 * training ratings first (role TRAIN), then test ratings (role TEST, each the label of a one-step window).
 * The embedding model reads only each position's role, user, movie and rating (`ratingTriples`).
 */
export function sampleAsWindows(sample: DenseSample): CompactWindows {
  const n = sample.train.count + sample.test.count;
  const concat = <T extends Uint32Array | Float32Array | Uint16Array>(a: T, b: T, out: T): T => {
    out.set(a);
    out.set(b, a.length);
    return out;
  };
  const { train, test } = sample;
  const role = new Uint8Array(n).fill(TRAIN, 0, train.count).fill(TEST, train.count);
  return {
    steps: 1,
    features: 2,
    featureOptions: { clusters: 1, daysSincePrevious: false, movieMean: false },
    cluster: new Int16Array(n),
    rating: concat(train.rating, test.rating, new Float32Array(n)),
    daysGap: null,
    movieMean: null,
    role,
    user: concat(train.user, test.user, new Uint32Array(n)),
    movie: concat(train.movie, test.movie, new Uint32Array(n)),
    day: concat(train.day, test.day, new Uint16Array(n)),
    train: Uint32Array.from({ length: train.count }, (_, i) => i),
    validation: new Uint32Array(0),
    test: Uint32Array.from({ length: test.count }, (_, i) => train.count + i),
  };
}
