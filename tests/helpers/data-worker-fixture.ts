/**
 * The data worker's functions built in Node without a Worker, over a small generated dataset already cut to a
 * subset, as the Data and Subset cells leave it; `chooseClustering` stands in for the Cluster cell's choice.
 */
import type { DatasetId, RunId } from '../../src/lib/ids';
import { movieRatingStats } from '../../src/stages/explore/compute/movie-user-matrix';
import type { RatingsData } from '../../src/stages/ingest/compute/ratings-table';
import { memoryEntryStore } from '../../src/stages/notebook/worker/persist-store';
import { createSubsetApi } from '../../src/stages/subset/worker/subset-api';
import { createDataWorkerState, type DataWorkerState } from '../../workers/data-worker-state';
import { generatedRatings } from './ratings-fixture';

/** ≈ 150 users × 60 movies of the sample generator, cut to the top 100 × 40: a few thousand ratings. */
const DATA = generatedRatings({ users: 150, movies: 60, meanRatingsPerUser: 30 });

/** A fresh data worker state of its own, as the worker's entry makes one: products by typed-array loops. */
export function dataWorkerState(): DataWorkerState {
  return createDataWorkerState({
    tensorOps: () => Promise.resolve({ tf: null }),
    store: memoryEntryStore(),
  });
}

export function dataWorkerWithSubset(size = { users: 100, movies: 40 }) {
  const state = dataWorkerState();
  const { datasets: registry, runs } = state;
  const datasetId = registry.newId('data');
  registry.add({ id: datasetId, data: DATA, source: { kind: 'sample' } });
  registry.setCurrent(datasetId);
  const subsetApi = createSubsetApi(state);
  const { subsetId } = subsetApi.makeSubset({ datasetId, options: size });
  const subset = (): RatingsData => registry.get(subsetId).data;
  return { state, registry, runs, datasetId, subsetId, subset, subsetApi };
}

let sweeps = 0;

/**
 * Holds a clustering of the subset's movies (movie m in cluster m mod k) and chooses it, as the Cluster cell's
 * sweep and choice of k do; returns the cluster of each movie.
 */
export function chooseClustering(
  state: DataWorkerState,
  subsetId: DatasetId,
  k: number,
): Int32Array {
  const data = state.datasets.get(subsetId).data;
  const labels = Int32Array.from({ length: data.movieIds.ids.length }, (_, m) => m % k);
  const runId = `sweep-${++sweeps}` as RunId;
  state.assignments.hold(
    {
      subsetId,
      runId,
      labels: new Map([[k, labels]]),
      stats: movieRatingStats(data),
      chosenK: null,
    },
    state.datasets.ids(),
  );
  return state.assignments.choose(subsetId, runId, k);
}

/**
 * Each user's table rows in time order, computed the slow, obvious way (ties: movie id, then row), to check
 * the worker's histories and windows against.
 */
export function bruteForceHistories(data: RatingsData): number[][] {
  const { user, day, movie } = data.table;
  const ids = data.movieIds.ids as Float64Array;
  const byUser: number[][] = Array.from({ length: data.userIds.ids.length }, () => []);
  for (let r = 0; r < user.length; r++) byUser[user[r]].push(r);
  for (const rows of byUser)
    rows.sort((a, b) => day[a] - day[b] || ids[movie[a]] - ids[movie[b]] || a - b);
  return byUser;
}

/** Label rows of a user's windows, latest first, counted back from the latest rating `stride` at a time. */
export function bruteForceLabels(
  history: number[],
  options: { steps: number; stride: number; maxPerUser: number | null },
): number[] {
  const labels: number[] = [];
  for (let p = history.length - 1; p >= options.steps - 1; p -= options.stride) {
    if (options.maxPerUser !== null && labels.length === options.maxPerUser) break;
    labels.push(history[p]);
  }
  return labels;
}
