import type { BadLine } from './bad-lines';
import { LoadContext, type FileReport, type LoadSettings } from './load-context';
import type { CancelToken } from '../../../lib/cancellation';
import { FileRefusedError } from './load-errors';
import { idAt, idCount } from './id-index';
import type { RatingsData } from './ratings-table';
import { RoutingSink } from './routing-sink';
import type { TitleMap, TitlesStats } from './titles-parser';

/** One file to load, from wherever the host reads it (a browser File, a fetch, a path in Node). */
export interface RatingSource {
  name: string;
  /** Bytes the source will read, for progress; null when unknown. */
  byteLength: number | null;
  /**
   * The file's bytes (decompressed already where the host can do that natively). `onSourceBytes` is called
   * with the number of source bytes consumed, which is what progress counts.
   */
  open(onSourceBytes: (bytes: number) => void): AsyncIterable<Uint8Array>;
}

export interface LoadProgressInfo {
  file: string;
  bytesRead: number;
  totalBytes: number | null;
  ratings: number;
}

export interface LoadHooks {
  onProgress?: (progress: LoadProgressInfo) => void;
  /** Called for every skipped line (the report keeps only the first few). */
  onBadLine?: (bad: BadLine) => void;
  cancel?: CancelToken;
}

export interface LoadReport {
  files: FileReport[];
  skippedLines: number;
  /** The first bad lines across all files. */
  badLines: BadLine[];
  titles: TitlesStats | null;
}

export interface LoadOutcome {
  /** The ratings, with titles joined; null when the files held titles only. */
  data: RatingsData | null;
  titles: TitleMap;
  report: LoadReport;
}

const PROGRESS_EVERY_BYTES = 1 << 20;

/** What a cancelled load says; nothing that was loaded before is touched. */
const LOAD_CANCELLED = 'The load was cancelled.';

/**
 * Streams every source through format detection into one dataset. Throws `FileRefusedError` (one sentence
 * naming the file) when a file cannot be read as ratings, and `CancelledError` when cancelled; in both
 * cases nothing is returned, so whatever the caller held before stays as it was.
 */
export async function loadRatingFiles(
  sources: RatingSource[],
  settings: LoadSettings,
  hooks: LoadHooks = {},
): Promise<LoadOutcome> {
  const names = new Set<string>();
  for (const source of sources) {
    if (names.has(source.name))
      throw new FileRefusedError(source.name, `${source.name} was given twice.`);
    names.add(source.name);
  }
  const context = new LoadContext(settings, hooks.onBadLine);
  const totalBytes = sources.every((s) => s.byteLength !== null)
    ? sources.reduce((sum, s) => sum + (s.byteLength ?? 0), 0)
    : null;
  let bytesRead = 0;
  let reportedAt = -Infinity;

  for (const source of sources) {
    const sink = new RoutingSink(source.name, context);
    const report = () => {
      reportedAt = bytesRead;
      hooks.onProgress?.({
        file: source.name,
        bytesRead,
        totalBytes,
        ratings: context.builder.count,
      });
    };
    const chunks = source.open((n) => {
      bytesRead += n;
      context.expansion.sourceBytes(n);
    });
    try {
      for await (const chunk of chunks) {
        hooks.cancel?.throwIfCancelled(LOAD_CANCELLED);
        // More than was read when the host inflated gzip natively.
        context.expansion.bytesOut(source.name, chunk.length);
        sink.push(chunk);
        if (bytesRead - reportedAt >= PROGRESS_EVERY_BYTES) report();
      }
      hooks.cancel?.throwIfCancelled(LOAD_CANCELLED);
      sink.end();
    } catch (error) {
      throw error instanceof RangeError ? outOfMemory(source.name, context.builder.count) : error;
    }
    report();
  }

  const hasRatings = context.builder.count > 0;
  if (!hasRatings && context.titles.size === 0) {
    const names = sources.map((s) => s.name).join(', ');
    throw new FileRefusedError(names, `${names} held no ratings and no titles.`);
  }
  const data = hasRatings ? finishData(context, sources) : null;
  return {
    data,
    titles: context.titles,
    report: {
      files: context.files,
      skippedLines: context.badLines.count,
      badLines: context.badLines.samples,
      titles: context.titleStats.titles > 0 ? context.titleStats : null,
    },
  };
}

/** Typed-array allocation fails with a RangeError when the tab runs out of memory. */
function outOfMemory(file: string, ratings: number): FileRefusedError {
  return new FileRefusedError(
    file,
    `${file} could not be loaded: the browser ran out of memory after ${ratings.toLocaleString('en-US')} ratings; load fewer files at once or a smaller subset of them.`,
  );
}

function finishData(context: LoadContext, sources: RatingSource[]): RatingsData {
  let table: RatingsData['table'];
  try {
    table = context.builder.finish();
  } catch (error) {
    throw error instanceof RangeError
      ? outOfMemory(sources.map((s) => s.name).join(', '), context.builder.count)
      : error;
  }
  const userIds = context.builder.users.toIdList();
  const movieIds = context.builder.movies.toIdList();
  return { table, userIds, movieIds, movies: joinTitles(movieIds, context.titles) };
}

/** Metadata per movie index, looked up by the movie's id as written in the ratings file. */
export function joinTitles(
  movieIds: RatingsData['movieIds'],
  titles: TitleMap,
): RatingsData['movies'] {
  const movies: RatingsData['movies'] = new Array(idCount(movieIds));
  for (let i = 0; i < movies.length; i++) movies[i] = titles.get(idAt(movieIds, i)) ?? null;
  return movies;
}
