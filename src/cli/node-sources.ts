import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { RatingSource } from '../stages/ingest/compute/load-files';
import { FileRefusedError } from '../stages/ingest/compute/load-errors';

/** The size of a file named on the command line; a missing path or a folder is refused with one sentence. */
function fileSize(path: string): number {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'there is no such file'
        : (error as Error).message;
    throw new FileRefusedError(basename(path), `${path} cannot be loaded: ${reason}.`);
  }
  if (!stats.isFile())
    throw new FileRefusedError(basename(path), `${path} cannot be loaded: it is not a file.`);
  return stats.size;
}

/** A file on disk as a rating source; compressed files are recognised and inflated by the loader itself. */
export function fileSource(path: string): RatingSource {
  return {
    name: basename(path),
    byteLength: fileSize(path),
    async *open(onSourceBytes) {
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
        const bytes = chunk as Buffer;
        onSourceBytes(bytes.length);
        yield new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
      }
    },
  };
}
