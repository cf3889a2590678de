import { loadSample } from '../cells';
import { parseLink } from '../../stages/notebook/compute/share-link';
import { refreshStorage, restoreStored, startSavingUploads } from '../storage/storage-actions';
import { dataWorkerApi } from '../workers/data-client';
import { cellDefinition, linkCatalog, notebook, type CellId } from './notebook';
import { startLinkSync } from './notebook-link';
import { writeAllParams } from './param-bindings';
import { runCells } from './runner';
import { seedStore } from './seed';
import { sessionStore } from './session';

function sameFiles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/**
 * Once the Data cell is done (at once, or after an upload), the cells the opened link names: those that only
 * follow the data (Subset, Explore, Sequences) run as they would anyway; if the link names any other, nothing
 * more starts until the person has seen the plan and its cost and asked for it (`runLinkPlan`).
 */
function runPendingWhenDataIsIn(): void {
  const tryRun = () => {
    const { pendingRun } = sessionStore.get();
    if (pendingRun.length === 0 || notebook.get().data.kind !== 'done') return;
    const asks = pendingRun.some((id) => !cellDefinition(id).followsInputs);
    sessionStore.set({ pendingRun: [], linkPlan: asks ? pendingRun : null });
    // After this notification the Data cell starts the cells that follow it; let that happen first.
    if (!asks) queueMicrotask(() => void runCells({ only: pendingRun }));
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

const MAX_NOTICES = 8;
const MAX_NOTICE_LENGTH = 200;

/** A link's warnings, at most 8 of at most 200 characters each: a crafted link cannot flood the page. */
export function cappedNotices(all: readonly string[]): string[] {
  const cut = (text: string) =>
    text.length > MAX_NOTICE_LENGTH ? `${text.slice(0, MAX_NOTICE_LENGTH - 1)}…` : text;
  const shown = all.slice(0, MAX_NOTICES).map(cut);
  if (all.length > MAX_NOTICES) shown.push(`… and ${all.length - MAX_NOTICES} more.`);
  return shown;
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
  const notices = cappedNotices([...link.warnings, ...writeAllParams(link.params)]);
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

/** The person asked for the opened link's cells: run them (what is already done is skipped). */
export function runLinkPlan(): void {
  const plan = sessionStore.get().linkPlan;
  sessionStore.set({ linkPlan: null });
  // The plan showed each cell's cost: its long runs need no second question.
  if (plan) void runCells({ only: plan, confirmed: true });
}
