import { describe, expect, it } from 'vitest';
import type { DatasetId } from '../../src/lib/ids';
import type { RatingsData } from '../../src/stages/ingest/compute/ratings-table';
import { datasetKey } from '../../src/stages/notebook/compute/storage-schema';
import { createPersistApi } from '../../src/stages/notebook/worker/persist-api';
import { dataWorkerState } from '../helpers/data-worker-fixture';

function ratings(n: number): RatingsData {
  return {
    table: {
      user: Uint32Array.from({ length: n }, (_, i) => i % 3),
      movie: Uint32Array.from({ length: n }, (_, i) => i % 2),
      code: Uint8Array.from({ length: n }, (_, i) => i % 5),
      day: Uint16Array.from({ length: n }, (_, i) => 12000 + i),
      ratingValues: Float32Array.from([1, 2, 3, 4, 5]),
    },
    userIds: { kind: 'text', ids: ['ann', 'bob', 'cy'] },
    movieIds: { kind: 'int', ids: Float64Array.from([10, 20]) },
    movies: [{ title: 'Ten', year: 1999 }, null],
  };
}

const report = { files: [], skippedLines: 0, badLines: [], titles: null };

function setup() {
  const state = dataWorkerState();
  const registry = state.datasets;
  let clock = 1000;
  const api = createPersistApi(state, () => (clock += 1000));
  const add = (files: string[], n = 6) => {
    const id = registry.newId('data');
    registry.add({ id, data: ratings(n), source: { kind: 'upload', files } });
    registry.setCurrent(id);
    return id;
  };
  return { registry, api, add };
}

describe('persistence of datasets and results', () => {
  it('stores an uploaded dataset and restores it as the current dataset, the same ratings', async () => {
    const { registry, api, add } = setup();
    const id = add(['r.csv', 'm.csv']);
    const entry = await api.saveDataset({ datasetId: id, report });
    expect(entry).toMatchObject({ kind: 'dataset', label: 'r.csv, m.csv', layout: 1 });
    expect(entry.bytes).toBeGreaterThan(6 * 11);

    const restored = await api.restoreDataset(entry.key);
    expect(restored.source).toEqual({ kind: 'upload', files: ['r.csv', 'm.csv'] });
    expect(restored.summary.ratings).toBe(6);
    expect(registry.current).toBe(restored.datasetId);
    expect(registry.ids()).toEqual([restored.datasetId]); // the one before was dropped
    expect(registry.get(restored.datasetId).data).toEqual(ratings(6));
  });

  it('keeps one dataset per set of files, newest first in the listing', async () => {
    const { api, add } = setup();
    await api.saveDataset({ datasetId: add(['a.csv']), report });
    await api.saveDataset({ datasetId: add(['b.csv']), report });
    await api.saveDataset({ datasetId: add(['a.csv'], 9), report });
    const listed = await api.listStored();
    expect(listed.map((e) => e.label)).toEqual(['a.csv', 'b.csv']);
    expect((await api.restoreDataset(datasetKey(['a.csv']))).summary.ratings).toBe(9);
  });

  it('refuses to store the sample, and says when a dataset is gone', async () => {
    const { registry, api } = setup();
    const id = 'data-9' as DatasetId;
    registry.add({ id, data: ratings(3), source: { kind: 'sample' } });
    await expect(api.saveDataset({ datasetId: id, report })).rejects.toThrow(/Only uploaded/);
    await expect(api.restoreDataset(datasetKey(['x.csv']))).rejects.toThrow(/no longer stored/);
  });

  it('keeps results by dataset, cell and parameters, and deletes them with their dataset', async () => {
    const { api, add } = setup();
    const dataset = (await api.saveDataset({ datasetId: add(['a.csv']), report })).key;
    const value = { inertia: Float64Array.from([3, 2, 1]) };
    await api.saveResult({
      datasetKey: dataset,
      cell: 'cluster',
      params: 'k=7',
      label: 'Cluster k=7',
      value,
      bytes: 24,
    });
    expect(await api.loadResult({ datasetKey: dataset, cell: 'cluster', params: 'k=7' })).toEqual(
      value,
    );
    expect(
      await api.loadResult({ datasetKey: dataset, cell: 'cluster', params: 'k=8' }),
    ).toBeNull();
    const deleted = await api.deleteStored(dataset);
    expect(deleted).toHaveLength(2);
    expect(await api.listStored()).toEqual([]);
  });
});
