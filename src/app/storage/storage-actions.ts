import { formatBytes, formatCount } from '../../ui-kit/format';
import { adoptDataset } from '../cells';
import { currentDataset, onDatasetChange } from '../dataset';
import type { LoadResult } from '../../stages/ingest/contract';
import type { StoredEntry } from '../../stages/notebook/compute/storage-schema';
import type { StoredModelInfo } from '../../stages/train/contract';
import { setCellStatus } from '../state/notebook';
import { cellChanged } from '../state/runner';
import { sessionStore } from '../state/session';
import { dataWorkerApi } from '../workers/data-client';
import { onTrainWorker, trainWorkerStore } from '../workers/train-client';
import { storageStore } from './storage-store';

function failed(error: unknown): void {
  storageStore.set({ error: (error as Error).message ?? String(error), message: null });
}

/** Opens or closes the Storage panel; opening lists everything, the trained models included. */
export function setStoragePanelOpen(open: boolean): void {
  storageStore.set({ panelOpen: open });
  if (open) void refreshStorage();
}

/**
 * Lists what is stored, and how much of the site's quota it takes. Trained models are listed by the training
 * worker, so only when the panel is open or that worker already runs: the page must not load tfjs to open.
 */
export async function refreshStorage(): Promise<void> {
  if (sessionStore.get().fresh) return;
  try {
    if (storageStore.get().panelOpen || trainWorkerStore.get().started) {
      const models = await onTrainWorker((api) => api.listModels());
      storageStore.set({ models });
    }
    const entries = await dataWorkerApi().listStored();
    const estimate = await navigator.storage?.estimate?.().catch(() => null);
    storageStore.set({
      entries,
      estimate:
        estimate?.usage !== undefined && estimate.quota !== undefined
          ? { usage: estimate.usage, quota: estimate.quota }
          : null,
    });
  } catch (error) {
    failed(error);
  }
}

export async function deleteStored(entry: StoredEntry): Promise<void> {
  try {
    const keys = await dataWorkerApi().deleteStored(entry.key);
    storageStore.set({
      message: `Deleted ${entry.label}${keys.length > 1 ? ` and ${keys.length - 1} result(s) computed from it` : ''}.`,
      error: null,
    });
  } catch (error) {
    failed(error);
  }
  await refreshStorage();
}

/** Deletes a trained model from this browser and from the training worker's memory. */
export async function deleteStoredModel(model: StoredModelInfo): Promise<void> {
  try {
    await onTrainWorker((api) => api.removeModel(model.key));
    storageStore.set({ message: `Deleted the trained model “${model.key}”.`, error: null });
  } catch (error) {
    failed(error);
  }
  await refreshStorage();
}

export async function deleteAllStored(): Promise<void> {
  try {
    for (const entry of storageStore.get().entries ?? []) {
      if (entry.kind === 'dataset' || !entry.datasetKey)
        await dataWorkerApi().deleteStored(entry.key);
    }
    for (const model of storageStore.get().models ?? [])
      await onTrainWorker((api) => api.removeModel(model.key));
    storageStore.set({
      message: 'Deleted everything Prize Lab kept in this browser.',
      error: null,
    });
  } catch (error) {
    storageStore.set({
      error: `Not everything could be deleted: ${(error as Error).message}`,
      message: null,
    });
  }
  await refreshStorage();
}

/** Datasets restored from storage: they need no saving again. */
const restoredIds = new Set<string>();

/** Loads a stored dataset into the Data cell, as an upload would, without reading any file. */
export async function restoreStored(entry: StoredEntry): Promise<boolean> {
  const label = `${entry.label} from this browser's storage`;
  const startedAt = performance.now();
  setCellStatus('data', { kind: 'running', label, fraction: null, startedAt });
  try {
    const result: LoadResult = await dataWorkerApi().restoreDataset(entry.key);
    restoredIds.add(result.datasetId);
    adoptDataset(result);
    sessionStore.set({ requestedFiles: null });
    storageStore.set({
      message: `Restored ${entry.label} (${formatBytes(entry.bytes)}) from this browser's storage; nothing was uploaded.`,
      error: null,
    });
    setCellStatus('data', {
      kind: 'done',
      keyFigure: `${formatCount(result.summary.ratings)} ratings`,
      ms: performance.now() - startedAt,
    });
    await cellChanged('data');
    return true;
  } catch (error) {
    setCellStatus('data', { kind: 'error', message: (error as Error).message });
    failed(error);
    return false;
  }
}

/** Keeps each newly uploaded dataset in browser storage (unless the session is fresh). */
export function startSavingUploads(): void {
  let last = currentDataset();
  onDatasetChange(() => {
    const loaded = currentDataset();
    if (loaded === last) return;
    last = loaded;
    if (!loaded || loaded.source.kind !== 'upload' || sessionStore.get().fresh) return;
    if (restoredIds.has(loaded.datasetId) && !loaded.titlesOnly) return;
    if (loaded.summary.bytes > ASK_BEFORE_KEEPING_BYTES) {
      // A copy of this size takes memory while it is written and much of the site's quota: ask first.
      pendingKeep = loaded;
      storageStore.set({
        askToKeep: { label: loaded.source.files.join(', '), bytes: loaded.summary.bytes },
      });
      return;
    }
    void saveUpload(loaded);
  });
}

/** Datasets above this are kept in browser storage only when the person says so. */
export const ASK_BEFORE_KEEPING_BYTES = 256 * 1024 * 1024;

let pendingKeep: LoadResult | null = null;

/** The person's answer to "keep this large dataset in the browser?". */
export function answerKeep(keep: boolean): void {
  const loaded = pendingKeep;
  pendingKeep = null;
  storageStore.set({ askToKeep: null });
  if (keep && loaded && currentDataset() === loaded) void saveUpload(loaded);
}

async function saveUpload(loaded: LoadResult): Promise<void> {
  try {
    const entry = await dataWorkerApi().saveDataset({
      datasetId: loaded.datasetId,
      report: loaded.report,
    });
    storageStore.set({
      message: `Kept ${entry.label} (${formatBytes(entry.bytes)}) in this browser, so a reload needs no upload.`,
      error: null,
    });
    void navigator.storage?.persist?.();
  } catch (error) {
    failed(error);
  }
  await refreshStorage();
}
