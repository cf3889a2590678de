import type { LoadReport } from '../../ingest/compute/load-files';
import type { RatingsData } from '../../ingest/compute/ratings-table';
import type { IdList } from '../../ingest/compute/id-index';
import { fromDatasetPayload } from './dataset-record';

/**
 * A dataset stored as many records instead of one, so that saving and restoring never hold a second copy of
 * the whole dataset. One record (`DatasetPayloadV1`) makes IndexedDB's `put` serialize every column into one
 * buffer while the columns are still alive (2× the dataset at once, 2.2 GB for the full Prize). Here a header
 * holds everything small and each chunk record holds `chunkRows` rows of the four columns, copied into
 * buffers of their own: structured clone copies a typed array's whole underlying buffer, so a `subarray` of
 * a column would serialize the entire column. A save writes the chunks (a few per transaction), then the
 * header with the entry last, so a save cut short is never read as a dataset; a restore allocates the
 * columns once at their exact length and fills them chunk by chunk.
 */
export const DATASET_CHUNKED_LAYOUT = 2;

/** Rows per chunk record: 2²⁰ rows are 11 MB of columns. */
export const DATASET_CHUNK_ROWS = 1 << 20;

/** The header record of a chunked dataset: everything but the rating columns. */
export interface DatasetHeaderV2 {
  layout: 2;
  files: string[];
  rows: number;
  chunkRows: number;
  chunks: number;
  ratingValues: Float32Array;
  userIds: IdList;
  movieIds: IdList;
  movies: RatingsData['movies'];
  report: LoadReport;
}

/** Rows `index · chunkRows` … of the four rating columns. */
export interface DatasetChunkV2 {
  index: number;
  user: Uint32Array;
  movie: Uint32Array;
  code: Uint8Array;
  day: Uint16Array;
}

export function datasetHeader(
  data: RatingsData,
  files: string[],
  report: LoadReport,
  chunkRows: number = DATASET_CHUNK_ROWS,
): DatasetHeaderV2 {
  if (!(Number.isInteger(chunkRows) && chunkRows > 0))
    throw new RangeError(`chunkRows must be a positive whole number, not ${chunkRows}`);
  const rows = data.table.user.length;
  return {
    layout: 2,
    files,
    rows,
    chunkRows,
    chunks: Math.ceil(rows / chunkRows),
    ratingValues: data.table.ratingValues,
    userIds: data.userIds,
    movieIds: data.movieIds,
    movies: data.movies,
    report,
  };
}

/** One chunk record, its columns copied into buffers that hold only its rows. Make them one at a time. */
export function datasetChunk(
  data: RatingsData,
  header: DatasetHeaderV2,
  index: number,
): DatasetChunkV2 {
  if (!(Number.isInteger(index) && index >= 0 && index < header.chunks))
    throw new RangeError(`chunk ${index} is outside 0 … ${header.chunks - 1}`);
  const start = index * header.chunkRows;
  const end = Math.min(header.rows, start + header.chunkRows);
  const { user, movie, code, day } = data.table;
  return {
    index,
    user: user.slice(start, end),
    movie: movie.slice(start, end),
    code: code.slice(start, end),
    day: day.slice(start, end),
  };
}

/**
 * Rebuilds a chunked dataset: the columns are allocated once at their exact length and each chunk is copied
 * in as it is read, so a restore holds the dataset plus one chunk. Chunks may come in any order.
 */
export class DatasetAssembler {
  private readonly user: Uint32Array;
  private readonly movie: Uint32Array;
  private readonly code: Uint8Array;
  private readonly day: Uint16Array;
  private readonly received: Uint8Array;

  constructor(private readonly header: DatasetHeaderV2) {
    const expected = Math.ceil(header.rows / header.chunkRows);
    if (!(header.rows >= 0 && header.chunkRows > 0 && header.chunks === expected))
      throw damaged(`its header gives ${header.chunks} chunks for ${header.rows} rows`);
    this.user = new Uint32Array(header.rows);
    this.movie = new Uint32Array(header.rows);
    this.code = new Uint8Array(header.rows);
    this.day = new Uint16Array(header.rows);
    this.received = new Uint8Array(header.chunks);
  }

  add(chunk: DatasetChunkV2): void {
    const { header } = this;
    if (typeof chunk !== 'object' || chunk === null) throw damaged('a chunk record is not one');
    const { index } = chunk;
    if (!(Number.isInteger(index) && index >= 0 && index < header.chunks))
      throw damaged(`it has a chunk ${index} beyond its ${header.chunks} chunks`);
    if (this.received[index]) throw damaged(`chunk ${index} came twice`);
    const start = index * header.chunkRows;
    const rows = Math.min(header.rows, start + header.chunkRows) - start;
    const typed =
      chunk.user instanceof Uint32Array &&
      chunk.movie instanceof Uint32Array &&
      chunk.code instanceof Uint8Array &&
      chunk.day instanceof Uint16Array;
    if (!typed || ![chunk.user, chunk.movie, chunk.code, chunk.day].every((c) => c.length === rows))
      throw damaged(`chunk ${index} does not hold ${rows} rows in every column`);
    this.user.set(chunk.user, start);
    this.movie.set(chunk.movie, start);
    this.code.set(chunk.code, start);
    this.day.set(chunk.day, start);
    this.received[index] = 1;
  }

  /** The dataset, once every chunk has been added, with the same checks as a one-record dataset. */
  finish(): RatingsData {
    const missing = this.received.indexOf(0);
    if (missing >= 0)
      throw damaged(`chunk ${missing} of its ${this.header.chunks} chunks is missing`);
    const { header } = this;
    return fromDatasetPayload({
      layout: 1,
      files: header.files,
      table: {
        user: this.user,
        movie: this.movie,
        code: this.code,
        day: this.day,
        ratingValues: header.ratingValues,
      },
      userIds: header.userIds,
      movieIds: header.movieIds,
      movies: header.movies,
      report: header.report,
    });
  }
}

function damaged(reason: string): Error {
  return new Error(
    `The stored dataset is damaged (${reason}); delete it in the Storage panel and load the files again.`,
  );
}
