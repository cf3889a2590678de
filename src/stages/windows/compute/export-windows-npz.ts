import { Zip, ZipPassThrough } from 'fflate';
import { fillWindowBatch, splitLabels } from './compact-windows';
import { idsNpy, littleEndianBytes, npyFile, npyHeader, unicodeNpy } from './export-npy';
import {
  WINDOW_EXPORT_CHUNK_BYTES,
  windowsOfSplit,
  type WindowExportChunk,
  type WindowExportSource,
} from './export-source';

/**
 * Zip entries carry a modification time; a fixed one (the Netflix Prize's launch) keeps the archive's bytes
 * the same from run to run. fflate stores it in local time, as DOS dates are.
 */
const ENTRY_TIME = Date.UTC(2006, 9, 2, 12);

/**
 * Zip bytes per member, for the size estimate: local header (30), data descriptor (16), central directory
 * record (46) and the member's name twice (at most 20 each).
 */
const ZIP_BYTES_PER_ENTRY = 30 + 16 + 46 + 2 * 20;

/**
 * One split's windows as a NumPy `.npz` archive (a zip of `.npy` files, stored uncompressed), which
 * `numpy.load(path)` opens:
 * - `x.npy`: float32 (n, W, features), exactly what the sequence models are fed (one-hot cluster, rating with
 *   0 at the last step, then the optional extras);
 * - `y.npy`: float32 (n,), the labels (the hidden last ratings);
 * - `user_id.npy`, `movie_id.npy`: the label's user and movie ids (int64, or unicode for text ids);
 * - `date.npy`: the label's date (datetime64[D]);
 * - `feature_names.npy`: the names of x's last axis.
 *
 * Yields the archive in order, `x` a chunk of windows at a time so that no more than about `chunkBytes` of
 * dense windows exist at once.
 */
export function* windowNpzChunks(
  source: WindowExportSource,
  chunkBytes = WINDOW_EXPORT_CHUNK_BYTES,
): Generator<WindowExportChunk> {
  const { windows, split } = source;
  const ends = windows[split];
  const count = windowsOfSplit(source);
  const stepBytes = windows.steps * windows.features * 4;
  const perChunk = Math.max(1, Math.floor(chunkBytes / stepBytes));

  const output: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else output.push(data);
  });
  let windowsDone = 0;
  function* flush(): Generator<WindowExportChunk> {
    if (failure) throw failure;
    if (output.length === 0) return;
    const bytes = concatBytes(output.splice(0));
    yield { bytes, windowsDone };
  }
  const entry = (name: string) => {
    const file = new ZipPassThrough(`${name}.npy`);
    file.mtime = ENTRY_TIME;
    zip.add(file);
    return file;
  };
  const smallEntry = (name: string, descr: string, shape: number[], data: Uint8Array) =>
    entry(name).push(npyFile(descr, shape, data), true);

  const x = entry('x');
  x.push(npyHeader('<f4', [count, windows.steps, windows.features]));
  const order = Uint32Array.from({ length: count }, (_, i) => i);
  const batch = new Float32Array(perChunk * windows.steps * windows.features);
  const labels = new Float32Array(perChunk);
  for (let from = 0; from < count; from += perChunk) {
    const n = fillWindowBatch(
      windows,
      ends,
      order,
      from,
      Math.min(count, from + perChunk),
      batch,
      labels,
    );
    // A copy: the zip passes chunks through as they are, and `batch` is refilled for the next windows.
    x.push(littleEndianBytes(batch.subarray(0, n * windows.steps * windows.features)).slice());
    windowsDone = from + n;
    yield* flush();
  }
  x.push(new Uint8Array(0), true);

  smallEntry('y', '<f4', [count], littleEndianBytes(splitLabels(windows, split)));
  const userIds = idsNpy(
    source.userIds,
    Uint32Array.from(ends, (p) => windows.user[p]),
  );
  smallEntry('user_id', userIds.descr, [count], userIds.data);
  const movieIds = idsNpy(
    source.movieIds,
    Uint32Array.from(ends, (p) => windows.movie[p]),
  );
  smallEntry('movie_id', movieIds.descr, [count], movieIds.data);
  const days = BigInt64Array.from(ends, (p) => BigInt(windows.day[p]));
  smallEntry('date', '<M8[D]', [count], littleEndianBytes(days));
  const names = unicodeNpy(source.featureNames);
  smallEntry('feature_names', names.descr, [source.featureNames.length], names.data);
  zip.end();
  windowsDone = count;
  yield* flush();
}

/** The archive's size: exact for the arrays, a close bound for the zip's headers. */
export function estimateWindowNpzBytes(source: WindowExportSource): number {
  const count = windowsOfSplit(source);
  const { steps, features } = source.windows;
  const idBytes = (ids: WindowExportSource['userIds']) =>
    ids.kind === 'int' ? 8 : 4 * longest(ids.ids);
  const names = 4 * longest(source.featureNames);
  // Six members, each with a .npy header of at most 128 bytes; 22 for the end of the central directory.
  const headers = 6 * (128 + ZIP_BYTES_PER_ENTRY) + 22;
  return (
    headers +
    count * (steps * features * 4 + 4 + idBytes(source.userIds) + idBytes(source.movieIds) + 8) +
    source.featureNames.length * names
  );
}

/** Code units of the longest string (at least 1), without spreading a long list into Math.max. */
function longest(strings: readonly string[]): number {
  let width = 1;
  for (const text of strings) width = Math.max(width, text.length);
  return width;
}

function concatBytes(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
