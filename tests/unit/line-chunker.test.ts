import { describe, expect, it } from 'vitest';
import { LineChunker } from '../../src/stages/ingest/compute/byte-sink';
import { FileRefusedError } from '../../src/stages/ingest/compute/load-errors';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Feeds `text` in chunks of `size` bytes and returns the lines handed over, as the owner counts them. */
function split(text: string, size: number, maxLineBytes = 64) {
  const lines: string[] = [];
  const chunker = new LineChunker({ file: 'f.txt', maxLineBytes, linesBefore: () => lines.length });
  const bytes = encoder.encode(text);
  const take = (range: Uint8Array) => {
    const body = decoder.decode(range);
    lines.push(...body.slice(0, -1).split('\n'));
  };
  for (let at = 0; at < bytes.length; at += size) {
    chunker.push(bytes.slice(at, at + size), (b, start, end) => take(b.subarray(start, end)));
  }
  const last = chunker.flush();
  if (last) take(last);
  return lines;
}

/** The message of the FileRefusedError that `run` throws. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FileRefusedError);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('LineChunker', () => {
  it('hands over the same whole lines however the bytes are cut', () => {
    const text = 'a,1\nbb,22\n\nccc,333\nlast';
    for (const size of [1, 2, 3, 5, 8, 100])
      expect(split(text, size)).toEqual(['a,1', 'bb,22', '', 'ccc,333', 'last']);
  });

  it('keeps the bytes of a line cut into many chunks (its copy, not the caller’s buffer)', () => {
    const chunker = new LineChunker({ file: 'f', maxLineBytes: 100, linesBefore: () => 0 });
    const buffer = encoder.encode('abc');
    chunker.push(buffer, () => undefined);
    buffer.fill(0);
    let got = '';
    chunker.push(encoder.encode('def\n'), (b, s, e) => (got = decoder.decode(b.subarray(s, e))));
    expect(got).toBe('abcdef\n');
  });

  it('accepts a line of exactly the limit and refuses one byte more, naming the file and line', () => {
    const ok = `${'x'.repeat(64)}\n`;
    expect(split(`a\n${ok}b\n`, 7)).toEqual(['a', 'x'.repeat(64), 'b']);
    const long = `a\nb\n${'x'.repeat(65)}\nc\n`;
    // Within one chunk, across chunks, and as an unfinished line at the end of the file.
    for (const size of [1000, 7, 1])
      expect(refusal(() => split(long, size))).toBe(
        'f.txt:3: the line is longer than 64 bytes, so this is not a ratings or titles file (or its lines are not separated by line breaks).',
      );
    expect(refusal(() => split(`a\n${'y'.repeat(500)}`, 16))).toMatch(
      /^f\.txt:2: the line is longer/,
    );
  });

  it('finds a long line between many short ones in one chunk', () => {
    const short = Array.from({ length: 50 }, (_, i) => `line${i}`).join('\n');
    const text = `${short}\n${'z'.repeat(80)}\n${short}\n`;
    expect(refusal(() => split(text, text.length))).toMatch(/^f\.txt:51: /);
    expect(split(`${short}\n${short}\n`, 1 << 20)).toHaveLength(100);
  });
});
