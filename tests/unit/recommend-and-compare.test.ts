import { describe, expect, it } from 'vitest';
import {
  comparisonCsv,
  comparisonJson,
  spreadFromBest,
  type ComparisonRow,
} from '../../src/stages/compare/compute/comparison';
import {
  candidateWindows,
  candidateWindowsRefusal,
  topIndices,
  unseenMovies,
} from '../../src/stages/recommend/compute/candidate-windows';
import { buildCompactWindows } from '../../src/stages/windows/compute/compact-windows';
import { prepareSplit } from '../../src/stages/windows/compute/prepare-split';
import { ratingsFromRows, type Row } from '../helpers/ratings-fixture';

// User 0 rates movies 0, 1, 2, 3 (clusters 0, 1, 0, 2) in time; user 1 rates movie 4.
const rows: Row[] = [
  [0, 0, 4, '2005-01-01'],
  [0, 1, 2, '2005-01-03'],
  [0, 2, 5, '2005-01-07'],
  [0, 3, 3, '2005-01-09'],
  [1, 4, 1, '2005-02-01'],
];
const data = ratingsFromRows(rows, 2, 6);
const clusterOfMovie = Int32Array.of(0, 1, 0, 2, 1, 2);

describe('recommendations', () => {
  const { histories, split } = prepareSplit(
    data,
    { steps: 3, stride: 1, maxPerUser: null },
    { kind: 'chrono', valFraction: 0, testFraction: 0, seed: 1 },
  );
  const compact = buildCompactWindows({
    table: data.table,
    histories,
    split,
    clusterOfMovie,
    options: { clusters: 3, daysSincePrevious: false, movieMean: false },
  });

  it('ask the LSTM about each unseen movie after the user’s latest ratings, showing only its cluster', () => {
    const first = histories.start[0];
    const end = histories.start[1];
    const unseen = unseenMovies(compact, first, end, 6);
    expect(Array.from(unseen)).toEqual([4, 5]);
    const windows = candidateWindows(compact, first, end, unseen, clusterOfMovie, null)!;
    expect(windows).toMatchObject({ count: 2, steps: 3, features: 4 });
    // Steps: movie 2 (cluster 0, rated 5), movie 3 (cluster 2, rated 3), then the candidate with its rating hidden.
    const expected = [
      [1, 0, 0, 5, 0, 0, 1, 3, 0, 1, 0, 0],
      [1, 0, 0, 5, 0, 0, 1, 3, 0, 0, 1, 0],
    ];
    expect(Array.from(windows.x)).toEqual(expected.flat());
  });

  it('need as many ratings as a window’s context', () => {
    expect(
      candidateWindows(
        compact,
        histories.start[1],
        histories.start[2],
        Uint32Array.of(0),
        clusterOfMovie,
        null,
      ),
    ).toBeNull();
  });

  it('are refused before allocating more than 1 GiB, naming what to lower', () => {
    // 1 GiB is 268,435,456 floats: 2,000 movies × 100 steps × 1,342 features fit, 1,343 do not.
    expect(candidateWindowsRefusal(2_000, 100, 1_342)).toBeNull();
    expect(candidateWindowsRefusal(17_770, 100, 503)).toBe(
      'Scoring 17,770 unseen movies with the LSTM would take 3.3 GiB of windows (100 steps × 503 features ' +
        'each), more than this tab can hold in one piece (1 GiB): lower the window length in Sequences, k in ' +
        'Cluster, or the movies in Subset.',
    );
  });

  it('rank best first, ties to the lower index', () => {
    expect(topIndices(Float32Array.of(3, 4.5, 4.5, 1, 5), 3)).toEqual([4, 1, 2]);
  });
});

const row = (id: string, testRmse: number, model = id): ComparisonRow => ({
  id,
  model,
  family: 'rating',
  testRmse,
  testMae: testRmse * 0.8,
  valRmse: null,
  params: 10,
  trainingSeconds: 1.5,
  backend: 'cpu',
  epochs: 3,
  testRatings: 100,
});

describe('the comparison', () => {
  it('measures every model against the best', () => {
    const { best, spread } = spreadFromBest([row('a', 0.8), row('b', 0.82), row('c', 0.9)]);
    expect(best?.id).toBe('a');
    expect(spread.get('a')).toBe(0);
    expect(spread.get('b')).toBeCloseTo(0.025, 12);
  });

  it('exports CSV with quoting and JSON with the references', () => {
    const csv = comparisonCsv([row('a', 0.8, 'Baseline, static'), row('b', 1, 'The "best"')]);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(
      'model,family,testRmse,testMae,valRmse,params,trainingSeconds,backend,epochs,testRatings,spreadFromBest',
    );
    expect(lines[1]).toBe('"Baseline, static",rating,0.8,0.6400000000000001,,10,1.5,cpu,3,100,0');
    expect(lines[2]).toMatch(/^"The ""best""",rating,1,/);
    const json = JSON.parse(comparisonJson([row('a', 0.8)], { seed: 42 }));
    expect(json).toMatchObject({ seed: 42, best: 'a', models: [{ id: 'a', spreadFromBest: 0 }] });
    expect(json.references.map((r: { rmse: number }) => r.rmse)).toEqual([
      0.9514, 0.8567, 0.9799, 0.9046, 0.8824,
    ]);
  });
});
