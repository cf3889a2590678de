import { describe, expect, it } from 'vitest';
import type { RatingsData } from '../../src/stages/ingest/compute/ratings-table';
import type { LoadReport } from '../../src/stages/ingest/compute/load-files';
import {
  datasetPayloadBytes,
  fromDatasetPayload,
  migrateDatasetPayload,
  toDatasetPayload,
  type DatasetPayloadV0,
} from '../../src/stages/notebook/compute/dataset-record';
import {
  DB_VERSION,
  datasetKey,
  isStoredEntry,
  keysToDelete,
  resultKey,
  upgradeSteps,
  type StoredEntry,
} from '../../src/stages/notebook/compute/storage-schema';

/** 3 users × 2 movies, 4 ratings, one title missing. */
function tinyData(): RatingsData {
  return {
    table: {
      user: Uint32Array.from([0, 1, 2, 0]),
      movie: Uint32Array.from([0, 0, 1, 1]),
      code: Uint8Array.from([4, 2, 0, 3]),
      day: Uint16Array.from([12000, 12001, 12002, 12003]),
      ratingValues: Float32Array.from([1, 2, 3, 4, 5]),
    },
    userIds: { kind: 'int', ids: Float64Array.from([6, 7, 79]) },
    movieIds: { kind: 'int', ids: Float64Array.from([1, 8]) },
    movies: [{ title: 'Dinosaur Planet', year: 2003 }, null],
  };
}

const report: LoadReport = {
  files: [
    {
      name: 'r.txt',
      format: 'Netflix Prize ratings',
      lines: 6,
      ratings: 4,
      titles: 0,
      skippedLines: 0,
    },
  ],
  skippedLines: 0,
  badLines: [],
  titles: null,
};

describe('storage layout', () => {
  it('creates both stores from an empty browser, and nothing for one already current', () => {
    expect(upgradeSteps(0).flatMap((s) => s.createStores)).toEqual(['entries', 'payloads']);
    expect(upgradeSteps(DB_VERSION)).toEqual([]);
    expect(() => upgradeSteps(DB_VERSION + 1)).toThrow(/newer version/);
  });

  it('keys a dataset by its set of file names, whatever their order, versioned', () => {
    expect(datasetKey(['b.csv', 'a, 1.csv'])).toBe(datasetKey(['a, 1.csv', 'b.csv']));
    expect(datasetKey(['a, 1.csv', 'b.csv'])).toBe('v1/dataset/a%2C%201.csv,b.csv');
    expect(datasetKey(['a.csv'])).not.toBe(datasetKey(['a.csv', 'b.csv']));
    const key = resultKey(datasetKey(['a.csv']), 'cluster', 'cluster.kMin=7&cluster.kMax=30');
    expect(key).toBe('v1/result/cluster/cluster.kMin%3D7%26cluster.kMax%3D30@v1/dataset/a.csv');
  });

  it("deletes a dataset's results with it", () => {
    const dataset = datasetKey(['a.csv']);
    const other = datasetKey(['b.csv']);
    const entry = (key: string, datasetKeyOf?: string): StoredEntry => ({
      key,
      kind: datasetKeyOf ? 'result' : 'dataset',
      label: key,
      bytes: 1,
      savedAt: 0,
      layout: 1,
      datasetKey: datasetKeyOf,
    });
    const entries = [
      entry(dataset),
      entry(other),
      entry(resultKey(dataset, 'cluster', 'k=7'), dataset),
      entry(resultKey(other, 'cluster', 'k=7'), other),
    ];
    expect(keysToDelete(dataset, entries)).toEqual([dataset, resultKey(dataset, 'cluster', 'k=7')]);
  });

  it('stores a dataset and reads it back unchanged', () => {
    const data = tinyData();
    const payload = toDatasetPayload(data, ['r.txt'], report);
    const copy = structuredClone(payload);
    expect(fromDatasetPayload(migrateDatasetPayload(copy))).toEqual(data);
    expect(datasetPayloadBytes(payload)).toBeGreaterThan(4 * 11 + 5 * 4);
  });

  it('migrates a layout-0 payload to the current layout', () => {
    const data = tinyData();
    const v0: DatasetPayloadV0 = {
      files: ['r.txt'],
      ...data.table,
      userIds: data.userIds,
      movieIds: data.movieIds,
      movies: data.movies,
    };
    const current = migrateDatasetPayload(v0);
    expect(current.layout).toBe(1);
    expect(current.files).toEqual(['r.txt']);
    expect(current.report.files.map((f) => f.name)).toEqual(['r.txt']);
    expect(fromDatasetPayload(current)).toEqual(data);
    expect(() => migrateDatasetPayload({ ...current, layout: 7 } as never)).toThrow(/layout 7/);
  });

  it('refuses a damaged payload with a reason', () => {
    const payload = toDatasetPayload(tinyData(), ['r.txt'], report);
    payload.table.movie = Uint32Array.from([0, 0, 5, 1]);
    payload.table.code = Uint8Array.from([4, 2, 0]);
    expect(() => fromDatasetPayload(payload)).toThrow(
      'The stored dataset is damaged (its columns differ in length; a rating names an unknown movie); delete it in the Storage panel and load the files again.',
    );
  });
});

describe('records read back from storage', () => {
  it('are entries only when well-formed; a damaged one is left out', () => {
    const good = {
      key: 'k',
      kind: 'dataset',
      label: 'a.txt',
      bytes: 10,
      savedAt: 1,
      layout: 1,
      files: ['a.txt'],
    };
    expect(isStoredEntry(good)).toBe(true);
    expect(isStoredEntry({ ...good, label: 42 })).toBe(false);
    expect(isStoredEntry({ ...good, files: [1] })).toBe(false);
    expect(isStoredEntry({ ...good, kind: 'other' })).toBe(false);
    expect(isStoredEntry(null)).toBe(false);
  });
});

describe('a dataset restored with a damaged title', () => {
  it('keeps every rating and drops only the title that is not text', () => {
    const payload = toDatasetPayload(tinyData(), ['a.txt'], report);
    const damaged = {
      ...payload,
      movies: [{ title: 7, year: 2001 }, ...payload.movies.slice(1)],
    } as unknown as typeof payload;
    const restored = fromDatasetPayload(damaged);
    expect(restored.movies[0]).toBeNull();
    expect(restored.table.user.length).toBe(tinyData().table.user.length);
  });
});
