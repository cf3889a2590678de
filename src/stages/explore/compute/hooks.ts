import type { CancelToken } from '../../../lib/cancellation';

/** What a long loop is given by whoever runs it. */
export interface LoopHooks {
  cancel?: CancelToken;
}

/** Yielding costs a timer tick (≥ 1 ms in Node, ≥ 4 ms when nested in browsers), so yield at most this often. */
const YIELD_EVERY_MS = 40;

/**
 * Returns the function a long loop awaits between iterations: at most every 40 ms it yields to the host's
 * event loop with a macrotask, so that a `cancelRun` message queued behind the computation is handled, and
 * it throws `CancelledError` once the run is cancelled.
 */
export function checkpoints(hooks: LoopHooks): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last >= YIELD_EVERY_MS) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      last = Date.now();
    }
    hooks.cancel?.throwIfCancelled();
  };
}
