import { wrap, type Remote } from 'comlink';
import type { DataApi } from '../../../workers/data.worker';

let dataWorker: Remote<DataApi> | null = null;

/** The data worker, started on first use. It holds the datasets, so it lives as long as the page. */
export function dataWorkerApi(): Remote<DataApi> {
  if (!dataWorker) {
    const worker = new Worker(new URL('../../../workers/data.worker.ts', import.meta.url), {
      type: 'module',
      name: 'prize-lab-data',
    });
    dataWorker = wrap<DataApi>(worker);
  }
  return dataWorker;
}

let runCounter = 0;

/** A fresh run id, for cancelling one run of a worker function. */
export function newRunId<T extends string>(): T {
  return `run-${Date.now().toString(36)}-${++runCounter}` as T;
}
