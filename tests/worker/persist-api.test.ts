import { describe, expect, it } from 'vitest';
import type { DatasetId } from '../../src/lib/ids';
import type { RatingsData } from '../../src/stages/ingest/compute/ratings-table';
import { toDatasetPayload } from '../../src/stages/notebook/compute/dataset-record';
import {
  datasetChunkKey,
  datasetKey,
  type StoredEntry,
} from '../../src/stages/notebook/compute/storage-schema';
import { createPersistApi } from '../../src/stages/notebook/worker/persist-api';
import type { EntryStore } from '../../src/stages/notebook/worker/persist-store';
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

/** The store, recording what each write held: the largest record says how much one write copied. */
function recording(store: EntryStore) {
  const writes: { key: string; bytes: number }[] = [];
  const bytesOf = (payload: unknown) =>
    Object.values(payload as Record<string, unknown>).reduce<number>(
      (sum, v) => sum + (ArrayBuffer.isView(v) ? v.byteLength : 0),
      0,
    );
  return {
    writes,
    store: {
      ...store,
      put: (entry: StoredEntry, payload: unknown) => {
        writes.push({ key: entry.key, bytes: bytesOf(payload) });
        return store.put(entry, payload);
      },
      putPart: (key: string, payload: unknown) => {
        writes.push({ key, bytes: bytesOf(payload) });
        return store.putPart(key, payload);
      },
    } satisfies EntryStore,
  };
}

function setup(chunkRows = 4) {
  const base = dataWorkerState();
  const { store, writes } = recording(base.store);
  const state = { ...base, store };
  const registry = state.datasets;
  let clock = 1000;
  const api = createPersistApi(state, () => (clock += 1000), chunkRows);
  const add = (files: string[], n = 6) => {
    const id = registry.newId('data');
    registry.add({ id, data: ratings(n), source: { kind: 'upload', files } });
    registry.setCurrent(id);
    return id;
  };
  return { registry, api, add, store, writes };
}

describe('persistence of datasets and results', () => {
  it('stores an uploaded dataset and restores it as the current dataset, the same ratings', async () => {
    const { registry, api, add } = setup();
    const id = add(['r.csv', 'm.csv']);
    const entry = await api.saveDataset({ datasetId: id, report });
    expect(entry).toMatchObject({ kind: 'dataset', label: 'r.csv, m.csv', layout: 2, chunks: 2 });
    expect(entry.bytes).toBeGreaterThan(6 * 11);

    const restored = await api.restoreDataset(entry.key);
    expect(restored.source).toEqual({ kind: 'upload', files: ['r.csv', 'm.csv'] });
    expect(restored.summary.ratings).toBe(6);
    expect(registry.current).toBe(restored.datasetId);
    expect(registry.ids()).toEqual([restored.datasetId]); // the one before was dropped
    expect(registry.get(restored.datasetId).data).toEqual(ratings(6));
  });

  it('writes the columns in chunks, then the entry last, and reads them back', async () => {
    const { registry, api, add, writes } = setup(4);
    const id = add(['r.csv'], 10);
    const entry = await api.saveDataset({ datasetId: id, report });
    const key = datasetKey(['r.csv']);
    expect(writes.map((w) => w.key)).toEqual([
      datasetChunkKey(key, 0),
      datasetChunkKey(key, 1),
      datasetChunkKey(key, 2),
      key,
    ]);
    // A chunk of 4 rows holds 4 × (4 + 4 + 1 + 2) = 44 bytes of columns, never the dataset's 110.
    expect(writes.slice(0, 3).map((w) => w.bytes)).toEqual([44, 44, 22]);
    expect(entry.bytes).toBeGreaterThanOrEqual(110);
    const restored = await api.restoreDataset(entry.key);
    expect(registry.get(restored.datasetId).data).toEqual(ratings(10));
  });

  it('replaces a dataset of more chunks with one of fewer, leaving no chunk behind', async () => {
    const { api, add, store } = setup(4);
    await api.saveDataset({ datasetId: add(['r.csv'], 10), report });
    const entry = await api.saveDataset({ datasetId: add(['r.csv'], 3), report });
    expect(entry.chunks).toBe(1);
    const key = datasetKey(['r.csv']);
    expect(await store.getPayload(datasetChunkKey(key, 1))).toBeUndefined();
    expect((await api.restoreDataset(key)).summary.ratings).toBe(3);
    await api.deleteStored(key);
    expect(await store.getPayload(datasetChunkKey(key, 0))).toBeUndefined();
  });

  it('says a chunked dataset with a lost chunk is damaged, and still reads a one-record dataset', async () => {
    const { api, add, store } = setup(4);
    const entry = await api.saveDataset({ datasetId: add(['r.csv'], 10), report });
    await store.delete([datasetChunkKey(entry.key, 1)]);
    await expect(api.restoreDataset(entry.key)).rejects.toThrow(
      /damaged \(chunk 1 of its 3 chunks is missing\)/,
    );
    const old = datasetKey(['old.csv']);
    const oldEntry: StoredEntry = {
      key: old,
      kind: 'dataset',
      label: 'old.csv',
      bytes: 66,
      savedAt: 1,
      layout: 1,
      files: ['old.csv'],
    };
    await store.put(oldEntry, toDatasetPayload(ratings(6), ['old.csv'], report));
    expect((await api.restoreDataset(old)).summary.ratings).toBe(6);
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
    // The dataset's header, its two chunks of 4 and 2 rows, and the result.
    expect(deleted).toHaveLength(4);
    expect(await api.listStored()).toEqual([]);
  });
});
