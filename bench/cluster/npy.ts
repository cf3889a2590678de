import { writeFileSync } from 'node:fs';

type Typed = Float32Array | Float64Array | Int32Array;

const DESCR = new Map<string, string>([
  ['Float32Array', '<f4'],
  ['Float64Array', '<f8'],
  ['Int32Array', '<i4'],
]);

/** Writes a typed array as a NumPy .npy file (format 1.0, C order), for the Python peer to np.load. */
export function writeNpy(path: string, data: Typed, shape: number[]): void {
  const descr = DESCR.get(data.constructor.name);
  if (!descr) throw new Error(`no .npy type for ${data.constructor.name}`);
  if (shape.reduce((a, b) => a * b, 1) !== data.length)
    throw new Error('shape does not match data');
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  // Magic (6) + version (2) + length (2) + header, padded with spaces to a multiple of 64, ending in \n.
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  header = header.padEnd(total - 10 - 1, ' ') + '\n';
  const prefix = Buffer.alloc(10);
  prefix.write('\x93NUMPY', 0, 'latin1');
  prefix[6] = 1;
  prefix[7] = 0;
  prefix.writeUInt16LE(header.length, 8);
  const body = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  writeFileSync(path, Buffer.concat([prefix, Buffer.from(header, 'latin1'), body]));
}
