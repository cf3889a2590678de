import { formatBytes } from '../format';
import { CELL_ORDER, CELL_TITLES, notebook } from '../state/notebook';
import { useStore } from '../state/store';
import { dataStore } from '../../stages/ingest/ui/data-store';

/**
 * Cross-origin isolation (COOP/COEP headers) is what lets the WASM backend run threads. Hosts that cannot
 * send the headers (GitHub Pages) still run everything, on one thread.
 */
function threadsLine(): { label: string; hint: string } {
  return globalThis.crossOriginIsolated
    ? {
        label: 'multi-threaded WASM available',
        hint: 'The page is cross-origin isolated, so the WASM backend may use threads.',
      }
    : {
        label: 'single-threaded WASM',
        hint: 'This host does not send the COOP/COEP headers that cross-origin isolation needs, so WASM runs on one thread. Everything works, more slowly.',
      };
}

/** What is running and what the page holds: the worker's state, the dataset's memory, threading. */
export function StatusBar() {
  const cells = useStore(notebook, (state) => state);
  const loaded = useStore(dataStore, (state) => state.loaded);
  const running = CELL_ORDER.filter((id) => cells[id].kind === 'running').map(
    (id) => CELL_TITLES[id],
  );
  const threads = threadsLine();
  return (
    <div className="status-bar" role="status" aria-label="Status">
      <span>
        Data worker: <strong>{running.length > 0 ? `busy (${running.join(', ')})` : 'idle'}</strong>
      </span>
      <span>
        Dataset in memory: <strong>{loaded ? formatBytes(loaded.summary.bytes) : 'none'}</strong>
      </span>
      <span title={threads.hint} data-testid="isolation">
        Threads: <strong>{threads.label}</strong>
      </span>
    </div>
  );
}
