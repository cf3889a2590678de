import { describe, expect, it } from 'vitest';
import type { RatingsData } from '../../src/stages/ingest/compute/ratings-table';
import {
  DatasetAssembler,
  datasetChunk,
  datasetHeader,
  type DatasetChunkV2,
} from '../../src/stages/notebook/compute/dataset-chunks';
import {
  datasetChunkKey,
  datasetKey,
  keysToDelete,
  ownKeys,
  resultKey,
  type StoredEntry,
} from '../../src/stages/notebook/compute/storage-schema';

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

/** Header and chunks as IndexedDB would give them back: structured clones. */
function stored(data: RatingsData, chunkRows: number) {
  const header = datasetHeader(data, ['r.txt'], report, chunkRows);
  const chunks: DatasetChunkV2[] = [];
  for (let i = 0; i < header.chunks; i++)
    chunks.push(structuredClone(datasetChunk(data, header, i)));
  return { header: structuredClone(header), chunks };
}

describe('chunked dataset records', () => {
  it('split 10 rows into chunks of 4, 4 and 2 rows, each in a buffer of its own', () => {
    const data = ratings(10);
    const header = datasetHeader(data, ['r.txt'], report, 4);
    expect(header).toMatchObject({ layout: 2, rows: 10, chunkRows: 4, chunks: 3 });
    const last = datasetChunk(data, header, 2);
    expect(Array.from(last.user)).toEqual([8 % 3, 9 % 3]);
    expect(Array.from(last.day)).toEqual([12008, 12009]);
    // What structured clone copies is the whole buffer: only the chunk's own rows.
    expect(last.user.buffer.byteLength).toBe(2 * 4);
    expect(last.movie.buffer.byteLength).toBe(2 * 4);
    expect(last.code.buffer.byteLength).toBe(2);
    expect(last.day.buffer.byteLength).toBe(2 * 2);
    expect(() => datasetChunk(data, header, 3)).toThrow(/outside 0 … 2/);
  });

  it('assemble back to the same dataset from chunks in any order', () => {
    const data = ratings(10);
    const { header, chunks } = stored(data, 4);
    const assembler = new DatasetAssembler(header);
    for (const i of [2, 0, 1]) assembler.add(chunks[i]);
    expect(assembler.finish()).toEqual(data);
  });

  it('hold a dataset that fills its last chunk exactly', () => {
    const data = ratings(8);
    const { header, chunks } = stored(data, 4);
    expect(header.chunks).toBe(2);
    const assembler = new DatasetAssembler(header);
    chunks.forEach((chunk) => assembler.add(chunk));
    expect(assembler.finish()).toEqual(data);
  });

  it('refuse a missing, repeated, misplaced or short chunk, and damaged contents', () => {
    const { header, chunks } = stored(ratings(10), 4);
    const partial = new DatasetAssembler(header);
    partial.add(chunks[0]);
    partial.add(chunks[2]);
    expect(() => partial.finish()).toThrow(/damaged \(chunk 1 of its 3 chunks is missing\)/);
    expect(() => partial.add(chunks[0])).toThrow(/chunk 0 came twice/);
    expect(() => partial.add({ ...chunks[1], index: 3 })).toThrow(/chunk 3 beyond its 3 chunks/);
    const short = { ...chunks[1], day: chunks[1].day.slice(1) };
    expect(() => new DatasetAssembler(header).add(short)).toThrow(
      /chunk 1 does not hold 4 rows in every column/,
    );
    expect(() => new DatasetAssembler({ ...header, chunks: 2 })).toThrow(
      /header gives 2 chunks for 10 rows/,
    );
    const unknownUser = new DatasetAssembler(header);
    chunks.forEach((chunk, i) =>
      unknownUser.add(i === 1 ? { ...chunk, user: Uint32Array.from([0, 1, 2, 3]) } : chunk),
    );
    expect(() => unknownUser.finish()).toThrow(/a rating names an unknown user/);
  });

  it('keep chunks under keys of their own that name their dataset', () => {
    const key = datasetKey(['r.txt']);
    const keys = ownKeys({ key, chunks: 3 });
    expect(keys).toEqual([key, ...[0, 1, 2].map((i) => datasetChunkKey(key, i))]);
    expect(new Set(keys).size).toBe(4);
    expect(keys.slice(1).every((k) => k.startsWith(`${key}#`))).toBe(true);
    expect(keys).not.toContain(resultKey(key, 'subset', ''));
  });

  it('are deleted with their dataset and its results, and a one-record dataset has no chunk keys', () => {
    const key = datasetKey(['r.txt']);
    const entry = (over: Partial<StoredEntry>): StoredEntry => ({
      key,
      kind: 'dataset',
      label: 'r.txt',
      bytes: 1,
      savedAt: 1,
      layout: 2,
      ...over,
    });
    const result = entry({ key: resultKey(key, 'subset', 'u=5'), kind: 'result', datasetKey: key });
    expect(keysToDelete(key, [entry({ chunks: 2 }), result])).toEqual([
      key,
      datasetChunkKey(key, 0),
      datasetChunkKey(key, 1),
      result.key,
    ]);
    expect(keysToDelete(key, [entry({ layout: 1 })])).toEqual([key]);
  });
});
