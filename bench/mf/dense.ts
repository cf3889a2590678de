/**
 * The dense half of `npm run bench:mf`: the project's dense embedding model (tfjs, the backend the CLI uses)
 * against the same model in PyTorch, on one seeded subsample of the MF benchmark's ratings and split, for a
 * fixed number of epochs. The two alternate for `rounds` rounds, each run in a fresh process; each side's
 * fastest round counts (other work on a shared machine only ever slows a run down).
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { RatingSet } from '../../src/stages/baselines/compute/rating-set';
import { denseSample, writeDenseSample } from './dense-sample';
import { DENSE_BENCH_SETTINGS as SETTINGS } from './dense-settings';
import { PYTHON, torchEnv, torchUnavailable } from '../torch-peer';

const ROOT = join(import.meta.dirname, '../..');

interface Run {
  samplesPerSecond: number;
  testRmse: number | null;
  params: number;
  [key: string]: unknown;
}

const lastJsonLine = (out: string): Run => JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Run;

function projectRun(file: string, backend: 'wasm' | 'cpu', adam: 'fused' | 'stock'): Run {
  const out = execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      join(import.meta.dirname, 'dense-project.ts'),
      file,
      JSON.stringify(SETTINGS),
      backend,
      adam,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return lastJsonLine(out);
}

function torchRun(file: string, threads: number): Run {
  const env = torchEnv({ passiveWait: true });
  const out = execFileSync(
    PYTHON,
    [join(import.meta.dirname, 'torch_dense.py'), file, JSON.stringify(SETTINGS), String(threads)],
    { encoding: 'utf8', env, maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return lastJsonLine(out);
}

const fastest = (runs: Run[]): Run | null =>
  runs.length ? runs.reduce((a, b) => (b.samplesPerSecond > a.samplesPerSecond ? b : a)) : null;

export async function benchDense(
  data: { users: number; movies: number; train: RatingSet; test: RatingSet; directory: string },
  rounds: number,
) {
  const sample = denseSample(data, SETTINGS.trainRatings, SETTINGS.testRatings, SETTINGS.seed);
  const file = join(data.directory, `dense-sample-${sample.train.count}-${sample.test.count}.bin`);
  writeDenseSample(file, sample);
  const torchSkipped = torchUnavailable();
  if (torchSkipped) console.warn(`dense: PyTorch skipped: ${torchSkipped}`);
  const threads = cpus().length;
  const load = [loadavg()[0]];
  const project: Run[] = [];
  const stockAdam: Run[] = [];
  const torch: Run[] = [];
  for (let round = 1; round <= rounds; round++) {
    const p = projectRun(file, 'wasm', 'fused');
    project.push(p);
    console.log(
      `dense round ${round}/${rounds}: project ${p.samplesPerSecond.toFixed(0)} samples/s, test RMSE ${p.testRmse?.toFixed(4)}`,
    );
    const s = projectRun(file, 'wasm', 'stock');
    stockAdam.push(s);
    console.log(
      `dense round ${round}/${rounds}: project with tfjs' Adam ${s.samplesPerSecond.toFixed(0)} samples/s, test RMSE ${s.testRmse?.toFixed(4)}`,
    );
    if (!torchSkipped) {
      const t = torchRun(file, threads);
      torch.push(t);
      console.log(
        `dense round ${round}/${rounds}: PyTorch ${t.samplesPerSecond.toFixed(0)} samples/s, test RMSE ${t.testRmse?.toFixed(4)}`,
      );
    }
    load.push(loadavg()[0]);
  }
  const bestProject = fastest(project);
  const bestStockAdam = fastest(stockAdam);
  const bestTorch = fastest(torch);
  if (bestProject && bestTorch && bestProject.params !== bestTorch.params)
    throw new Error(
      `dense: parameter counts differ (project ${bestProject.params}, PyTorch ${bestTorch.params})`,
    );
  return {
    model:
      'user & movie embeddings → concat → Dense 256 relu → Dropout → Dense 128 relu → Dropout → Dense 64 relu → Dense 1; Adam, MSE',
    settings: {
      ...SETTINGS,
      users: sample.users,
      movies: sample.movies,
      note:
        'the Dense cell defaults; a seeded subsample of the MF benchmark split (same data); fixed epochs, ' +
        'no early stopping; both sides read the same sample file',
    },
    method:
      'samples/s over every batch but the first (set-up), including between-epoch work; test RMSE on unclipped ' +
      `predictions after the fixed epochs; each run a fresh process, project and PyTorch alternating, ${rounds} rounds; ` +
      'each side’s fastest round counts; the project runs twice a round, with its fused Adam and with tfjs’ Adam',
    machine: {
      loadAverage: load,
      note: 'one-minute load averages before and after each round; above the core count, other work shared the machine',
    },
    project: {
      trainer:
        'runTraining (src/stages/train/compute/run-training.ts) with the rating-pair source, as the Dense cell and `cli -- train dense`',
      optimizer:
        'fusedAdam (src/stages/train/compute/training/fused-adam.ts): one pass per variable on wasm',
      best: bestProject,
      rounds: project,
    },
    projectStockAdam: {
      trainer:
        'the same, with the fused Adam kernel removed: tfjs-core’s own Adam (the project before it)',
      best: bestStockAdam,
      rounds: stockAdam,
    },
    fusedAdamSpeedup:
      bestProject && bestStockAdam
        ? bestProject.samplesPerSecond / bestStockAdam.samplesPerSecond
        : null,
    pytorch: {
      trainer: `bench/mf/torch_dense.py, torch.set_num_threads(${threads}), dense nn.Embedding + torch.optim.Adam`,
      skipped: torchSkipped,
      best: bestTorch,
      rounds: torch,
    },
    paramsEqual: bestProject && bestTorch ? bestProject.params === bestTorch.params : null,
    speedRatio:
      bestProject && bestTorch ? bestProject.samplesPerSecond / bestTorch.samplesPerSecond : null,
    speedRatioNote: 'fastest project round ÷ fastest PyTorch round',
  };
}
