import { BadLineLog, type BadLine } from './bad-lines';
import type { DelimitedLayout } from './delimited-layout';
import { ExpansionGuard } from './expansion-guard';
import type { DayRange } from './netflix-ratings-parser';
import { RatingsBuilder } from './ratings-builder';
import type { TitleMap, TitlesStats } from './titles-parser';

/** What one file (or archive entry) turned out to be and what it gave. */
export interface FileReport {
  name: string;
  /** A human name of the detected format, e.g. "Netflix Prize ratings". */
  format: string;
  lines: number;
  ratings: number;
  titles: number;
  skippedLines: number;
  /** Why the file was passed over, for files that hold nothing to load (probe.txt, a README in a zip). */
  note?: string;
}

export interface LoadSettings {
  days: DayRange;
  /** Confirmed column layouts of delimited files, by file name. */
  layouts: Record<string, DelimitedLayout>;
  /** Use the proposed layout for delimited files without a confirmed one (the CLI does; the UI asks first). */
  acceptProposedLayouts: boolean;
}

/** Everything the sinks of one load share: the growing dataset, the bad-line log and the per-file reports. */
export class LoadContext {
  readonly builder = new RatingsBuilder();
  readonly badLines: BadLineLog;
  readonly titles: TitleMap = new Map();
  readonly titleStats: TitlesStats = { lines: 0, titles: 0, titlesWithCommas: 0, nullYears: 0 };
  readonly files: FileReport[] = [];
  readonly expansion = new ExpansionGuard();

  constructor(
    readonly settings: LoadSettings,
    onBadLine?: (bad: BadLine) => void,
  ) {
    this.badLines = new BadLineLog(onBadLine);
  }

  report(file: FileReport): void {
    this.files.push(file);
  }
}

/** A ratings file is refused, rather than skimmed, when more than this share of its lines are bad. */
export const MAX_BAD_LINE_SHARE = 0.1;
/** …and it is refused early, without reading on, once this many lines are bad and they are the majority. */
export const EARLY_REFUSAL_BAD_LINES = 1000;
/** Archives inside archives are read this many levels deep (a .gz in a .zip is 2), and no deeper. */
export const MAX_ARCHIVE_DEPTH = 3;
