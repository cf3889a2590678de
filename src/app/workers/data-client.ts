import type { Remote } from 'comlink';
import type { DataApi } from '../../../workers/data.worker';
import { markDownstreamStale, notebook, setCellStatus } from '../state/notebook';
import { superviseWorker, type WorkerStoppedError } from './supervised-worker';

/**
 * When the data worker stops, the ratings it held are gone: the Data cell says so and what follows it is
 * stale; each cell whose call was pending shows the stop in its own status.
 */
function dataWorkerStopped(error: WorkerStoppedError): void {
  if (!notebook.get().data) return;
  setCellStatus('data', {
    kind: 'error',
    message: `${error.message.replace(/ Run the cell again to restart it\.$/, '')}, and the ratings it held with it: run the Data cell again (the sample reloads; choose your files again).`,
  });
  markDownstreamStale('data');
}

const supervised = superviseWorker<DataApi>({
  name: 'data worker',
  start: () =>
    new Worker(new URL('../../../workers/data.worker.ts', import.meta.url), {
      type: 'module',
      name: 'prize-lab-data',
    }),
  onStopped: dataWorkerStopped,
});

/**
 * The data worker's api, started on first use. It holds the datasets, so it lives as long as the page; every
 * call goes through the supervisor, so a worker that dies or fails to load rejects its calls at once.
 */
const api = new Proxy({} as Remote<DataApi>, {
  get(_, name) {
    // Not a thenable: `await dataWorkerApi()` must not call the worker.
    if (name === 'then' || typeof name !== 'string') return undefined;
    return (...args: unknown[]) =>
      supervised.call((remote) =>
        (remote[name as keyof DataApi] as unknown as (...a: unknown[]) => Promise<unknown>)(
          ...args,
        ),
      );
  },
});

export function dataWorkerApi(): Remote<DataApi> {
  return api;
}

let runCounter = 0;

/** A fresh run id, for cancelling one run of a worker function. */
export function newRunId<T extends string>(): T {
  return `run-${Date.now().toString(36)}-${++runCounter}` as T;
}
