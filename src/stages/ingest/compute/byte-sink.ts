import { FileRefusedError } from './load-errors';

/** A synchronous consumer of a file's bytes, fed chunk by chunk. Parsers, unzippers and routers are sinks. */
export interface ByteSink {
  push(chunk: Uint8Array): void;
  /** No more bytes will come. May throw `FileRefusedError`. */
  end(): void;
}

/** Longest line a ratings file may have: a rating row is a few dozen bytes, so this is never a real one. */
export const MAX_RATINGS_LINE_BYTES = 64 * 1024;
/** Longest line of a titles file (a title, a year and a genre list). */
export const MAX_TEXT_LINE_BYTES = 1024 * 1024;

export interface LineChunkerOptions {
  /** The file (or archive entry) as messages name it. */
  file: string;
  /** A longer line refuses the file. */
  maxLineBytes: number;
  /** Lines the owner has been handed so far, to number the line that is too long. */
  linesBefore: () => number;
}

const NEWLINE = 10;

/**
 * Splits byte chunks into whole lines and hands over everything up to the last newline at once. The bytes of
 * an unfinished line wait as a list of pieces, joined once when its newline comes, so the work stays linear in
 * the file's size however the line is cut into chunks; a line longer than `maxLineBytes` refuses the file with
 * a message naming it and the line, instead of being gathered without end (a 500 MB file with no newline).
 */
export class LineChunker {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  constructor(private readonly options: LineChunkerOptions) {}

  /**
   * Calls `onLines(bytes, start, end)` with a range that holds only complete lines, each ending in `\n`.
   * The bytes after the last newline wait for the next chunk.
   */
  push(chunk: Uint8Array, onLines: (bytes: Uint8Array, start: number, end: number) => void): void {
    let start = 0;
    if (this.pendingBytes > 0) {
      const newline = chunk.indexOf(NEWLINE);
      if (newline < 0) {
        this.hold(chunk, 0);
        return;
      }
      this.checkLength(this.pendingBytes + newline, 0);
      this.pending.push(chunk.subarray(0, newline + 1));
      const joined = this.takePending();
      onLines(joined, 0, joined.length);
      start = newline + 1;
    }
    const lastNewline = chunk.lastIndexOf(NEWLINE);
    if (lastNewline >= start) {
      this.checkLines(chunk, start, lastNewline + 1);
      onLines(chunk, start, lastNewline + 1);
      start = lastNewline + 1;
    }
    if (start < chunk.length) this.hold(chunk, start);
  }

  /** The last line, if the file did not end in a newline; returned with a newline appended. */
  flush(): Uint8Array | null {
    if (this.pendingBytes === 0) return null;
    this.pending.push(Uint8Array.of(NEWLINE));
    return this.takePending();
  }

  /** Keeps `chunk[start…]` (a copy: the caller may reuse its buffer) as the start of an unfinished line. */
  private hold(chunk: Uint8Array, start: number): void {
    this.checkLength(this.pendingBytes + chunk.length - start, 0);
    this.pending.push(chunk.slice(start));
    this.pendingBytes += chunk.length - start;
  }

  private takePending(): Uint8Array {
    const joined = joinBytes(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    return joined;
  }

  /**
   * Refuses the file when a line of `bytes[start, end)` (complete lines) is too long. Each step looks back
   * from `maxLineBytes` ahead for a newline, so short lines cost a few bytes per `maxLineBytes`.
   */
  private checkLines(bytes: Uint8Array, start: number, end: number): void {
    const max = this.options.maxLineBytes;
    let lineStart = start;
    while (end - lineStart > max + 1) {
      const newline = bytes.lastIndexOf(NEWLINE, lineStart + max);
      if (newline < lineStart) this.checkLength(max + 1, countNewlines(bytes, start, lineStart));
      lineStart = newline + 1;
    }
  }

  /** Throws when a line of `length` bytes (without its newline) is too long; `linesAhead` lines precede it. */
  private checkLength(length: number, linesAhead: number): void {
    const { file, maxLineBytes, linesBefore } = this.options;
    if (length <= maxLineBytes) return;
    const line = linesBefore() + linesAhead + 1;
    throw new FileRefusedError(
      file,
      `${file}:${line.toLocaleString('en-US')}: the line is longer than ${formatBytes(maxLineBytes)}, ` +
        'so this is not a ratings or titles file (or its lines are not separated by line breaks).',
    );
  }
}

function countNewlines(bytes: Uint8Array, start: number, end: number): number {
  let count = 0;
  for (let i = bytes.indexOf(NEWLINE, start); i >= 0 && i < end; i = bytes.indexOf(NEWLINE, i + 1))
    count++;
  return count;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${bytes / (1024 * 1024)} MiB`;
  return bytes >= 1024 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

/** The pieces one after another, in one array (the piece itself when there is only one). */
export function joinBytes(pieces: Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  let length = 0;
  for (const piece of pieces) length += piece.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}
