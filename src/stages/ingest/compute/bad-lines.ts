/** A line that could not be read as a rating, with enough context for a person to find and fix it. */
export interface BadLine {
  file: string;
  /** 1-based line number within the file (or archive entry). */
  line: number;
  /** The line's text, cut to `MAX_BAD_LINE_TEXT` characters. */
  text: string;
  reason: string;
}

export const MAX_BAD_LINE_SAMPLES = 20;
export const MAX_BAD_LINE_TEXT = 80;

/** Counts skipped lines and keeps the first few of them to show. */
export class BadLineLog {
  count = 0;
  readonly samples: BadLine[] = [];

  /** `onEvery` sees every bad line, not only the kept samples (the CLI prints them all). */
  constructor(private readonly onEvery?: (bad: BadLine) => void) {}

  add(file: string, line: number, text: string, reason: string): void {
    this.count++;
    if (this.onEvery) this.onEvery({ file, line, text: cut(text), reason });
    if (this.samples.length < MAX_BAD_LINE_SAMPLES)
      this.samples.push({ file, line, text: cut(text), reason });
  }
}

function cut(text: string): string {
  return text.length > MAX_BAD_LINE_TEXT ? `${text.slice(0, MAX_BAD_LINE_TEXT)}…` : text;
}

/** `file:line: reason (“text”)`, the one-line form used in messages and on stderr. */
export function describeBadLine(bad: BadLine): string {
  return `${bad.file}:${bad.line}: ${bad.reason} (“${bad.text}”)`;
}
