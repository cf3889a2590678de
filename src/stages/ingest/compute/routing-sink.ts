import { GunzipSink, ZipSink } from './archive-sinks';
import { describeBadLine } from './bad-lines';
import { joinBytes, type ByteSink } from './byte-sink';
import { layoutProblem, proposeLayout } from './delimited-layout';
import { createDelimitedRatingsSink } from './delimited-ratings-parser';
import {
  EARLY_REFUSAL_BAD_LINES,
  MAX_ARCHIVE_DEPTH,
  MAX_BAD_LINE_SHARE,
  type LoadContext,
} from './load-context';
import { FileRefusedError } from './load-errors';
import { NetflixRatingsParser } from './netflix-ratings-parser';
import { sniffFormat, SNIFF_BYTES, type DetectedFormat } from './sniff-format';
import { createMovieLensTitlesSink, createNetflixTitlesSink } from './titles-parser';

/** Counts a ratings parser keeps, read by the router to judge the file. */
interface ParseCounts {
  lines: number;
  ratings: number;
}

/**
 * Waits for a file's first bytes, recognises the format and hands every byte to the right parser; archives
 * get a router per entry. Inside an archive, entries that hold nothing to load are skipped with a note;
 * a file given directly that is empty, binary or unknown is refused.
 */
export class RoutingSink implements ByteSink {
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private target: ByteSink | null = null;
  private finishReport: (() => void) | null = null;
  private badBefore = 0;
  /** Set for ratings files, whose bad-line share decides whether they are refused. */
  private counts: ParseCounts | null = null;

  /**
   * `inArchive`: an entry of a zip (a .gz passes its own on); `depth`: how many archives, zip or gzip, this
   * file is inside (0 for a file given directly).
   */
  constructor(
    private readonly name: string,
    private readonly context: LoadContext,
    private readonly inArchive = false,
    private readonly depth = 0,
  ) {}

