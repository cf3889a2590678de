/** A file that cannot be read as ratings at all. The message is one sentence that names the file. */
export class FileRefusedError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'FileRefusedError';
  }
}

/** Thrown when the person cancels a load; nothing that was loaded before is touched. */
export class LoadCancelledError extends Error {
  constructor() {
    super('The load was cancelled.');
    this.name = 'LoadCancelledError';
  }
}

/** Read by long loops between steps; set by whoever owns the run. */
export interface CancelToken {
  readonly cancelled: boolean;
}
