import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { SNIFF_BYTES } from '../stages/ingest/compute/sniff-format';

/** The first `SNIFF_BYTES` of a file, inflated when it is gzipped (what the loader's sniffer looks at). */
export async function readFileHead(path: string): Promise<Uint8Array> {
  const raw = await firstBytes(createReadStream(path, { end: 1 }));
  const gzipped = raw[0] === 0x1f && raw[1] === 0x8b;
  const stream = gzipped ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
  return firstBytes(stream, SNIFF_BYTES);
}

async function firstBytes(stream: NodeJS.ReadableStream, limit = Infinity): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= limit) break;
    }
  } catch (error) {
    // A gzip stream cut short by `break` may complain; what was read is still the head.
    if (length === 0) throw error;
  } finally {
    (stream as unknown as { destroy?: () => void }).destroy?.();
  }
  const all = Buffer.concat(chunks);
  return new Uint8Array(all.buffer, all.byteOffset, Math.min(all.length, limit));
}
