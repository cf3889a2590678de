import type { IdList } from '../../ingest/compute/id-index';

/**
 * NumPy's `.npy` format, version 1.0 (numpy.lib.format): the magic `\x93NUMPY`, the version bytes 1 and 0,
 * a little-endian uint16 header length, then a Python dict literal, padded with spaces and ended by a newline so
 * that the data starts at a multiple of 64 bytes. The data follows in C order.
 */
export function npyHeader(descr: string, shape: readonly number[]): Uint8Array {
  for (const size of shape)
    if (!Number.isInteger(size) || size < 0)
      throw new RangeError(`an array dimension must be a whole number ≥ 0, not ${size}`);
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const unpadded = 10 + dict.length + 1;
  const total = Math.ceil(unpadded / 64) * 64;
  if (total - 10 > 0xffff) throw new RangeError('the .npy header is too long for format 1.0');
  const text = `${dict}${' '.repeat(total - unpadded)}\n`;
  const out = new Uint8Array(total);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  out[8] = (total - 10) & 0xff;
  out[9] = (total - 10) >> 8;
  for (let i = 0; i < text.length; i++) out[10 + i] = text.charCodeAt(i);
  return out;
}

const LITTLE_ENDIAN_HOST = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

type NumericArray = Float32Array | Uint32Array | Uint16Array | BigInt64Array;

/**
 * The bytes of a typed array, as the `<` (little-endian) descriptors below promise. Typed arrays use the host's
 * byte order, which is little-endian on every platform browsers and Node run on; a big-endian host is refused
 * rather than silently writing swapped numbers.
 */
export function littleEndianBytes(array: NumericArray): Uint8Array {
  if (!LITTLE_ENDIAN_HOST) throw new Error('.npy export needs a little-endian host');
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** A whole small `.npy` file: header and data. */
export function npyFile(descr: string, shape: readonly number[], data: Uint8Array): Uint8Array {
  const header = npyHeader(descr, shape);
  const out = new Uint8Array(header.length + data.length);
  out.set(header);
  out.set(data, header.length);
  return out;
}

/**
 * Strings as NumPy's fixed-width unicode type `<U{width}`: `width` UTF-32 little-endian code points per string,
 * zero-padded. `numpy.load` reads it without `allow_pickle`.
 */
export function unicodeNpy(strings: readonly string[]): { descr: string; data: Uint8Array } {
  const points = strings.map((s) => Array.from(s, (c) => c.codePointAt(0) ?? 0));
  // A loop, not Math.max(...spread): there may be hundreds of thousands of strings.
  let width = 1;
  for (const p of points) width = Math.max(width, p.length);
  const out = new Uint32Array(strings.length * width);
  points.forEach((p, i) => out.set(p, i * width));
  return { descr: `<U${width}`, data: littleEndianBytes(out) };
}

/**
 * External ids of the given indices: int64 for integer ids (Netflix and MovieLens), fixed-width unicode for text
 * ids from uploaded files.
 */
export function idsNpy(
  ids: IdList,
  indices: ArrayLike<number>,
): { descr: string; data: Uint8Array } {
  if (ids.kind === 'int') {
    const out = new BigInt64Array(indices.length);
    for (let i = 0; i < indices.length; i++) out[i] = BigInt(ids.ids[indices[i]]);
    return { descr: '<i8', data: littleEndianBytes(out) };
  }
  return unicodeNpy(Array.from({ length: indices.length }, (_, i) => ids.ids[indices[i]]));
}
