import type { LoadReport } from '../../ingest/compute/load-files';
import type { MovieMeta, RatingsData } from '../../ingest/compute/ratings-table';
import type { IdList } from '../../ingest/compute/id-index';

/**
 * A parsed dataset as stored in IndexedDB: the typed arrays as they are (structured clone keeps them
 * binary), the id lists, titles, and what the load reported. `layout` versions the shape; older layouts are
 * migrated when read.
 */
export interface DatasetPayloadV1 {
  layout: 1;
  files: string[];
  table: {
    user: Uint32Array;
    movie: Uint32Array;
    code: Uint8Array;
    day: Uint16Array;
    ratingValues: Float32Array;
  };
  userIds: IdList;
  movieIds: IdList;
  movies: RatingsData['movies'];
  report: LoadReport;
}

/**
 * Layout 0, the store's first draft: columns at the top level and no load report. No release wrote it; it is
 * kept as the worked example of how a layout change is migrated (and is tested as such).
 */
export interface DatasetPayloadV0 {
  layout?: 0;
  files: string[];
  user: Uint32Array;
  movie: Uint32Array;
  code: Uint8Array;
  day: Uint16Array;
  ratingValues: Float32Array;
  userIds: IdList;
  movieIds: IdList;
  movies: RatingsData['movies'];
}

export function toDatasetPayload(
  data: RatingsData,
  files: string[],
  report: LoadReport,
): DatasetPayloadV1 {
  const { user, movie, code, day, ratingValues } = data.table;
  return {
    layout: 1,
    files,
    table: { user, movie, code, day, ratingValues },
    userIds: data.userIds,
    movieIds: data.movieIds,
    movies: data.movies,
    report,
  };
}

/** Brings a payload of any known layout to the current one. */
export function migrateDatasetPayload(
  payload: DatasetPayloadV0 | DatasetPayloadV1,
): DatasetPayloadV1 {
  if (payload.layout === 1) return payload;
  if (payload.layout === undefined || payload.layout === 0) {
    const { user, movie, code, day, ratingValues } = payload;
    return {
      layout: 1,
      files: payload.files,
      table: { user, movie, code, day, ratingValues },
      userIds: payload.userIds,
      movieIds: payload.movieIds,
      movies: payload.movies,
      report: {
        files: payload.files.map((name) => ({
          name,
          format: 'stored before load reports were kept',
          lines: 0,
          ratings: 0,
          titles: 0,
          skippedLines: 0,
        })),
        skippedLines: 0,
        badLines: [],
        titles: null,
      },
    };
  }
  throw new Error(
    `The stored dataset has layout ${(payload as { layout: unknown }).layout}, from a newer Prize Lab.`,
  );
}

function idCount(ids: IdList): number {
  return ids.ids.length;
}

/** Checks a payload read back from storage and gives the dataset; a damaged one is refused with a reason. */
export function fromDatasetPayload(payload: DatasetPayloadV1): RatingsData {
  const { table } = payload;
  const n = table.user.length;
  const problems: string[] = [];
  if (![table.movie, table.code, table.day].every((column) => column.length === n))
    problems.push('its columns differ in length');
  const users = idCount(payload.userIds);
  const movies = idCount(payload.movieIds);
  if (payload.movies.length !== movies) problems.push('it has titles for another number of movies');
  const maxOf = (column: ArrayLike<number>) => {
    let max = -1;
    for (let i = 0; i < column.length; i++) if (column[i] > max) max = column[i];
    return max;
  };
  if (maxOf(table.user) >= users) problems.push('a rating names an unknown user');
  if (maxOf(table.movie) >= movies) problems.push('a rating names an unknown movie');
  if (maxOf(table.code) >= table.ratingValues.length)
    problems.push('a rating has an unknown value');
  if (problems.length > 0)
    throw new Error(
      `The stored dataset is damaged (${problems.join('; ')}); delete it in the Storage panel and load the files again.`,
    );
  return {
    table: { ...table },
    userIds: payload.userIds,
    movieIds: payload.movieIds,
    // A title that is not text (a damaged or hand-edited record) is dropped: the movie shows by its id.
    movies: payload.movies.map((movie) => (isMovieMeta(movie) ? movie : null)),
  };
}

function isMovieMeta(movie: unknown): movie is MovieMeta {
  if (typeof movie !== 'object' || movie === null) return false;
  const m = movie as Record<string, unknown>;
  return (
    typeof m.title === 'string' &&
    (m.year === null || typeof m.year === 'number') &&
    (m.genres === undefined || typeof m.genres === 'string')
  );
}

/** Bytes a payload takes, roughly: the typed arrays exactly, ids and titles estimated. */
export function datasetPayloadBytes(payload: DatasetPayloadV1): number {
  const { table } = payload;
  const columns = [table.user, table.movie, table.code, table.day, table.ratingValues].reduce(
    (sum, column) => sum + column.byteLength,
    0,
  );
  const ids = (list: IdList) =>
    list.kind === 'int'
      ? list.ids.byteLength
      : list.ids.reduce((sum, id) => sum + 2 * id.length + 8, 0);
  const titles = payload.movies.reduce(
    (sum, movie) => sum + (movie ? 2 * (movie.title.length + (movie.genres?.length ?? 0)) + 16 : 4),
    0,
  );
  return columns + ids(payload.userIds) + ids(payload.movieIds) + titles;
}
