import { FileRefusedError } from './load-errors';

/** Below this many bytes out, any ratio is fine (a small, very repetitive file is no threat). */
export const EXPANSION_FREE_BYTES = 64 * 1024 * 1024;
/**
 * Most bytes out per byte read. Real rating files compress 3–10× (the Kaggle Netflix zip 3.1×, the bundled
 * sample about 5×); deflate's ceiling is about 1,000× (long runs of one byte), which is what zip bombs use.
 */
export const MAX_EXPANSION = 100;

/**
 * Counts the bytes a load reads from its sources and the bytes handed on at every level: what the host gives
 * (more than it read when it inflates gzip natively) and what each archive level inflates. A plain file hands
 * on what it reads (1×); a load that grows far beyond what real data does is refused, so a zip bomb, nested
 * or not, is stopped after tens of MiB instead of filling the tab.
 */
export class ExpansionGuard {
  private read = 0;
  private out = 0;

  /** Raw bytes read from a source (what progress counts). */
  sourceBytes(bytes: number): void {
    this.read += bytes;
  }

  /** Bytes handed on for `file` (by the host or by an archive level). Throws `FileRefusedError` past the limit. */
  bytesOut(file: string, bytes: number): void {
    this.out += bytes;
    if (this.out <= EXPANSION_FREE_BYTES || this.out <= MAX_EXPANSION * this.read) return;
    const mib = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MiB`;
    throw new FileRefusedError(
      file,
      `${file} was not loaded: it expands to more than ${MAX_EXPANSION} times its size (${mib(this.out)} from ${mib(this.read)} so far), as a zip bomb does.`,
    );
  }
}
