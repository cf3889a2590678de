import { Gunzip, Unzip, UnzipInflate } from 'fflate';
import type { ByteSink } from './byte-sink';
import type { ExpansionGuard } from './expansion-guard';
import { FileRefusedError } from './load-errors';

/** Runs one step of a decompressor, turning its errors into a sentence that names the damaged file. */
function guarded(name: string, what: string, step: () => void): void {
  try {
    step();
  } catch (error) {
    if (error instanceof FileRefusedError) throw error;
    throw new FileRefusedError(name, `${name} is a damaged ${what} (${(error as Error).message}).`);
  }
}

/** A gzip stream inside something else (or when the host did not decompress): inflated with fflate. */
export class GunzipSink implements ByteSink {
  private readonly gunzip: Gunzip;

  constructor(
    private readonly name: string,
    private readonly inner: ByteSink,
    expansion: ExpansionGuard,
  ) {
    this.gunzip = new Gunzip((data) => {
      expansion.bytesOut(name, data.length);
      inner.push(data);
    });
  }

  push(chunk: Uint8Array): void {
    guarded(this.name, 'gzip file', () => this.gunzip.push(chunk, false));
  }

  end(): void {
    guarded(this.name, 'gzip file', () => this.gunzip.push(new Uint8Array(0), true));
    this.inner.end();
  }
}

/**
 * A zip archive such as Kaggle's netflix-prize-data.zip, streamed entry by entry; `sinkFor` makes the sink
 * (a format router) for each file in it.
 */
export class ZipSink implements ByteSink {
  private readonly unzip: Unzip;
  private entries = 0;

  constructor(
    private readonly name: string,
    sinkFor: (entryName: string) => ByteSink,
    expansion: ExpansionGuard,
  ) {
    this.unzip = new Unzip((entry) => {
      if (entry.name.endsWith('/') || entry.name.startsWith('__MACOSX/')) return;
      this.entries++;
      const sink = sinkFor(entry.name);
      entry.ondata = (error, data, final) => {
        // A refusal from further down (an entry's parser, the expansion guard) comes back through fflate.
        if (error instanceof FileRefusedError) throw error;
        if (error)
          throw new FileRefusedError(name, `${name} is a damaged zip archive (${error.message}).`);
        expansion.bytesOut(`${name} › ${entry.name}`, data.length);
        sink.push(data);
        if (final) sink.end();
      };
      entry.start();
    });
    this.unzip.register(UnzipInflate);
  }

  push(chunk: Uint8Array): void {
    guarded(this.name, 'zip archive', () => this.unzip.push(chunk, false));
  }

  end(): void {
    guarded(this.name, 'zip archive', () => this.unzip.push(new Uint8Array(0), true));
    if (this.entries === 0)
      throw new FileRefusedError(this.name, `${this.name} is a zip archive with no files in it.`);
  }
}
