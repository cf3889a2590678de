/** A synchronous consumer of a file's bytes, fed chunk by chunk. Parsers, unzippers and routers are sinks. */
export interface ByteSink {
  push(chunk: Uint8Array): void;
  /** No more bytes will come. May throw `FileRefusedError`. */
  end(): void;
}

/** Splits byte chunks into whole lines and hands over everything up to the last newline at once. */
export class LineChunker {
  private carry: Uint8Array | null = null;

  /**
   * Calls `onLines(bytes, start, end)` with a range that holds only complete lines, each ending in `\n`.
   * The bytes after the last newline wait for the next chunk.
   */
  push(chunk: Uint8Array, onLines: (bytes: Uint8Array, start: number, end: number) => void): void {
    let start = 0;
    if (this.carry) {
      const newline = chunk.indexOf(10);
      if (newline < 0) {
        this.carry = concat(this.carry, chunk);
        return;
      }
      const joined = concat(this.carry, chunk.subarray(0, newline + 1));
      this.carry = null;
      onLines(joined, 0, joined.length);
      start = newline + 1;
    }
    const lastNewline = chunk.lastIndexOf(10);
    if (lastNewline >= start) {
      onLines(chunk, start, lastNewline + 1);
      start = lastNewline + 1;
    }
    if (start < chunk.length) this.carry = chunk.slice(start);
  }

  /** The last line, if the file did not end in a newline; returned with a newline appended. */
  flush(): Uint8Array | null {
    const rest = this.carry;
    this.carry = null;
    if (!rest || rest.length === 0) return null;
    return concat(rest, Uint8Array.of(10));
  }
}

export function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
