import { describe, expect, it } from 'vitest';
import { exampleWindow } from '../../src/stages/windows/compute/example-window';
import { prepareSplit } from '../../src/stages/windows/compute/prepare-split';
import {
  buildWindowSets,
  featureNames,
  trainingMovieMeans,
} from '../../src/stages/windows/compute/window-features';
import { TEST, TRAIN, VALIDATION } from '../../src/stages/windows/compute/window-split';
import { day, ratingsFromRows, type Row } from '../helpers/ratings-fixture';

/**
 * User 0 rates five movies; movies 2 and 3 on the same day, where the tie goes by movie id (movie 3 has id 103,
 * movie 2 has id 104, so movie 3 comes first although its index is larger). User 1 has two ratings, too few for
 * a window of 3. Rows are given out of order on purpose.
 *
 *   user 0 in time order: p0 movie 0 ★5 01-01 · p1 movie 1 ★3 01-02 · p2 movie 3 ★2 01-03 · p3 movie 2 ★4 01-03
 *                         · p4 movie 4 ★1 01-10
 */
const ROWS: Row[] = [
  [0, 2, 4, '2005-01-03'],
  [1, 1, 4, '2005-02-05'],
  [0, 0, 5, '2005-01-01'],
  [0, 3, 2, '2005-01-03'],
  [0, 4, 1, '2005-01-10'],
  [1, 0, 2, '2005-02-01'],
  [0, 1, 3, '2005-01-02'],
];
const data = ratingsFromRows(ROWS, 2, 5, [100, 101, 104, 103, 102]);
const clusterOfMovie = Int32Array.from([1, 0, 2, -1, 0]);
const options = { clusters: 3, daysSincePrevious: true, movieMean: true };
const third = 1 / 3;

function prepared() {
  return prepareSplit(
    data,
    { steps: 3, stride: 1, maxPerUser: null },
    { kind: 'chrono', valFraction: third, testFraction: third, seed: 1 },
  );
}

