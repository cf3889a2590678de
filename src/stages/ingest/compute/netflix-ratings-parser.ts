import { dayFromCivil, daysInMonth } from '../../../lib/days';
import type { BadLineLog } from './bad-lines';
import { LineChunker, MAX_RATINGS_LINE_BYTES, type ByteSink } from './byte-sink';
import type { RatingsBuilder } from './ratings-builder';

/** Accepted day range for ratings; dates outside it are impossible (before 1970, or in the future). */
export interface DayRange {
  firstDay: number;
  lastDay: number;
}

export interface NetflixParseStats {
  lines: number;
  ratings: number;
  /** Movie blocks (`MovieID:` headers) seen. */
  blocks: number;
}

const NEWLINE = 10;
const CR = 13;
const COMMA = 44;
const COLON = 58;
const DASH = 45;
const ZERO = 48;
const latin1 = new TextDecoder('windows-1252');
const UNREADABLE_BLOCK = -2;

/**
 * Parses the Netflix Prize training format — blocks of `MovieID:` followed by `CustomerID,Rating,YYYY-MM-DD`
 * rows, as in Kaggle's combined_data_*.txt and the original mv_*.txt — byte by byte, straight into the
 * builder's typed arrays, without creating a string per row.
 */
export class NetflixRatingsParser implements ByteSink {
  readonly stats: NetflixParseStats = { lines: 0, ratings: 0, blocks: 0 };
  private readonly chunker: LineChunker;
  /** Dense index of the current block's movie, −1 before the first header, −2 under a header it could not read. */
  private movieIndex = -1;
  private readonly starCodes: Int16Array;
  /** First day of each month, memoised by year * 16 + month. */
  private readonly monthStart = new Map<number, number>();

  constructor(
    private readonly file: string,
    private readonly builder: RatingsBuilder,
    private readonly badLines: BadLineLog,
    private readonly days: DayRange,
  ) {
    this.starCodes = new Int16Array(6).fill(-1);
    this.chunker = new LineChunker({
      file,
      maxLineBytes: MAX_RATINGS_LINE_BYTES,
      linesBefore: () => this.stats.lines,
    });
  }

  push(chunk: Uint8Array): void {
    this.chunker.push(chunk, (bytes, start, end) => this.parseLines(bytes, start, end));
  }

  end(): void {
    const last = this.chunker.flush();
    if (last) this.parseLines(last, 0, last.length);
  }

  /** Parses complete lines in `bytes[start, end)`; the range ends with a newline. */
  private parseLines(bytes: Uint8Array, start: number, end: number): void {
    const builder = this.builder;
    let i = start;
    while (i < end) {
      const lineStart = i;
      this.stats.lines++;
      let c = bytes[i];
      if (c === NEWLINE || (c === CR && bytes[i + 1] === NEWLINE)) {
        i += c === CR ? 2 : 1; // blank lines carry nothing
        continue;
      }
      let id = 0;
      let digits = 0;
      while ((c = bytes[i]) >= ZERO && c <= ZERO + 9) {
        id = id * 10 + (c - ZERO);
        i++;
        digits++;
      }
      if (digits > 0 && digits <= 9 && c === COLON) {
        i++;
        if (bytes[i] === CR) i++;
        if (bytes[i] !== NEWLINE) {
          i = this.reject(bytes, lineStart, 'expected a line break after the `MovieID:` header');
          continue;
        }
        i++;
        this.movieIndex = builder.movies.indexOfInt(id);
        this.stats.blocks++;
        continue;
      }
      if (digits > 9 && c === COLON) {
        // Its rows must not count for the movie of the block before.
        this.movieIndex = UNREADABLE_BLOCK;
        i = this.reject(bytes, lineStart, 'a movie id of more than 9 digits');
        continue;
      }
      if (digits === 0 || digits > 9 || c !== COMMA) {
        i = this.reject(
          bytes,
          lineStart,
          'expected `CustomerID,Rating,YYYY-MM-DD` or a `MovieID:` header',
        );
        continue;
      }
      i++;
      // Rating: one digit in the training set; several digits are read so that `10` says "out of range".
      let stars = 0;
      let ratingDigits = 0;
      while ((c = bytes[i]) >= ZERO && c <= ZERO + 9) {
        stars = stars * 10 + (c - ZERO);
        i++;
        ratingDigits++;
      }
      if (ratingDigits === 0 || c !== COMMA) {
        i = this.reject(bytes, lineStart, 'expected a whole-number rating after the customer id');
        continue;
      }
      i++;
      const y = readDigits(bytes, i, 4);
      const m = bytes[i + 4] === DASH ? readDigits(bytes, i + 5, 2) : -1;
      const d = bytes[i + 7] === DASH ? readDigits(bytes, i + 8, 2) : -1;
      i += 10;
      if (bytes[i] === CR) i++;
      if (y < 0 || m < 0 || d < 0 || bytes[i] !== NEWLINE) {
        i = this.reject(bytes, lineStart, 'expected a date as YYYY-MM-DD');
        continue;
      }
      i++;
      if (stars < 1 || stars > 5) {
        this.rejectLine(bytes, lineStart, i, `rating ${stars} is out of range 1–5`);
        continue;
      }
      if (this.movieIndex < 0) {
        const reason =
          this.movieIndex === UNREADABLE_BLOCK
            ? 'rating row under a `MovieID:` header that could not be read'
            : 'rating row before any `MovieID:` header';
        this.rejectLine(bytes, lineStart, i, reason);
        continue;
      }
      const day = this.dayOf(y, m, d);
      if (Number.isNaN(day)) {
        this.rejectLine(bytes, lineStart, i, `${formatYmd(y, m, d)} is not a calendar date`);
        continue;
      }
      if (day < this.days.firstDay || day > this.days.lastDay) {
        this.rejectLine(
          bytes,
          lineStart,
          i,
          `date ${formatYmd(y, m, d)} is outside the possible range`,
        );
        continue;
      }
      let code = this.starCodes[stars];
      if (code < 0) code = this.starCodes[stars] = builder.codeOf(stars);
      builder.add(builder.users.indexOfInt(id), this.movieIndex, code, day);
      this.stats.ratings++;
    }
  }

  /** Day number (negative before 1970), or NaN for a date that does not exist. */
  private dayOf(year: number, month: number, day: number): number {
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
    const key = year * 16 + month;
    let first = this.monthStart.get(key);
    if (first === undefined) {
      first = dayFromCivil(year, month, 1);
      this.monthStart.set(key, first);
    }
    return first + day - 1;
  }

  /** Records the line starting at `lineStart` as bad and returns the index after its newline. */
  private reject(bytes: Uint8Array, lineStart: number, reason: string): number {
    let lineEnd = bytes.indexOf(NEWLINE, lineStart);
    if (lineEnd < 0) lineEnd = bytes.length - 1;
    this.rejectLine(bytes, lineStart, lineEnd + 1, reason);
    return lineEnd + 1;
  }

  private rejectLine(bytes: Uint8Array, lineStart: number, next: number, reason: string): void {
    let textEnd = next - 1;
    if (textEnd > lineStart && bytes[textEnd - 1] === CR) textEnd--;
    const text = latin1.decode(bytes.subarray(lineStart, Math.min(textEnd, lineStart + 200)));
    this.badLines.add(this.file, this.stats.lines, text, reason);
  }
}

/** Reads exactly `count` ASCII digits at `at`, or returns −1. */
function readDigits(bytes: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const c = bytes[at + k] - ZERO; // NaN past the end of the array
    if (!(c >= 0 && c <= 9)) return -1;
    value = value * 10 + c;
  }
  return value;
}

function formatYmd(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
