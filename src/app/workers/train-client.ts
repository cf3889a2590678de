import type { Remote } from 'comlink';
import { CancelledError } from '../../lib/cancellation';
import type { BackendReport, TrainMemory } from '../../stages/train/contract';
import type { TrainApi } from '../../../workers/train.worker';
import { createStore } from '../../ui-kit/store';
import { superviseWorker } from './supervised-worker';

/** What the page knows of the training worker, for the status bar and the model cells. */
export interface TrainWorkerState {
  /** The backend in use once one is chosen (after the first training or an explicit start). */
  backend: BackendReport | null;
  /** Calls in flight. */
  busy: number;
  /** Whether the worker runs (it starts, with tfjs, on the first training or model call). */
  started: boolean;
  /** What it held after its last call; null before the first one ends. */
  memory: TrainMemory | null;
}

export const trainWorkerStore = createStore<TrainWorkerState>({
  backend: null,
  busy: 0,
  started: false,
  memory: null,
});

/** What tfjs and wasm say when an allocation fails. */
const OUT_OF_MEMORY =
  /out of memory|allocation failed|memory access out of bounds|Cannot enlarge memory/i;

/** The training worker, started on first use and again after a hard cancel or a stop (tfjs loads with it). */
const supervised = superviseWorker<TrainApi>({
  name: 'training worker',
  start: () => {
    trainWorkerStore.set({ started: true });
    return new Worker(new URL('../../../workers/train.worker.ts', import.meta.url), {
      type: 'module',
      name: 'prize-lab-train',
    });
  },
  // The models it kept are gone; each cell whose call was pending shows why in its own status.
  onStopped: () => trainWorkerStore.set({ busy: 0, started: false, memory: null }),
});

/**
 * Runs one call on the training worker. A hard cancel (`terminateTrainWorker`) rejects it at once with a
 * `CancelledError` (`isCancelled`), a worker that dies or fails to load with a `WorkerStoppedError`: a
 * stopped worker never answers, so its pending calls would wait forever.
 */
export async function onTrainWorker<T>(call: (api: Remote<TrainApi>) => Promise<T>): Promise<T> {
  trainWorkerStore.set((state) => ({ busy: state.busy + 1 }));
  try {
    return await supervised.call(call);
  } catch (error) {
    const message = (error as Error)?.message ?? '';
    if (!OUT_OF_MEMORY.test(message)) throw error;
    // A wasm heap that ran out leaves tfjs unusable: start the next run on a fresh worker.
    supervised.terminate(new CancelledError('The training worker ran out of memory.'));
    trainWorkerStore.set({ busy: 0, started: false, memory: null });
    throw new Error(
      `The training worker ran out of memory (${message.slice(0, 120)}): lower the batch size or the model's size; it restarts on the next run.`,
      { cause: error },
    );
  } finally {
    trainWorkerStore.set((state) => ({ busy: Math.max(0, state.busy - 1) }));
    if (supervised.started) void refreshMemory();
  }
}

/** Asks the worker what it holds (tensors, kept models), for the status bar. */
async function refreshMemory(): Promise<void> {
  try {
    const memory = await supervised.call((api) => api.memory());
    trainWorkerStore.set({ memory });
  } catch {
    // A worker ended meanwhile holds nothing; its stop has said so.
  }
}

/** Hard cancel: ends the worker and everything it was doing; the next call starts a fresh one. */
export function terminateTrainWorker(): void {
  supervised.terminate(new CancelledError('The training worker was stopped.'));
  // The backend stays shown: the next worker selects it again with the same choice.
  trainWorkerStore.set({ busy: 0, started: false, memory: null });
}

export function noteBackend(report: BackendReport): void {
  trainWorkerStore.set({ backend: report });
}
