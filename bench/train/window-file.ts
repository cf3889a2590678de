/** Reads and writes the benchmark's window file (layout in window-codec.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import type { WindowData } from '../../src/stages/train/compute/training/window-data';
import { decodeWindows, encodeWindows } from './window-codec';

export function writeWindows(file: string, data: WindowData): void {
  writeFileSync(file, encodeWindows(data));
}

export function readWindows(file: string): WindowData {
  const bytes = readFileSync(file);
  // Copy into an aligned buffer of its own (Node may pool small file buffers).
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return decodeWindows(copy.buffer);
}
