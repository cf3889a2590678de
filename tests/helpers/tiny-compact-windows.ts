import { buildCompactWindows } from '../../src/stages/windows/compute/compact-windows';
import { prepareSplit } from '../../src/stages/windows/compute/prepare-split';
import { generatedRatings } from './ratings-fixture';

/**
 * Windows small enough to train on in a test: 40 generated users × 20 movies, 4-step windows, a chronological
 * split, and movies in 3 clusters by id (m mod 3).
 */
export function tinyCompactWindows() {
  const data = generatedRatings({ users: 40, movies: 20, meanRatingsPerUser: 16 });
  const { histories, split } = prepareSplit(
    data,
    { steps: 4, stride: 1, maxPerUser: null },
    { kind: 'chrono', valFraction: 0.2, testFraction: 0.1, seed: 2 },
  );
  return buildCompactWindows({
    table: data.table,
    histories,
    split,
    clusterOfMovie: Int32Array.from({ length: 20 }, (_, m) => m % 3),
    options: { clusters: 3, daysSincePrevious: false, movieMean: false },
  });
}
