import type { DatasetId } from '../../../lib/ids';
import type { LoadReport } from '../../ingest/compute/load-files';
import { summarizeRatings } from '../../ingest/compute/summarize';
import type { LoadResult } from '../../ingest/contract';
import {
  DATASET_LAYOUT,
  datasetPayloadBytes,
  fromDatasetPayload,
  migrateDatasetPayload,
  toDatasetPayload,
  type DatasetPayloadV0,
  type DatasetPayloadV1,
} from '../compute/dataset-record';
import {
  datasetKey,
  isStoredEntry,
  keysToDelete,
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
 * typed arrays, so nothing large crosses to the page. `now` is injected for tests.
 */
export function createPersistApi(
  state: { datasets: DatasetRegistry; store: EntryStore },
  now: () => number = Date.now,
) {
  const { datasets: registry, store } = state;
  return {
    /** Keeps an uploaded dataset, so that reloading the page needs no upload. Replaces one of the same files. */
    async saveDataset(request: SaveDatasetRequest): Promise<StoredEntry> {
      const held = registry.get(request.datasetId);
      if (held.source.kind !== 'upload')
        throw new Error('Only uploaded datasets are stored; the sample loads from the site.');
      const files = held.source.files;
      const payload = toDatasetPayload(held.data, files, request.report);
      const entry: StoredEntry = {
        key: datasetKey(files),
        kind: 'dataset',
        label: files.join(', '),
        bytes: datasetPayloadBytes(payload),
        savedAt: now(),
        layout: DATASET_LAYOUT,
        files,
      };
      await store.put(entry, payload);
      return entry;
    },

    /** Reads a stored dataset back into the worker and makes it the current one. */
    async restoreDataset(key: string): Promise<LoadResult> {
      const stored = (await store.getPayload(key)) as
        DatasetPayloadV0 | DatasetPayloadV1 | undefined;
      if (!stored) throw new Error('That dataset is no longer stored in this browser.');
      const payload = migrateDatasetPayload(stored);
      const data = fromDatasetPayload(payload);
      const source = { kind: 'upload' as const, files: payload.files };
      const id = registry.newId('data');
      registry.add({ id, data, source });
      registry.setCurrent(id);
      return {
        datasetId: id,
        source,
        summary: summarizeRatings(data),
        report: payload.report,
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
      const keys = keysToDelete(key, await store.list());
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
}
