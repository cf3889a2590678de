import { wrap, type Remote } from 'comlink';
import { CancelledError } from '../../lib/cancellation';
import type { BackendReport, TrainMemory } from '../../stages/train/contract';
import type { TrainApi } from '../../../workers/train.worker';
import { createStore } from '../../ui-kit/store';

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

let worker: Worker | null = null;
let api: Remote<TrainApi> | null = null;
let terminated: (() => void) | null = null;
let terminatedPromise: Promise<never> | null = null;

/** The training worker, started on first use and again after a hard cancel (tfjs loads with it). */
function trainWorker(): { api: Remote<TrainApi>; terminatedPromise: Promise<never> } {
  if (!api || !terminatedPromise) {
    worker = new Worker(new URL('../../../workers/train.worker.ts', import.meta.url), {
      type: 'module',
      name: 'prize-lab-train',
    });
    api = wrap<TrainApi>(worker);
    terminatedPromise = new Promise<never>((_, reject) => {
      terminated = () => reject(new CancelledError('The training worker was stopped.'));
    });
    terminatedPromise.catch(() => undefined);
    trainWorkerStore.set({ started: true });
  }
  return { api, terminatedPromise };
}

/**
 * Runs one call on the training worker. A hard cancel (`terminateTrainWorker`) rejects it at once with a
 * `CancelledError` (`isCancelled`): a terminated worker never answers, so its pending calls would wait forever.
 */
export async function onTrainWorker<T>(call: (api: Remote<TrainApi>) => Promise<T>): Promise<T> {
  const current = trainWorker();
  trainWorkerStore.set((state) => ({ busy: state.busy + 1 }));
  try {
    return await Promise.race([call(current.api), current.terminatedPromise]);
  } finally {
    trainWorkerStore.set((state) => ({ busy: Math.max(0, state.busy - 1) }));
    if (api === current.api) void refreshMemory(current.api);
  }
}

/** Asks the worker what it holds (tensors, kept models), for the status bar. */
async function refreshMemory(worker: Remote<TrainApi>): Promise<void> {
  try {
    const memory = await Promise.race([worker.memory(), terminatedPromise]);
    if (api === worker) trainWorkerStore.set({ memory });
  } catch {
    // A worker ended meanwhile holds nothing; terminateTrainWorker has said so.
  }
}

/** Hard cancel: ends the worker and everything it was doing; the next call starts a fresh one. */
export function terminateTrainWorker(): void {
  worker?.terminate();
  terminated?.();
  worker = null;
  api = null;
  terminated = null;
  terminatedPromise = null;
  // The backend stays shown: the next worker selects it again with the same choice.
  trainWorkerStore.set({ busy: 0, started: false, memory: null });
}

export function noteBackend(report: BackendReport): void {
  trainWorkerStore.set({ backend: report });
}
