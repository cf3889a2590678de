import { formatBytes } from '../format';
import { CELL_ORDER, CELL_TITLES, notebook } from '../state/notebook';
import { useStore } from '../state/store';
import { dataStore } from '../../stages/ingest/ui/data-store';

/** What is running and what the page holds: the worker's state and the dataset's memory. */
export function StatusBar() {
  const cells = useStore(notebook, (state) => state);
  const loaded = useStore(dataStore, (state) => state.loaded);
  const running = CELL_ORDER.filter((id) => cells[id].kind === 'running').map(
    (id) => CELL_TITLES[id],
  );
  return (
    <div className="status-bar" role="status" aria-label="Status">
      <span>
        Data worker: <strong>{running.length > 0 ? `busy (${running.join(', ')})` : 'idle'}</strong>
      </span>
      <span>
        Dataset in memory: <strong>{loaded ? formatBytes(loaded.summary.bytes) : 'none'}</strong>
      </span>
    </div>
  );
}