describe('windows on a hand-made history', () => {
  it('order each user by day, then movie id', () => {
    const { histories } = prepared();
    expect(Array.from(histories.start)).toEqual([0, 5, 7]);
    expect(Array.from(histories.row)).toEqual([2, 6, 3, 0, 4, 5, 1]);
  });

  it('hold out the latest windows and give every rating a role', () => {
    const { split } = prepared();
    expect(Array.from(split.windows.end)).toEqual([2, 3, 4]);
    expect(Array.from(split.role)).toEqual([TRAIN, VALIDATION, TEST]);
    // Rows 0 (movie 2, p3) is the validation label, row 4 (movie 4, p4) the test label; all else trains.
    expect(Array.from(split.ratingRole)).toEqual([VALIDATION, 0, 0, 0, TEST, 0, 0]);
    expect(split.windowCounts).toEqual({ train: 1, validation: 1, test: 1 });
    expect(split.ratingCounts).toEqual({ train: 5, validation: 1, test: 1 });
    expect(split.trainingWindowsSeeingHeldOutLabels).toBe(0);
  });

  it('compute movie means over training ratings only', () => {
    const { split } = prepared();
    // Training ratings: movie 0 ★5 ★2, movie 1 ★3 ★4, movie 3 ★2; movies 2 and 4 fall back to 16 / 5.
    expect(Array.from(trainingMovieMeans(data.table, split.ratingRole, 5))).toEqual(
      Array.from(Float32Array.from([3.5, 3.5, 3.2, 2, 3.2])),
    );
  });

  it('equal the hand-written features, labels and masking', () => {
    const { histories, split } = prepared();
    const sets = buildWindowSets({
      table: data.table,
      histories,
      split,
      clusterOfMovie,
      options,
    });
    expect(sets.featureNames).toEqual([
      'cluster 0',
      'cluster 1',
      'cluster 2',
      'rating',
      'ln(1 + days since previous)',
      'movie mean (training)',
    ]);
    const ln2 = Math.LN2;
    const ln8 = Math.log(8);
    // [one-hot of 3 clusters, rating (0 = hidden), ln(1 + gap), training movie mean]
    const expected = {
      train: [
        [0, 1, 0, 5, 0, 3.5],
        [1, 0, 0, 3, ln2, 3.5],
        [0, 0, 0, 0, ln2, 2],
      ],
      validation: [
        [1, 0, 0, 3, ln2, 3.5],
        [0, 0, 0, 2, ln2, 2],
        [0, 0, 1, 0, 0, 3.2],
      ],
      test: [
        [0, 0, 0, 2, ln2, 2],
        [0, 0, 1, 4, 0, 3.2],
        [1, 0, 0, 0, ln8, 3.2],
      ],
    };
    const labels = {
      train: { y: 2, movie: 3, day: '2005-01-03' },
      validation: { y: 4, movie: 2, day: '2005-01-03' },
      test: { y: 1, movie: 4, day: '2005-01-10' },
    };
    for (const name of ['train', 'validation', 'test'] as const) {
      const set = sets[name];
      expect(set.count).toBe(1);
      expect(set.steps).toBe(3);
      expect(set.features).toBe(6);
      expect(set.x).toEqual(Float32Array.from(expected[name].flat()));
      expect(Array.from(set.y)).toEqual([labels[name].y]);
      expect(Array.from(set.user)).toEqual([0]);
      expect(Array.from(set.movie)).toEqual([labels[name].movie]);
      expect(Array.from(set.day)).toEqual([day(labels[name].day)]);
    }
  });

  it('leave out the optional features when switched off', () => {
    const { histories, split } = prepared();
    const plain = { clusters: 3, daysSincePrevious: false, movieMean: false };
    expect(featureNames(plain)).toEqual(['cluster 0', 'cluster 1', 'cluster 2', 'rating']);
    const sets = buildWindowSets({
      table: data.table,
      histories,
      split,
      clusterOfMovie,
      options: plain,
    });
    expect(sets.test.x).toEqual(Float32Array.from([0, 0, 0, 2, 0, 0, 1, 4, 1, 0, 0, 0]));
  });

  it('anchor strided windows at the latest rating and cap them to the latest', () => {
    const strided = prepareSplit(
      data,
      { steps: 2, stride: 2, maxPerUser: null },
      { kind: 'chrono', valFraction: 0, testFraction: 0, seed: 1 },
    );
    expect(Array.from(strided.split.windows.user)).toEqual([0, 0, 1]);
    expect(Array.from(strided.split.windows.end)).toEqual([2, 4, 6]);
    const capped = prepareSplit(
      data,
      { steps: 3, stride: 1, maxPerUser: 1 },
      { kind: 'chrono', valFraction: 0, testFraction: 0, seed: 1 },
    );
    expect(Array.from(capped.split.windows.end)).toEqual([4]);
  });

  it('render an example window as rows, the label hidden', () => {
    const { histories, split } = prepared();
    const example = exampleWindow(data.table, histories, split, clusterOfMovie, data.movies, 1);
    expect(example.role).toBe('validation');
    expect(example.label).toBe(4);
    expect(example.rows).toEqual([
      {
        step: 1,
        date: '2005-01-02',
        movie: 1,
        title: 'Movie 1',
        cluster: 0,
        shownRating: 3,
        rating: 3,
      },
      {
        step: 2,
        date: '2005-01-03',
        movie: 3,
        title: 'Movie 3',
        cluster: -1,
        shownRating: 2,
        rating: 2,
      },
      {
        step: 3,
        date: '2005-01-03',
        movie: 2,
        title: 'Movie 2',
        cluster: 2,
        shownRating: null,
        rating: 4,
      },
    ]);
  });

  it('refuse a cluster assignment that does not fit', () => {
    const { histories, split } = prepared();
    const build = (clusters: Int32Array) =>
      buildWindowSets({ table: data.table, histories, split, clusterOfMovie: clusters, options });
    expect(() => build(Int32Array.from([0, 0, 0]))).toThrow(/covers 3 movies/);
    expect(() => build(Int32Array.from([0, 0, 3, 0, 0]))).toThrow(/cluster 3/);
  });
});
