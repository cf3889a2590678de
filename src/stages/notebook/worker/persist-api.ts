import type { DatasetId } from '../../../lib/ids';
import type { LoadReport } from '../../ingest/compute/load-files';
import { summarizeRatings } from '../../ingest/compute/summarize';
import type { LoadResult } from '../../ingest/contract';
import {
  datasetPayloadBytes,
  fromDatasetPayload,
  migrateDatasetPayload,
  toDatasetPayload,
  type DatasetPayloadV0,
  type DatasetPayloadV1,
} from '../compute/dataset-record';
import {
  DATASET_CHUNK_ROWS,
  DATASET_CHUNKED_LAYOUT,
  DatasetAssembler,
  datasetChunk,
  datasetHeader,
  type DatasetChunkV2,
  type DatasetHeaderV2,
} from '../compute/dataset-chunks';
import {
  datasetChunkKey,
  datasetKey,
  isStoredEntry,
  keysToDelete,
  ownKeys,
  resultKey,
  type StoredEntry,
} from '../compute/storage-schema';
import type { EntryStore } from './persist-store';
import type { DatasetRegistry } from '../../../worker-kit/dataset-registry';

export interface SaveDatasetRequest {
  datasetId: DatasetId;
  /** The load's report, shown again when the dataset is restored. */
  report: LoadReport;
}

export interface SaveResultRequest {
  /** Storage key of the dataset the result was computed from. */
  datasetKey: string;
  cell: string;
  /** The cell's parameters in link encoding (`a=1&b=2`): a result is reused only for the same ones. */
  params: string;
  /** What the Storage panel shows. */
  label: string;
  /** Plain data (structured-cloneable); typed arrays stay binary. */
  value: unknown;
  /** Bytes of `value`, as the caller knows best. */
  bytes: number;
}

/**
 * Keeps datasets and results in browser storage. Datasets are saved from the data worker, which holds their
 * typed arrays, so nothing large crosses to the page. `now` and `chunkRows` are injected for tests.
 */
export function createPersistApi(
  state: { datasets: DatasetRegistry; store: EntryStore },
  now: () => number = Date.now,
  chunkRows: number = DATASET_CHUNK_ROWS,
) {
  const { datasets: registry, store } = state;
  return {
    /**
     * Keeps an uploaded dataset, so that reloading the page needs no upload. Replaces one of the same files.
     * The columns go in chunks of `chunkRows` rows, one record each, so the save holds one chunk's copy at a
     * time, never a second copy of the whole dataset. The old record goes first and the entry last: a save
     * cut short leaves no entry, so it is never read back as a dataset.
     */
    async saveDataset(request: SaveDatasetRequest): Promise<StoredEntry> {
      const held = registry.get(request.datasetId);
      if (held.source.kind !== 'upload')
        throw new Error('Only uploaded datasets are stored; the sample loads from the site.');
      const files = held.source.files;
      const key = datasetKey(files);
      const previous = (await store.list()).find((e) => e.key === key);
      if (previous) await store.delete(ownKeys(previous));
      const header = datasetHeader(held.data, files, request.report, chunkRows);
      for (let index = 0; index < header.chunks; index++)
        await store.putPart(datasetChunkKey(key, index), datasetChunk(held.data, header, index));
      const entry: StoredEntry = {
        key,
        kind: 'dataset',
        label: files.join(', '),
        // The columns are only referenced here, not copied: this counts what the records hold.
        bytes: datasetPayloadBytes(toDatasetPayload(held.data, files, request.report)),
        savedAt: now(),
        layout: DATASET_CHUNKED_LAYOUT,
        files,
        chunks: header.chunks,
      };
      await store.put(entry, header);
      return entry;
    },

    /** Reads a stored dataset back into the worker and makes it the current one. */
    async restoreDataset(key: string): Promise<LoadResult> {
      const stored = (await store.getPayload(key)) as
        DatasetPayloadV0 | DatasetPayloadV1 | DatasetHeaderV2 | undefined;
      if (!stored) throw new Error('That dataset is no longer stored in this browser.');
      const { data, files, report } =
        stored.layout === DATASET_CHUNKED_LAYOUT
          ? await readChunked(key, stored)
          : readOneRecord(stored);
      const source = { kind: 'upload' as const, files };
      const id = registry.newId('data');
      registry.add({ id, data, source });
      registry.setCurrent(id);
      return {
        datasetId: id,
        source,
        summary: summarizeRatings(data),
        report,
        titlesOnly: false,
      };
    },

    /** Everything stored, newest first. */
    async listStored(): Promise<StoredEntry[]> {
      // A damaged record is left out: it is never shown, restored or deleted by accident.
      return (await store.list()).filter(isStoredEntry).sort((a, b) => b.savedAt - a.savedAt);
    },

    /** Deletes a stored thing (a dataset with its results); returns the keys deleted. */
    async deleteStored(key: string): Promise<string[]> {
      const keys = keysToDelete(key, (await store.list()).filter(isStoredEntry));
      await store.delete(keys);
      return keys;
    },

    /** Keeps a cell's result for a dataset and parameters, for cells whose results are slow to compute. */
    async saveResult(request: SaveResultRequest): Promise<StoredEntry> {
      const entry: StoredEntry = {
        key: resultKey(request.datasetKey, request.cell, request.params),
        kind: 'result',
        label: request.label,
        bytes: request.bytes,
        savedAt: now(),
        layout: 1,
        datasetKey: request.datasetKey,
      };
      await store.put(entry, request.value);
      return entry;
    },

    /** A kept result for this dataset, cell and parameters, or null. */
    async loadResult(request: {
      datasetKey: string;
      cell: string;
      params: string;
    }): Promise<unknown> {
      const value = await store.getPayload(
        resultKey(request.datasetKey, request.cell, request.params),
      );
      return value ?? null;
    },
  };

  /** A chunked dataset: the columns are allocated once and filled a chunk at a time. */
  async function readChunked(key: string, header: DatasetHeaderV2) {
    const assembler = new DatasetAssembler(header);
    for (let index = 0; index < header.chunks; index++) {
      const chunk = (await store.getPayload(datasetChunkKey(key, index))) as
        DatasetChunkV2 | undefined;
      // A missing chunk is named by `finish`, with the others' count.
      if (chunk !== undefined) assembler.add(chunk);
    }
    return { data: assembler.finish(), files: header.files, report: header.report };
  }
}

/** A dataset stored in one record, as before chunks (layouts 0 and 1). */
function readOneRecord(stored: DatasetPayloadV0 | DatasetPayloadV1) {
  const payload = migrateDatasetPayload(stored);
  return { data: fromDatasetPayload(payload), files: payload.files, report: payload.report };
}
