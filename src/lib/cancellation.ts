/**
 * The one way Prize Lab says "cancelled", for loading, compute and training alike: a token that whoever owns a
 * run cancels and that long loops read between steps, the one error those loops throw, and the one check that
 * recognises it, on either side of a worker boundary.
 */

/**
 * The `name` every cancellation error carries. comlink sends a thrown Error to the page as its name and message,
 * not its class, so the name is what identifies a cancellation that crossed from a worker.
 */
export const CANCELLED_ERROR_NAME = 'CancelledError';

/** Thrown when a run is cancelled (by the person, or by ending its worker); what was there before stays. */
export class CancelledError extends Error {
  constructor(message = 'The run was cancelled.') {
    super(message);
    this.name = CANCELLED_ERROR_NAME;
  }
}

/** Whether `error` says a run was cancelled, also after it crossed a worker boundary and lost its class. */
export function isCancelled(error: unknown): boolean {
  return (
    error instanceof CancelledError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === CANCELLED_ERROR_NAME)
  );
}

/** Read by long loops between steps; cancelled by whoever owns the run. */
export class CancelToken {
  #cancelled = false;

  get cancelled(): boolean {
    return this.#cancelled;
  }

  cancel(): void {
    this.#cancelled = true;
  }

  /** Throws a `CancelledError` (saying `message`, when given) once the run is cancelled. */
  throwIfCancelled(message?: string): void {
    if (this.#cancelled) throw new CancelledError(message);
  }
}
