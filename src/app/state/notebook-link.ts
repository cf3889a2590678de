import { currentDataset, onDatasetChange } from '../dataset';
import {
  encodeLink,
  type LinkSource,
  type LinkState,
} from '../../stages/notebook/compute/share-link';
import { cellOrder, linkCatalog, notebook } from './notebook';
import { onParamsChange, readAllParams } from './param-bindings';
import { paramsChanged, seedChanged } from './runner';
import { seedStore } from './seed';
import { sessionStore } from './session';

function currentSource(): LinkSource {
  const source = currentDataset()?.source;
  if (source) return source.kind === 'upload' ? { kind: 'upload', files: source.files } : source;
  return sessionStore.get().linkSource ?? { kind: 'sample' };
}

/** The notebook as a link: seed, data source, every chosen parameter, and the cells that are done. */
export function currentLinkState(): LinkState {
  const status = notebook.get();
  return {
    seed: seedStore.get().seed,
    source: currentSource(),
    params: readAllParams(),
    run: cellOrder().filter((id) => status[id].kind === 'done'),
  };
}

function pageUrl(): string {
  return location.href.split('#')[0];
}

/** The link to send someone: this page with the notebook's state in its hash (never `fresh`). */
export function shareLink(): string {
  return `${pageUrl()}#${encodeLink(currentLinkState(), linkCatalog())}`;
}

let syncing = false;

/**
 * Keeps the address bar's hash equal to the notebook's state, so that reloading or bookmarking the page
 * restores it, and marks a cell stale when one of its parameters changes.
 */
export function startLinkSync(): void {
  if (syncing) return;
  syncing = true;
  let scheduled = false;
  let reopening = false;
  const write = () => {
    scheduled = false;
    if (reopening) return;
    const hash = `#${encodeLink(currentLinkState(), linkCatalog())}${sessionStore.get().fresh ? '&fresh=1' : ''}`;
    if (hash !== location.hash) history.replaceState(history.state, '', `${pageUrl()}${hash}`);
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(write);
  };
  // Pasting another link into this tab changes only the hash, which reloads nothing: open it afresh.
  // (history.replaceState, used to keep the hash in step, fires no hashchange.) A state change between the
  // paste and this event may already have written the old state back, so reopen the pasted address itself.
  addEventListener('hashchange', (event) => {
    reopening = true;
    history.replaceState(history.state, '', event.newURL);
    location.reload();
  });
  onParamsChange((cell) => {
    paramsChanged(cell);
    schedule();
  });
  notebook.subscribe(schedule);
  onDatasetChange(schedule);
  let seed = seedStore.get().seed;
  seedStore.subscribe(() => {
    if (seedStore.get().seed === seed) return;
    seed = seedStore.get().seed;
    seedChanged();
    schedule();
  });
  schedule();
}
