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
