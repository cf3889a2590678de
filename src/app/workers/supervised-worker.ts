import { wrap, type Remote } from 'comlink';

/**
 * A worker whose failures are noticed. A worker that fails to load (a tab left open across a redeploy whose
 * hashed worker file is gone), throws outside a call (`error`), receives a message it cannot read
 * (`messageerror`), or stops answering while calls are pending (closed, crashed or killed by the browser,
 * which tells the page nothing) is declared stopped: every pending call rejects at once with a
 * `WorkerStoppedError` that says so, and the next call starts a fresh worker.
 */
export class WorkerStoppedError extends Error {
  constructor(
    readonly workerName: string,
    readonly reason: string,
  ) {
    super(`The ${workerName} stopped: ${reason}. Run the cell again to restart it.`);
    this.name = 'WorkerStoppedError';
  }
}

export function isWorkerStopped(error: unknown): error is WorkerStoppedError {
  return (error as Error | null)?.name === 'WorkerStoppedError';
}

export interface SupervisedWorkerOptions {
  /** For messages: "data worker", "training worker". */
  name: string;
  start: () => Worker;
  /**
   * While calls are pending, the worker is pinged this often; one that has not answered for `silenceMs`
   * is declared stopped. Every long computation in the workers yields to their event loop at least every
   * few hundred milliseconds (batches, K-Means iterations, file chunks), so a silence this long is a death.
   */
  pingMs?: number;
  silenceMs?: number;
  /** Called once per stop, with the error pending calls reject with. */
  onStopped?: (error: WorkerStoppedError) => void;
}

interface Running<T> {
  worker: Worker;
  api: Remote<T>;
  /** Rejects when the worker is declared stopped. */
  stopped: Promise<never>;
  stop: (reason: string | Error) => void;
  pending: number;
  lastAnswer: number;
  timer: ReturnType<typeof setInterval> | null;
}

/** The api of a worker with a `ping()` method, supervised; see `SupervisedWorkerOptions`. */
export function superviseWorker<T extends { ping(): Promise<number> }>(
  options: SupervisedWorkerOptions,
) {
  const pingMs = options.pingMs ?? 2_000;
  const silenceMs = options.silenceMs ?? 15_000;
  let running: Running<T> | null = null;

  function launch(): Running<T> {
    const worker = options.start();
    const api = wrap<T>(worker);
    let stop: (reason: string | Error) => void = () => {};
    const stopped = new Promise<never>((_, reject) => {
      stop = (reason: string | Error) => {
        if (running !== current) return;
        running = null;
        if (current.timer) clearInterval(current.timer);
        worker.terminate();
        // An Error is a stop on purpose (a hard cancel): pending calls get it as it is.
        if (reason instanceof Error) {
          reject(reason);
          return;
        }
        const error = new WorkerStoppedError(options.name, reason);
        reject(error);
        options.onStopped?.(error);
      };
    });
    stopped.catch(() => undefined);
    const current: Running<T> = {
      worker,
      api,
      stopped,
      stop: (reason) => stop(reason),
      pending: 0,
      lastAnswer: Date.now(),
      timer: null,
    };
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      current.stop(
        event.message
          ? `it failed (${event.message.slice(0, 200)})`
          : 'it could not be loaded (was the page updated? reload it)',
      );
    });
    worker.addEventListener('messageerror', () =>
      current.stop('it received a message it could not read'),
    );
    return current;
  }

  function watch(current: Running<T>): void {
    if (current.timer) return;
    current.lastAnswer = Date.now();
    current.timer = setInterval(() => {
      if (Date.now() - current.lastAnswer > silenceMs) {
        current.stop(`it did not answer for ${Math.round(silenceMs / 1000)} s`);
        return;
      }
      void Promise.race([current.api.ping(), current.stopped]).then(
        () => (current.lastAnswer = Date.now()),
        () => undefined,
      );
    }, pingMs);
  }

  return {
    /** Runs one call; it rejects with a `WorkerStoppedError` as soon as the worker is declared stopped. */
    async call<R>(fn: (api: Remote<T>) => Promise<R>): Promise<R> {
      running ??= launch();
      const current = running;
      current.pending++;
      watch(current);
      try {
        return await Promise.race([fn(current.api), current.stopped]);
      } finally {
        current.pending--;
        if (current.pending === 0 && current.timer) {
          clearInterval(current.timer);
          current.timer = null;
        }
      }
    },
    /** Ends the worker on purpose (a hard cancel): pending calls reject with `error`. */
    terminate(error: Error): void {
      running?.stop(error);
    },
    get started(): boolean {
      return running !== null;
    },
  };
}
