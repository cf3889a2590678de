import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { RatingSource } from '../stages/ingest/compute/load-files';

/** A file on disk as a rating source; compressed files are recognised and inflated by the loader itself. */
export function fileSource(path: string): RatingSource {
  return {
    name: basename(path),
    byteLength: statSync(path).size,
    async *open(onSourceBytes) {
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
        const bytes = chunk as Buffer;
        onSourceBytes(bytes.length);
        yield new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
      }
    },
  };
}
