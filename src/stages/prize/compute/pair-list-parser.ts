import { dayFromCivil, daysInMonth } from '../../../lib/days';
import type { BadLineLog } from '../../ingest/compute/bad-lines';
import { LineChunker, MAX_RATINGS_LINE_BYTES, type ByteSink } from '../../ingest/compute/byte-sink';
import type { IdLookup } from './id-lookup';

/**
 * `probe`: probe.txt, blocks of `MovieID:` then one `CustomerID` per line (the ratings are in the training
 * files). `qualifying`: qualifying.txt, blocks of `MovieID:` then `CustomerID,YYYY-MM-DD` (ratings hidden).
 */
export type PairListKind = 'probe' | 'qualifying';

/** One `MovieID:` block, in file order: what a submission file repeats. */
export interface PairBlock {
  movieId: number;
  /** Pairs kept from this block (lines skipped as bad are not counted). */
  pairs: number;
}

/** The (customer, movie) pairs of a probe or qualifying file, as dense indices of the loaded dataset. */
export interface PairList {
  kind: PairListKind;
  count: number;
  /** Dense user index per pair; −1 for a customer without training ratings (qualifying only). */
  user: Int32Array;
  /** Dense movie index per pair; −1 for a movie without training ratings (qualifying only). */
  movie: Int32Array;
  /** Day of the rating (qualifying); 0 for the probe, whose dates are those of the training ratings. */
  day: Uint16Array;
  blocks: PairBlock[];
  stats: PairListStats;
}

export interface PairListStats {
  lines: number;
  /** Lines skipped: not a header, a pair or blank, or (probe) a pair naming an unknown customer or movie. */
  skippedLines: number;
  /** Pairs whose customer has no training ratings (skipped in a probe, kept as −1 in a qualifying file). */
  unknownCustomers: number;
  /** Pairs under a `MovieID:` whose movie has no training ratings (same treatment). */
  unknownMovies: number;
}

const latin1 = new TextDecoder('windows-1252');
const QUALIFYING_ROW = /^(\d{1,9}),(\d{4})-(\d\d)-(\d\d)$/;
const PROBE_ROW = /^(\d{1,9})$/;
const HEADER = /^(\d{1,9}):$/;

/**
 * Streams a probe or qualifying file (chunks of bytes, any size) into a `PairList`, looking customers and movies
 * up in the loaded dataset. Every skipped line goes to `badLines` with the file name, its 1-based line number
 * and the reason; in a probe, pairs naming a customer or movie the training files lack are skipped the same
 * way (a probe pair is a training rating by definition). A qualifying file keeps them, with index −1, so that
 * a submission still has one line per qualifying line.
 */
export class PairListParser implements ByteSink {
  readonly stats: PairListStats = {
    lines: 0,
    skippedLines: 0,
    unknownCustomers: 0,
    unknownMovies: 0,
  };
  private readonly chunker: LineChunker;
  private user = new Int32Array(1 << 12);
  private movie = new Int32Array(1 << 12);
  private day = new Uint16Array(1 << 12);
  private count = 0;
  private readonly blocks: PairBlock[] = [];
  private block: PairBlock | null = null;
  private movieIndex = -1;
  private headerLine = 0;

  constructor(
    private readonly file: string,
    private readonly kind: PairListKind,
    private readonly users: IdLookup,
    private readonly movies: IdLookup,
    private readonly badLines: BadLineLog,
  ) {
    this.chunker = new LineChunker({
      file,
      maxLineBytes: MAX_RATINGS_LINE_BYTES,
      linesBefore: () => this.stats.lines,
    });
  }

  push(chunk: Uint8Array): void {
    this.chunker.push(chunk, (bytes, start, end) => this.parse(bytes.subarray(start, end)));
  }

  end(): void {
    const last = this.chunker.flush();
    if (last) this.parse(last);
  }

  /** The pairs read so far, trimmed to their count. */
  result(): PairList {
    return {
      kind: this.kind,
      count: this.count,
      user: this.user.slice(0, this.count),
      movie: this.movie.slice(0, this.count),
      day: this.day.slice(0, this.count),
      blocks: this.blocks.map((b) => ({ ...b })),
      stats: { ...this.stats },
    };
  }

  private parse(bytes: Uint8Array): void {
    const lines = latin1.decode(bytes).split('\n');
    lines.pop(); // the text ends with a newline
    for (const raw of lines) {
      this.stats.lines++;
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim() === '') continue;
      const header = HEADER.exec(line);
      if (header) {
        this.startBlock(Number(header[1]));
        continue;
      }
      this.parseRow(line);
    }
  }

  private startBlock(movieId: number): void {
    this.block = { movieId, pairs: 0 };
    this.blocks.push(this.block);
    this.movieIndex = this.movies.indexOf(movieId);
    this.headerLine = this.stats.lines;
  }

  private parseRow(line: string): void {
    const row = (this.kind === 'probe' ? PROBE_ROW : QUALIFYING_ROW).exec(line);
    if (!row) {
      const expected = this.kind === 'probe' ? '`CustomerID`' : '`CustomerID,YYYY-MM-DD`';
      return this.bad(line, `expected ${expected} or a \`MovieID:\` header`);
    }
    if (!this.block) return this.bad(line, 'customer line before any `MovieID:` header');
    let day = 0;
    if (this.kind === 'qualifying') {
      const [y, m, d] = [Number(row[2]), Number(row[3]), Number(row[4])];
      if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || y < 1970)
        return this.bad(line, `${row[2]}-${row[3]}-${row[4]} is not a possible rating date`);
      day = dayFromCivil(y, m, d);
    }
    const customerId = Number(row[1]);
    const user = this.users.indexOf(customerId);
    if (this.movieIndex < 0) {
      this.stats.unknownMovies++;
      if (this.kind === 'probe')
        return this.bad(
          line,
          `movie ${this.block.movieId} (header at line ${this.headerLine}) has no ratings in the training files`,
        );
    }
    if (user < 0) {
      this.stats.unknownCustomers++;
      if (this.kind === 'probe')
        return this.bad(line, `customer ${customerId} has no ratings in the training files`);
    }
    this.append(user, this.movieIndex, day);
    this.block.pairs++;
  }

  private append(user: number, movie: number, day: number): void {
    if (this.count === this.user.length) {
      const grow = <T extends Int32Array | Uint16Array>(a: T, make: (n: number) => T): T => {
        const out = make(a.length * 2);
        out.set(a);
        return out;
      };
      this.user = grow(this.user, (n) => new Int32Array(n));
      this.movie = grow(this.movie, (n) => new Int32Array(n));
      this.day = grow(this.day, (n) => new Uint16Array(n));
    }
    this.user[this.count] = user;
    this.movie[this.count] = movie;
    this.day[this.count] = day;
    this.count++;
  }

  private bad(line: string, reason: string): void {
    this.stats.skippedLines++;
    this.badLines.add(this.file, this.stats.lines, line, reason);
  }
}
