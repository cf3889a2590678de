import { loadSample } from '../cells';
import { parseLink } from '../../stages/notebook/compute/share-link';
import { refreshStorage, restoreStored, startSavingUploads } from '../storage/storage-actions';
import { dataWorkerApi } from '../workers/data-client';
import { linkCatalog, notebook, type CellId } from './notebook';
import { startLinkSync } from './notebook-link';
import { writeAllParams } from './param-bindings';
import { runCells } from './runner';
import { seedStore } from './seed';
import { sessionStore } from './session';

function sameFiles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/** Runs the cells the opened link names, once the Data cell is done (at once, or after an upload). */
function runPendingWhenDataIsIn(): void {
  const tryRun = () => {
    const { pendingRun } = sessionStore.get();
    if (pendingRun.length === 0 || notebook.get().data.kind !== 'done') return;
    sessionStore.set({ pendingRun: [] });
    // After this notification the Data cell starts the cells that follow it; let that happen first.
    queueMicrotask(() => void runCells({ only: pendingRun }));
  };
  notebook.subscribe(tryRun);
  tryRun();
}

/** Restores an uploaded dataset this browser keeps for the link's files; false when it has none. */
async function restoreFromStorage(files: string[]): Promise<boolean> {
  const entries = await dataWorkerApi()
    .listStored()
    .catch(() => []);
  const match = entries.find(
    (entry) => entry.kind === 'dataset' && sameFiles(entry.files ?? [], files),
  );
  return match ? restoreStored(match) : false;
}

let opened = false;

/**
 * Opens the notebook from the address bar's hash: the seed and parameters first, then the data (the sample,
 * or an uploaded dataset from this browser's storage, or a request for the files), then the cells the link
 * names. A bare address opens the sample.
 */
export async function openNotebook(): Promise<void> {
  if (opened) return;
  opened = true;
  const link = parseLink(location.hash, linkCatalog());
  if (link.seed !== null) seedStore.set({ seed: link.seed });
  const notices = [...link.warnings, ...writeAllParams(link.params)];
  sessionStore.set({
    fresh: link.fresh,
    linkSource: link.source,
    // parseLink keeps only ids of the catalog's cells, the notebook's.
    pendingRun: link.run.filter((cell) => cell !== 'data') as CellId[],
    notices,
  });
  startLinkSync();
  startSavingUploads();
  runPendingWhenDataIsIn();
  void refreshStorage();

  const source = link.source ?? { kind: 'sample' };
  if (source.kind === 'sample') {
    await loadSample();
    return;
  }
  if (!link.fresh && (await restoreFromStorage(source.files))) return;
  sessionStore.set({ requestedFiles: source.files });
}
