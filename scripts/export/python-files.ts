import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Where the exported project's Python sources live. */
export const PYTHON_DIR = resolve(import.meta.dirname, '../../src/stages/export/python');

/** Every `.py` file under `PYTHON_DIR`, as `{ path, text }` sorted by path (`__pycache__` left out). */
export function readPythonFiles(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== '__pycache__') walk(full);
      } else if (name.endsWith('.py')) {
        out.push({ path: relative(PYTHON_DIR, full), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(PYTHON_DIR);
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}
