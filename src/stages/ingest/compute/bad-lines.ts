/** A line that could not be read as a rating, with enough context for a person to find and fix it. */
export interface BadLine {
  file: string;
  /** 1-based line number within the file (or archive entry). */
  line: number;
  /** The line's text, cut to `MAX_BAD_LINE_TEXT` characters. */
  text: string;
  /** Why it was skipped, cut to `MAX_BAD_LINE_REASON` characters (reasons quote fields of the line). */
  reason: string;
}

export const MAX_BAD_LINE_SAMPLES = 20;
export const MAX_BAD_LINE_TEXT = 80;
export const MAX_BAD_LINE_REASON = 160;

/** Counts skipped lines and keeps the first few of them to show. */
export class BadLineLog {
  count = 0;
  readonly samples: BadLine[] = [];

  /** `onEvery` sees every bad line, not only the kept samples (the CLI prints them all). */
  constructor(private readonly onEvery?: (bad: BadLine) => void) {}

  add(file: string, line: number, text: string, reason: string): void {
    this.count++;
    const keep = this.samples.length < MAX_BAD_LINE_SAMPLES;
    if (!this.onEvery && !keep) return;
    const bad = {
      file,
      line,
      text: cut(text, MAX_BAD_LINE_TEXT),
      reason: cut(reason, MAX_BAD_LINE_REASON),
    };
    this.onEvery?.(bad);
    if (keep) this.samples.push(bad);
  }
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** `file:line: reason (“text”)`, the one-line form used in messages and on stderr. */
export function describeBadLine(bad: BadLine): string {
  return `${bad.file}:${bad.line}: ${bad.reason} (“${bad.text}”)`;
}
