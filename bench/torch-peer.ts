/** What the benchmarks share to run their PyTorch peer: Debian's python3, and the environment it runs in. */
import { spawnSync } from 'node:child_process';

export const PYTHON = '/usr/bin/python3';

/** Why PyTorch cannot run here, or null when it can. */
export function torchUnavailable(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.error) return `${PYTHON} is missing (${probe.error.message})`;
  if (probe.status !== 0)
    return `PyTorch is missing for ${PYTHON}: ${probe.stderr.trim().split('\n').at(-1)}`;
  return null;
}

/**
 * The environment of a torch process. This machine's OpenBLAS defaults slowed torch ~3× (FINDINGS.md); torch
 * brings its own threads. `passiveWait`: OpenMP threads sleep rather than spin while they wait, which keeps two
 * threads from spinning against each other on a shared machine (MF: 2 threads otherwise fell to ~0.03 M/s).
 */
export function torchEnv(options: { passiveWait: boolean }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: '1' };
  if (options.passiveWait) env.OMP_WAIT_POLICY = 'PASSIVE';
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}
