import { beforeEach, describe, expect, it } from 'vitest';
import { loadRatingsFromPaths } from '../../src/cli/load-paths';
import type { DatasetId, RunId } from '../../src/lib/ids';
import { DEFAULT_CLUSTER_OPTIONS } from '../../src/stages/cluster/compute/cluster-movies';
import { DEFAULT_EXPLORE_OPTIONS } from '../../src/stages/explore/compute/explore-projections';
import { createClusterApi } from '../../src/stages/cluster/worker/cluster-api';
import { createExploreApi } from '../../src/stages/explore/worker/explore-api';
import { createSubsetApi } from '../../src/stages/subset/worker/subset-api';
import type { DataWorkerState } from '../../workers/data-worker-state';
import { dataWorkerState } from '../helpers/data-worker-fixture';

// The worker's functions are plain objects: called directly, with products by typed-array loops.
const { data } = await loadRatingsFromPaths(['public/sample/sample_ratings.txt.gz']);

let state: DataWorkerState;
let subsetId: DatasetId;

beforeEach(() => {
  state = dataWorkerState();
  const registry = state.datasets;
  const datasetId = registry.newId('data');
  registry.add({ id: datasetId, data, source: { kind: 'sample' } });
  subsetId = createSubsetApi(state).makeSubset({
    datasetId,
    options: { users: 600, movies: 120 },
  }).subsetId;
});

describe('the Explore worker function', () => {
  it('projects the subset’s movies on three planes, with hover data for each', async () => {
    const api = createExploreApi(state);
    const steps: string[] = [];
    const result = await api.exploreMatrix(
      {
        subsetId,
        runId: 'run-e' as RunId,
        options: { ...DEFAULT_EXPLORE_OPTIONS, sampleRatings: null },
      },
      (progress) => steps.push(progress.step),
    );
    expect(result.rows).toBe(120);
    expect(result.cols).toBe(600);
    for (const plane of [result.pca, result.sparsePca, result.nmf]) {
      expect(plane.x.length).toBe(120);
      expect(plane.y.length).toBe(120);
      expect(plane.x.every(Number.isFinite) && plane.y.every(Number.isFinite)).toBe(true);
    }
    expect(result.nmf.values).toBe('raw'); // NMF factorizes stars when the matrix is mean-centred
    expect(result.nmf.x.every((v) => v >= 0)).toBe(true);
    expect(result.movies.titles.length).toBe(120);
    expect(result.engine).toMatch(/loops/);
    expect(new Set(steps)).toEqual(new Set(['pca', 'sparse-pca', 'nmf']));
  });

  it('sub-samples ratings as the report’s Figure 1a did', async () => {
    const api = createExploreApi(state);
    const result = await api.exploreMatrix({
      subsetId,
      runId: 'run-s' as RunId,
      options: { ...DEFAULT_EXPLORE_OPTIONS, sampleRatings: 2_000 },
    });
    expect(result.ratings).toBe(2_000);
    expect(result.rowMovie.length).toBe(result.rows);
    expect(result.pca.x.length).toBe(result.rows);
  });

  it('refuses a dataset that is not a subset', async () => {
    const api = createExploreApi(state);
    const request = {
      subsetId: 'data-1' as DatasetId,
      runId: 'r' as RunId,
      options: DEFAULT_EXPLORE_OPTIONS,
    };
    await expect(api.exploreMatrix(request)).rejects.toThrow(/run the Subset cell first/);
  });
});

describe('the Cluster worker functions', () => {
  it('sweep k, report each k as it finishes, and keep the chosen assignment for later stages', async () => {
    const api = createClusterApi(state);
    const runId = 'run-c' as RunId;
    const seen: number[] = [];
    const result = await api.clusterSweep(
      { subsetId, runId, options: { ...DEFAULT_CLUSTER_OPTIONS, kMin: 4, kMax: 9, nInit: 2 } },
      (progress) => {
        if (progress.kind === 'k') seen.push(progress.point.k);
      },
    );
    expect(seen).toEqual([4, 5, 6, 7, 8, 9]);
    expect(result.points.map((p) => p.k)).toEqual(seen);
    expect(
      result.points.every((p) => p.inertia > 0 && p.silhouette > -1 && p.silhouette <= 1),
    ).toBe(true);
    expect(result.suggestedK).toBe(
      result.points.reduce((best, p) => (p.silhouette > best.silhouette ? p : best)).k,
    );
    expect(result.silhouetteSample).toBeNull();
    expect(state.assignments.assignment(subsetId)).toBeNull(); // nothing chosen yet

    const chosen = api.chooseClusterK({ subsetId, runId, k: 6 });
    expect(chosen.table.length).toBe(6);
    expect(chosen.table.reduce((s, row) => s + row.size, 0)).toBe(120);
    expect(chosen.table.every((row) => row.topTitles.length === Math.min(5, row.size))).toBe(true);
    const assignment = state.assignments.assignment(subsetId);
    expect(assignment?.length).toBe(120);
    expect(Math.max(...(assignment as Int32Array))).toBe(5);
    expect(state.assignments.assignmentRef(subsetId)).toEqual({ subsetId, k: 6, runId });

    api.chooseClusterK({ subsetId, runId, k: 9 });
    expect(state.assignments.assignmentRef(subsetId)?.k).toBe(9);
    expect(() => api.chooseClusterK({ subsetId, runId, k: 12 })).toThrow(/not part of the sweep/);
    expect(() => api.chooseClusterK({ subsetId, runId: 'other' as RunId, k: 6 })).toThrow(
      /no longer held/,
    );
  });

  it('stop between iterations when the run is cancelled', async () => {
    const api = createClusterApi(state);
    const runId = 'run-x' as RunId;
    const points: number[] = [];
    const sweep = api.clusterSweep(
      { subsetId, runId, options: { ...DEFAULT_CLUSTER_OPTIONS, kMin: 2, kMax: 60, nInit: 20 } },
      (progress) => {
        if (progress.kind === 'k') points.push(progress.point.k);
      },
    );
    setTimeout(() => state.runs.cancel(runId), 150);
    await expect(sweep).rejects.toThrow(/cancelled/);
    expect(points.length).toBeLessThan(59);
  });

  it('refuse a k range larger than the subset', async () => {
    const api = createClusterApi(state);
    const request = {
      subsetId,
      runId: 'run-z' as RunId,
      options: { ...DEFAULT_CLUSTER_OPTIONS, kMin: 7, kMax: 500 },
    };
    await expect(api.clusterSweep(request)).rejects.toThrow(/larger than the number of movies/);
  });
});
