import { IdIndex } from './id-index';
import type { RatingsTable } from './ratings-table';
import { releasableBuffer, releaseBuffer } from './releasable-buffer';

/**
 * Rows per column chunk. Chunks avoid the 2× peak of regrowing one big array while parsing; each is freed as
 * soon as `finish()` has copied it, so the peak stays near one copy of the data plus one chunk.
 */
const CHUNK_ROWS = 1 << 16;
const MAX_DISTINCT_RATINGS = 256;

export class TooManyRatingValuesError extends Error {}

/**
 * Collects ratings as they are parsed, from any number of files, into chunked typed-array columns, and
 * assigns dense user and movie indices. `finish()` packs the chunks into one `RatingsTable`.
 */
export class RatingsBuilder {
  readonly users = new IdIndex();
  readonly movies = new IdIndex();
  private readonly codeOfValue = new Map<number, number>();
  private readonly values: number[] = [];
  /** Fast path for whole-number ratings 0–15: code + 1, or 0 when not yet assigned. */
  private readonly smallIntCodes = new Int16Array(16);

  private readonly userChunks: (Uint32Array | null)[] = [];
  private readonly movieChunks: (Uint32Array | null)[] = [];
  private readonly codeChunks: (Uint8Array | null)[] = [];
  private readonly dayChunks: (Uint16Array | null)[] = [];
  private user = new Uint32Array(0);
  private movie = new Uint32Array(0);
  private code = new Uint8Array(0);
  private day = new Uint16Array(0);
  private fill = 0;
  private full = 0;

  get count(): number {
    return this.full + this.fill;
  }

  /** The one-byte code of a rating value; throws once a 257th distinct value appears. */
  codeOf(value: number): number {
    if (value >= 0 && value < 16 && Number.isInteger(value)) {
      const known = this.smallIntCodes[value];
      if (known !== 0) return known - 1;
      const code = this.newCode(value);
      this.smallIntCodes[value] = code + 1;
      return code;
    }
    return this.codeOfValue.get(value) ?? this.newCode(value);
  }

  private newCode(value: number): number {
    if (this.values.length >= MAX_DISTINCT_RATINGS) {
      throw new TooManyRatingValuesError(
        `more than ${MAX_DISTINCT_RATINGS} distinct rating values: this does not look like a rating column`,
      );
    }
    const code = this.values.length;
    this.values.push(value);
    this.codeOfValue.set(value, code);
    return code;
  }

  /** Appends one rating given dense indices (from `users`/`movies`) and a code (from `codeOf`). */
  add(userIndex: number, movieIndex: number, code: number, day: number): void {
    if (this.fill === this.user.length) this.startChunk();
    const i = this.fill++;
    this.user[i] = userIndex;
    this.movie[i] = movieIndex;
    this.code[i] = code;
    this.day[i] = day;
  }

  private startChunk(): void {
    if (this.user.length > 0) this.full += this.fill;
    this.user = new Uint32Array(releasableBuffer(CHUNK_ROWS * 4));
    this.movie = new Uint32Array(releasableBuffer(CHUNK_ROWS * 4));
    this.code = new Uint8Array(releasableBuffer(CHUNK_ROWS));
    this.day = new Uint16Array(releasableBuffer(CHUNK_ROWS * 2));
    this.userChunks.push(this.user);
    this.movieChunks.push(this.movie);
    this.codeChunks.push(this.code);
    this.dayChunks.push(this.day);
    this.fill = 0;
  }

  /**
   * Packs the columns into exact-length arrays, one column at a time, freeing each chunk once it is copied.
   * The packed arrays are ordinary (not resizable) buffers. The builder is spent afterwards.
   */
  finish(): RatingsTable {
    const total = this.count;
    const user = packChunks(this.userChunks, total, (n) => new Uint32Array(n));
    const movie = packChunks(this.movieChunks, total, (n) => new Uint32Array(n));
    const code = packChunks(this.codeChunks, total, (n) => new Uint8Array(n));
    const day = packChunks(this.dayChunks, total, (n) => new Uint16Array(n));
    return { user, movie, ...sortCodebook(code, this.values), day };
  }
}

type Column = Uint32Array | Uint16Array | Uint8Array;

/**
 * Copies chunks into one exact-length array, freeing each chunk as soon as it is copied. The packed array's
 * pages are committed only as they are written, so chunks going and packed rows coming keep the total flat.
 */
function packChunks<T extends Column>(
  chunks: (T | null)[],
  total: number,
  make: (n: number) => T,
): T {
  const out = make(total);
  let offset = 0;
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c]!;
    const take = Math.min(chunk.length, total - offset);
    out.set(take === chunk.length ? chunk : chunk.subarray(0, take), offset);
    offset += take;
    releaseBuffer(chunk.buffer as ArrayBuffer);
    chunks[c] = null;
  }
  chunks.length = 0;
  return out;
}

/** Renumbers codes so that `ratingValues` is ascending, which makes histograms and ranges simple. */
function sortCodebook(
  code: Uint8Array,
  values: number[],
): { code: Uint8Array; ratingValues: Float32Array } {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const ratingValues = Float32Array.from(order, (i) => values[i]);
  const remap = new Uint8Array(Math.max(1, values.length));
  order.forEach((oldCode, newCode) => (remap[oldCode] = newCode));
  if (order.some((oldCode, newCode) => oldCode !== newCode)) {
    for (let i = 0; i < code.length; i++) code[i] = remap[code[i]];
  }
  return { code, ratingValues };
}
