import { describe, expect, it } from 'vitest';
import { ratingSetsFromSplit } from '../../src/stages/baselines/compute/rating-set';
import {
  prepareSplit,
  SINGLE_RATING_WINDOWS,
} from '../../src/stages/windows/compute/prepare-split';
import { buildWindowSets } from '../../src/stages/windows/compute/window-features';
import type { WindowOptions } from '../../src/stages/windows/compute/window-index';
import {
  TEST,
  TRAIN,
  VALIDATION,
  type SplitOptions,
} from '../../src/stages/windows/compute/window-split';
import { generatedRatings } from '../helpers/ratings-fixture';

const data = generatedRatings();
const WINDOWS: WindowOptions = { steps: 10, stride: 1, maxPerUser: null };
const CHRONO: SplitOptions = { kind: 'chrono', valFraction: 0.1, testFraction: 0.1, seed: 3 };
const RANDOM: SplitOptions = { ...CHRONO, kind: 'random' };

/** Brute force: training windows with a held-out rating at an input step. */
function leaks(prepared: ReturnType<typeof prepareSplit>): number {
  const { histories, split } = prepared;
  let count = 0;
  for (let w = 0; w < split.windows.count; w++) {
    if (split.role[w] !== TRAIN) continue;
    const inputs = Array.from({ length: 9 }, (_, s) => histories.row[split.windows.end[w] - 9 + s]);
    if (inputs.some((row) => split.ratingRole[row] !== TRAIN)) count++;
  }
  return count;
}

describe('chronological split', () => {
  const prepared = prepareSplit(data, WINDOWS, CHRONO);
  const { histories, split } = prepared;

  it('holds out about the asked share of windows', () => {
    const { train, validation, test } = split.windowCounts;
    const total = train + validation + test;
    expect(total).toBe(split.windows.count);
    expect(test / total).toBeGreaterThan(0.08);
    expect(test / total).toBeLessThan(0.12);
    expect(validation / total).toBeGreaterThan(0.08);
    expect(validation / total).toBeLessThan(0.12);
  });

  it('puts each user’s training labels before validation before test', () => {
    for (let u = 0; u < histories.users; u++) {
      const roles: number[] = [];
      for (let p = histories.start[u]; p < histories.start[u + 1]; p++)
        roles.push(split.ratingRole[histories.row[p]]);
      const sorted = [...roles].sort((a, b) => a - b);
      expect(roles).toEqual(sorted);
      // and in time: no held-out rating is dated before one of the user's training ratings
      const days = (role: number) =>
        Array.from({ length: roles.length }, (_, j) => histories.row[histories.start[u] + j])
          .filter((row) => split.ratingRole[row] === role)
          .map((row) => data.table.day[row]);
      const lastTrain = Math.max(...days(TRAIN));
      for (const d of [...days(VALIDATION), ...days(TEST)])
        expect(d).toBeGreaterThanOrEqual(lastTrain);
    }
  });

  it('never shows a validation or test label to a training window', () => {
    expect(split.trainingWindowsSeeingHeldOutLabels).toBe(0);
    expect(leaks(prepared)).toBe(0);
    expect(split.leakageNote).toMatch(/no validation or test label/);
  });

  it('derives disjoint rating sets whose held-out ratings are exactly the window labels', () => {
    const sets = ratingSetsFromSplit(data.table, split, 300, 120);
    const { train, validation, test } = split.ratingCounts;
    expect(sets.train.count + sets.validation.count + sets.test.count).toBe(data.table.user.length);
    expect([sets.train.count, sets.validation.count, sets.test.count]).toEqual([
      train,
      validation,
      test,
    ]);
    const windowSets = buildWindowSets({
      table: data.table,
      histories,
      split,
      clusterOfMovie: new Int32Array(120),
      options: { clusters: 1, daysSincePrevious: false, movieMean: false },
    });
    expect(sets.test.user).toEqual(windowSets.test.user);
    expect(sets.test.movie).toEqual(windowSets.test.movie);
    expect(sets.test.day).toEqual(windowSets.test.day);
    expect(sets.test.rating).toEqual(windowSets.test.y);
    expect(sets.validation.movie).toEqual(windowSets.validation.movie);
    // No (user, movie) pair is both a training rating and a held-out one.
    const key = (u: number, m: number) => u * 1000 + m;
    const trained = new Set(Array.from(sets.train.user, (u, k) => key(u, sets.train.movie[k])));
    for (let k = 0; k < sets.test.count; k++)
      expect(trained.has(key(sets.test.user[k], sets.test.movie[k]))).toBe(false);
  });

  it('gives the same split for the same seed', () => {
    expect(prepareSplit(data, WINDOWS, CHRONO).split.role).toEqual(split.role);
  });
});

describe('random split by window', () => {
  const prepared = prepareSplit(data, WINDOWS, RANDOM);
  const { split } = prepared;

  it('holds out the asked share of windows overall', () => {
    expect(split.windowCounts.test).toBe(Math.round(split.windows.count * 0.1));
    expect(split.windowCounts.validation).toBe(Math.round(split.windows.count * 0.1));
  });

  it('lets later training windows see earlier labels, and says so', () => {
    expect(split.trainingWindowsSeeingHeldOutLabels).toBe(leaks(prepared));
    expect(split.trainingWindowsSeeingHeldOutLabels).toBeGreaterThan(0);
    expect(split.leakageNote).toMatch(/^Random split: [\d,]+ training windows show/);
  });

  it('depends on the seed, deterministically', () => {
    expect(prepareSplit(data, WINDOWS, RANDOM).split.role).toEqual(split.role);
    expect(prepareSplit(data, WINDOWS, { ...RANDOM, seed: 4 }).split.role).not.toEqual(split.role);
  });
});

describe('split on single ratings', () => {
  it('splits every rating at random, for plain rating files', () => {
    const { split } = prepareSplit(data, SINGLE_RATING_WINDOWS, {
      ...RANDOM,
      valFraction: 0,
      testFraction: 0.2,
    });
    const n = data.table.user.length;
    expect(split.windows.count).toBe(n);
    expect(split.ratingCounts).toEqual({
      train: n - Math.round(n * 0.2),
      validation: 0,
      test: Math.round(n * 0.2),
    });
  });

  it('refuses fractions that leave nothing to train on', () => {
    expect(() =>
      prepareSplit(data, SINGLE_RATING_WINDOWS, { ...RANDOM, valFraction: 0.5, testFraction: 0.5 }),
    ).toThrow(/leave some training data/);
    expect(() => prepareSplit(data, { steps: 0, stride: 1, maxPerUser: null }, RANDOM)).toThrow(
      /steps ≥ 1/,
    );
  });
});
