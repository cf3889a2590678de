import type { RatingSource } from '../compute/load-files';

/**
 * Rating sources in a worker. Gzip is inflated with the browser's native DecompressionStream (much faster
 * than JavaScript inflate); zip archives and nested gzip are left to the loader, which uses fflate.
 */
export function fileRatingSource(file: File): RatingSource {
  return {
    name: file.name,
    byteLength: file.size,
    open: (onSourceBytes) => streamChunks(file.stream(), onSourceBytes),
  };
}

export function urlRatingSource(url: string, name: string): RatingSource {
  return {
    name,
    byteLength: null,
    async *open(onSourceBytes) {
      const response = await fetch(url);
      if (!response.ok || !response.body)
        throw new Error(`Could not fetch ${name} (HTTP ${response.status}).`);
      yield* streamChunks(response.body, onSourceBytes);
    },
  };
}

/** Counts raw bytes, inflates gzip natively when the first bytes say so, and yields the result. */
async function* streamChunks(
  raw: ReadableStream<Uint8Array>,
  onSourceBytes: (bytes: number) => void,
): AsyncGenerator<Uint8Array> {
  const counted = raw.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        onSourceBytes(chunk.byteLength);
        controller.enqueue(chunk);
      },
    }),
  );
  const reader = counted.getReader();
  const first = await reader.read();
  if (first.done) return;
  const rest = prepend(first.value, reader);
  const isGzip = first.value[0] === 0x1f && first.value[1] === 0x8b;
  const stream = isGzip
    ? rest.pipeThrough(new DecompressionStream('gzip') as TransformStream<Uint8Array, Uint8Array>)
    : rest;
  const out = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await out.read();
      if (done) return;
      yield value;
    }
  } finally {
    out.releaseLock();
  }
}

function prepend(
  head: Uint8Array,
  reader: ReadableStreamDefaultReader<Uint8Array>,
): ReadableStream<Uint8Array> {
  let sentHead = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentHead) {
        sentHead = true;
        controller.enqueue(head);
        return;
      }
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
