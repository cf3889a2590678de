/** A model that would not fit the memory budget; the message is one sentence that names what to lower. */
export class PrizeModelTooLargeError extends Error {
  constructor(
    readonly model: string,
    readonly bytes: number,
    readonly budgetBytes: number,
    message: string,
  ) {
    super(message);
    this.name = 'PrizeModelTooLargeError';
  }
}

/** Whoever owns the run sets `aborted` (an AbortSignal fits); read between epochs. */
export interface PrizeCancelSignal {
  readonly aborted: boolean;
}
