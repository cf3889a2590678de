/**
 * Loads one browser File with the project's loader, as the Data cell's worker does (the same compute, a
 * File read through `file.stream()`), and keeps the dataset alive so the page can measure what it holds.
 */
import { loadRatingFiles, type RatingSource } from '../../../src/stages/ingest/compute/load-files';
import { todayLoadSettings } from '../../../src/stages/ingest/compute/load-settings';
import {
  ratingCount,
  tableBytes,
  type RatingsData,
} from '../../../src/stages/ingest/compute/ratings-table';

/** The few worker and File globals used here (this file is type-checked with the Node project's libraries). */
interface BrowserFile {
  name: string;
  size: number;
  stream(): ReadableStream<Uint8Array>;
}
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { data: BrowserFile }) => void): void;
  postMessage(message: unknown): void;
}
const scope = globalThis as unknown as WorkerScope;
/** Held so that the dataset outlives the load, as it does in the app. */
let loaded: RatingsData | null = null;

function fileSource(file: BrowserFile): RatingSource {
  return {
    name: file.name,
    byteLength: file.size,
    async *open(onSourceBytes) {
      const reader = file.stream().getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        onSourceBytes(value.byteLength);
        yield value;
      }
    },
  };
}

scope.addEventListener('message', ({ data: file }) => {
  void (async () => {
    try {
      const started = performance.now();
      const outcome = await loadRatingFiles([fileSource(file)], todayLoadSettings(Date.now()));
      const seconds = (performance.now() - started) / 1000;
      loaded = outcome.data;
      if (!loaded) throw new Error(`${file.name} held no ratings`);
      scope.postMessage({
        bytes: file.size,
        ratings: ratingCount(loaded.table),
        users: loaded.userIds.ids.length,
        movies: loaded.movieIds.ids.length,
        seconds,
        storedBytes: tableBytes(loaded.table),
      });
    } catch (error) {
      scope.postMessage({ error: error instanceof Error ? error.message : String(error) });
    }
  })();
});
