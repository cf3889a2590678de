/**
 * The benchmark's windows as bytes, so that tfjs (Node and Chromium) and PyTorch train on the same numbers:
 * a little-endian header of three int32 (count, steps, features), then x (float32, count × steps × features),
 * then y (float32, count). No Node imports: the Chromium worker decodes with it too.
 */
import type { WindowData } from '../../src/stages/train/compute/training/window-data';

export function encodeWindows(data: WindowData): Uint8Array {
  const header = new Int32Array([data.count, data.steps, data.features]);
  const bytes = new Uint8Array(12 + 4 * (data.x.length + data.y.length));
  bytes.set(new Uint8Array(header.buffer), 0);
  bytes.set(new Uint8Array(data.x.buffer, data.x.byteOffset, data.x.byteLength), 12);
  bytes.set(
    new Uint8Array(data.y.buffer, data.y.byteOffset, data.y.byteLength),
    12 + data.x.byteLength,
  );
  return bytes;
}

export function decodeWindows(buffer: ArrayBuffer): WindowData {
  const [count, steps, features] = new Int32Array(buffer, 0, 3);
  const xLength = count * steps * features;
  const x = new Float32Array(buffer, 12, xLength);
  const y = new Float32Array(buffer, 12 + 4 * xLength, count);
  return { count, steps, features, x, y };
}
