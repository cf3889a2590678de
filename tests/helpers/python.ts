import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExportedFile } from '../../src/stages/export/contract';

/** The interpreter the export's tests run: Debian's, with python3-torch, -sklearn, -numpy, -scipy. */
export const PYTHON = '/usr/bin/python3';

/** True when PYTHON can import torch, sklearn, numpy and scipy; otherwise prints why the tests are skipped. */
export function hasPythonStack(what: string): boolean {
  const probe = existsSync(PYTHON)
    ? spawnSync(PYTHON, ['-c', 'import torch, sklearn, numpy, scipy'], { encoding: 'utf8' })
    : null;
  if (probe?.status === 0) return true;
  console.warn(
    `skipping ${what}: ${PYTHON} with torch, sklearn, numpy and scipy is missing (scripts/ensure-python.sh installs them): ${probe?.stderr.trim().split('\n').pop() ?? 'no interpreter'}`,
  );
  return false;
}

/** Runs a command in `cwd`, without bytecode files, and throws with its stderr when it fails. */
export function run(
  command: string,
  args: string[],
  cwd: string,
  timeoutMs = 240_000,
): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 << 20,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', OMP_NUM_THREADS: '1' },
  });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stderr.slice(-4000)}`,
    );
  return result;
}

/** Writes exported files under `folder`. */
export function writeFiles(folder: string, files: readonly ExportedFile[]): void {
  for (const file of files) {
    const path = join(folder, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
}
