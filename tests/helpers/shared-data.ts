import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The real Netflix Prize and MovieLens files beside the repository (never committed: their licences forbid it). */
export const SHARED_DATA = resolve(import.meta.dirname, '../../../shared/data');

/** True when the real data is there; otherwise prints why the tests that need it are skipped. */
export function hasSharedData(what: string): boolean {
  if (existsSync(SHARED_DATA)) return true;
  console.warn(
    `skipping ${what}: ${SHARED_DATA} is absent (the real data is not part of the repository)`,
  );
  return false;
}

export function sharedPath(...parts: string[]): string {
  return resolve(SHARED_DATA, ...parts);
}