  push(chunk: Uint8Array): void {
    if (this.target) {
      this.target.push(chunk);
      this.checkEarlyRefusal();
      return;
    }
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes >= SNIFF_BYTES) this.route();
  }

  end(): void {
    if (!this.target) this.route();
    this.target!.end();
    this.finishReport?.();
  }

  private route(): void {
    let head = joinBytes(this.head);
    this.head = [];
    // A UTF-8 byte order mark (Notepad writes one) says nothing about the format and would hide it.
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) head = head.subarray(3);
    this.target = this.sinkFor(sniffFormat(head));
    if (head.length > 0) this.target.push(head);
  }

  private sinkFor(format: DetectedFormat): ByteSink {
    const { context, name } = this;
    this.badBefore = context.badLines.count;
    switch (format.kind) {
      case 'empty':
        return this.passOver('empty', 'it is empty');
      case 'binary':
        return this.passOver('binary', 'it is a binary file, not ratings or titles');
      case 'unknown':
        return this.passOver('unknown', `it is in no format Prize Lab reads (${format.reason})`);
      case 'netflix-probe':
        return this.skip('Netflix probe set', 'probe.txt lists customer ids without ratings');
      case 'netflix-qualifying':
        return this.skip(
          'Netflix qualifying set',
          'qualifying.txt is the hidden test set and has no ratings',
        );
      case 'gzip':
        this.checkDepth();
        return new GunzipSink(
          name,
          new RoutingSink(name.replace(/\.gz$/i, ''), context, this.inArchive, this.depth + 1),
          context.expansion,
        );
      case 'zip':
        this.checkDepth();
        return new ZipSink(
          name,
          (entry) => new RoutingSink(`${name} › ${entry}`, context, true, this.depth + 1),
          context.expansion,
        );
      case 'netflix-ratings': {
        const parser = new NetflixRatingsParser(
          name,
          context.builder,
          context.badLines,
          context.settings.days,
        );
        this.watchRatings('Netflix Prize ratings', parser.stats);
        return parser;
      }
      case 'netflix-titles':
      case 'movielens-movies': {
        const before = context.titleStats.titles;
        const lines = context.titleStats.lines;
        this.finishReport = () =>
          context.report({
            name,
            format: format.kind === 'netflix-titles' ? 'Netflix movie titles' : 'MovieLens movies',
            lines: context.titleStats.lines - lines,
            ratings: 0,
            titles: context.titleStats.titles - before,
            skippedLines: context.badLines.count - this.badBefore,
          });
        const create =
          format.kind === 'netflix-titles' ? createNetflixTitlesSink : createMovieLensTitlesSink;
        return create(name, context.titles, context.badLines, context.titleStats);
      }
      case 'delimited': {
        const proposal = proposeLayout(format.firstText);
        const layout =
          context.settings.layouts[name] ??
          (context.settings.acceptProposedLayouts ? proposal.layout : null);
        if (!layout) {
          if (proposal.problem)
            return this.passOver('delimited', `it is not a ratings file: ${proposal.problem}`);
          throw new FileRefusedError(
            name,
            `${name} needs its columns confirmed before it can be loaded.`,
          );
        }
        const problem = layoutProblem(layout, proposal.columns);
        if (problem)
          throw new FileRefusedError(name, `${name} cannot be loaded this way: ${problem}.`);
        const stats = { lines: 0, ratings: 0 };
        this.watchRatings('delimited ratings', stats);
        return createDelimitedRatingsSink(
          name,
          layout,
          context.builder,
          context.badLines,
          context.settings.days,
          stats,
        );
      }
    }
  }

  /** Refuses an archive inside more than `MAX_ARCHIVE_DEPTH - 1` others (nested zip bombs nest deep). */
  private checkDepth(): void {
    if (this.depth < MAX_ARCHIVE_DEPTH) return;
    throw new FileRefusedError(
      this.name,
      `${this.name} was not loaded: it is an archive inside ${this.depth} others, and Prize Lab reads archives at most ${MAX_ARCHIVE_DEPTH} deep.`,
    );
  }

  /** After a ratings file ends: refuse it when it is mostly bad lines or holds no ratings at all. */
  private watchRatings(format: string, counts: ParseCounts): void {
    this.counts = counts;
    this.finishReport = () => {
      const bad = this.context.badLines.count - this.badBefore;
      if (counts.ratings === 0) {
        const first = this.context.badLines.samples.find((b) => b.file === this.name);
        const detail = first ? `; the first problem is at ${describeBadLine(first)}` : '';
        throw new FileRefusedError(this.name, `${this.name} holds no ratings${detail}.`);
      }
      if (bad > 0 && bad > counts.lines * MAX_BAD_LINE_SHARE)
        this.refuseAsMostlyBad(bad, counts.lines);
      this.context.report({
        name: this.name,
        format,
        lines: counts.lines,
        ratings: counts.ratings,
        titles: 0,
        skippedLines: bad,
      });
    };
  }

  private checkEarlyRefusal(): void {
    if (!this.counts) return;
    const bad = this.context.badLines.count - this.badBefore;
    if (bad >= EARLY_REFUSAL_BAD_LINES && bad * 2 > this.counts.lines)
      this.refuseAsMostlyBad(bad, this.counts.lines);
  }

  private refuseAsMostlyBad(bad: number, lines: number): never {
    const first = this.context.badLines.samples.find((b) => b.file === this.name);
    const detail = first ? ` (first at ${describeBadLine(first)})` : '';
    throw new FileRefusedError(
      this.name,
      `${this.name} was not loaded: ${bad.toLocaleString('en-US')} of ${lines.toLocaleString('en-US')} lines are not ratings${detail}.`,
    );
  }

  /** A file with nothing to load: refused on its own, skipped with a note inside an archive. */
  private passOver(format: string, why: string): ByteSink {
    if (!this.inArchive)
      throw new FileRefusedError(this.name, `${this.name} cannot be loaded: ${why}.`);
    return this.skip(format, why);
  }

  private skip(format: string, note: string): ByteSink {
    this.finishReport = () =>
      this.context.report({
        name: this.name,
        format,
        lines: 0,
        ratings: 0,
        titles: 0,
        skippedLines: 0,
        note,
      });
    return { push: () => undefined, end: () => undefined };
  }
}
