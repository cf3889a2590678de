import { formatBytes } from '../../ui-kit/format';
import { cellDefinition, cellOrder, cellTitle, notebook, type CellId } from '../state/notebook';
import { useStore } from '../../ui-kit/store';
import { trainWorkerStore } from '../workers/train-client';
import { useCellResult } from '../state/cell-results';
import { describeBackend } from '../../stages/train/compute/backend-labels';

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

function workerLine(running: string[], idle: string): string {
  return running.length > 0 ? `busy (${running.join(', ')})` : idle;
}

/** What is running and what the page holds: both workers' states, the backend, memory, threading. */
export function StatusBar() {
  const cells = useStore(notebook, (state) => state);
  const loaded = useCellResult('data');
  const training = useStore(trainWorkerStore, (state) => state);
  const running = cellOrder().filter((id) => cells[id].kind === 'running');
  const onTrainingWorker = (id: CellId) => cellDefinition(id).onTrainingWorker === true;
  const onData = running.filter((id) => !onTrainingWorker(id)).map(cellTitle);
  const onTraining = running.filter(onTrainingWorker).map(cellTitle);
  const models = training.memory;
  const threads = threadsLine();
  return (
    <div className="status-bar" role="status" aria-label="Status">
      <span data-testid="data-worker">
        Data worker: <strong>{workerLine(onData, 'idle')}</strong>
      </span>
      <span data-testid="training-worker">
        Training worker:{' '}
        <strong>{workerLine(onTraining, training.started ? 'idle' : 'not started')}</strong>
      </span>
      <span data-testid="status-backend" title="The tfjs backend that trains the models">
        Backend:{' '}
        <strong>
          {training.backend ? describeBackend(training.backend) : 'chosen at the first training'}
        </strong>
      </span>
      <span data-testid="dataset-memory">
        Dataset in memory: <strong>{loaded ? formatBytes(loaded.summary.bytes) : 'none'}</strong>
      </span>
      <span
        data-testid="model-memory"
        title="Tensors the training worker holds: the trained models kept for Recommend and downloads"
      >
        Models in memory:{' '}
        <strong>
          {models
            ? `${models.models} (${formatBytes(models.bytes)}, ${models.tensors} tensors)`
            : 'none'}
        </strong>
      </span>
      <span title={threads.hint} data-testid="isolation">
        Threads: <strong>{threads.label}</strong>
      </span>
    </div>
  );
}
