import type { RatingSource } from '../../src/stages/ingest/compute/load-files';
import { todayLoadSettings } from '../../src/stages/ingest/compute/load-settings';
import type { LoadSettings } from '../../src/stages/ingest/compute/load-context';

/** A file held in memory, handed over in chunks of `chunkSize` bytes to exercise every chunk boundary. */
export function memorySource(
  name: string,
  content: string | Uint8Array,
  chunkSize = 1 << 16,
): RatingSource {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    byteLength: bytes.length,
    async *open(onSourceBytes) {
      for (let i = 0; i < bytes.length; i += chunkSize) {
        const chunk = bytes.slice(i, i + chunkSize);
        onSourceBytes(chunk.length);
        yield chunk;
      }
    },
  };
}

/** Settings as the app uses them, with "today" fixed so that tests do not depend on the clock. */
export function testSettings(overrides: Partial<LoadSettings> = {}): LoadSettings {
  return todayLoadSettings(Date.UTC(2026, 0, 1), { acceptProposedLayouts: true, ...overrides });
}
