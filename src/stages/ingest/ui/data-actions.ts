import { proxy } from 'comlink';
import { formatCount } from '../../../ui-kit/format';
import { setCellStatus } from '../../../app/state/notebook';
import { latestPerFrame } from '../../../ui-kit/per-frame';
import { cellChanged } from '../../../app/state/runner';
import { dataWorkerApi, newRunId } from '../../../app/workers/data-client';
import { isCancelled } from '../../../lib/cancellation';
import type { RunId } from '../../../lib/ids';
import type { DelimitedLayout, LoadProgress, LoadResult } from '../contract';
import { dataStore } from './data-store';

/** The bundled sample's files, relative to wherever the app is hosted. */
const SAMPLE_FILES = ['sample/sample_ratings.txt.gz', 'sample/sample_movie_titles.csv.gz'];

function sampleUrls(): string[] {
  return SAMPLE_FILES.map(
    (file) => new URL(`${import.meta.env.BASE_URL}${file}`, document.baseURI).href,
  );
}

async function runLoad(
  label: string,
  start: (runId: RunId, onProgress: (p: LoadProgress) => void) => Promise<LoadResult>,
) {
  const runId = newRunId<RunId>();
  const startedAt = performance.now();
  dataStore.set({
    loading: { runId, label, startedAt, progress: null },
    error: null,
    pendingMapping: null,
  });
  setCellStatus('data', { kind: 'running', label, fraction: null, startedAt });
  const onProgress = latestPerFrame((progress: LoadProgress) => {
    const loading = dataStore.get().loading;
    if (loading?.runId !== runId) return;
    dataStore.set({ loading: { ...loading, progress } });
    const fraction = progress.totalBytes ? progress.bytesRead / progress.totalBytes : null;
    setCellStatus('data', { kind: 'running', label, fraction, startedAt });
  });
  try {
    const result = await start(runId, proxy(onProgress));
    dataStore.set({ loaded: result, loading: null });
    setCellStatus('data', {
      kind: 'done',
      keyFigure: `${formatCount(result.summary.ratings)} ratings`,
      ms: performance.now() - startedAt,
    });
    await cellChanged('data');
  } catch (error) {
    const { loaded } = dataStore.get();
    const cancelled = isCancelled(error);
    const message = cancelled ? 'The load was cancelled.' : (error as Error).message;
    dataStore.set({ loading: null, error: message });
    if (loaded) {
      setCellStatus('data', {
        kind: 'done',
        keyFigure: `${formatCount(loaded.summary.ratings)} ratings`,
        ms: 0,
      });
    } else {
      setCellStatus('data', { kind: 'error', message });
    }
  }
}

export function loadSample(): Promise<void> {
  return runLoad('the bundled sample', (runId, onProgress) =>
    dataWorkerApi().loadSample({ runId, urls: sampleUrls() }, onProgress),
  );
}

/** Inspects dropped or chosen files; delimited files wait for the person to confirm their columns. */
export async function chooseFiles(files: File[]): Promise<void> {
  if (files.length === 0) return;
  const inspections = await dataWorkerApi().inspectFiles(files);
  if (inspections.some((inspection) => inspection.proposal !== null)) {
    dataStore.set({ pendingMapping: { files, inspections }, error: null });
    return;
  }
  await loadFiles(files, {});
}

export function loadFiles(files: File[], layouts: Record<string, DelimitedLayout>): Promise<void> {
  const label = files.length === 1 ? files[0].name : `${files.length} files`;
  return runLoad(label, (runId, onProgress) =>
    dataWorkerApi()
      .loadFiles(files, { runId, layouts }, onProgress)
      .then((result) => ({ ...result, layouts })),
  );
}

export function dismissMapping(): void {
  dataStore.set({ pendingMapping: null });
}

export function cancelLoad(): void {
  const loading = dataStore.get().loading;
  if (loading) void dataWorkerApi().cancelRun(loading.runId);
}

/** Makes a dataset restored from this browser's storage the one in use, as a finished load would. */
export function adoptDataset(result: LoadResult): void {
  dataStore.set({ loaded: result, loading: null, error: null, pendingMapping: null });
}
