/**
 * `npm run bench:mf`: epochs of biased MF (ratings/s) on ≈ 4 million generated ratings: the project's
 * typed-array SGD against PyTorch's embedding-based MF on the CPU (same data, factors and hyper-parameters,
 * in one run), plus the same MF written with tfjs ops (WASM and CPU backends) to see whether tfjs would be
 * faster. Project and PyTorch alternate for `BENCH_ROUNDS` rounds; the machine may be shared, so the load
 * average is recorded and each side's best round counts (noise only ever slows a run down).
 * Then the dense embedding model against the same model in PyTorch, on a subsample of the same split
 * (bench/mf/dense.ts). Writes bench/results/mf.json. `BENCH_MF_ONLY=dense` runs only the dense model and
 * replaces only its part of the file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_MF_OPTIONS,
  fitBiasedMf,
  type MfOptions,
} from '../../src/stages/baselines/compute/biased-mf';
import { errorMetrics } from '../../src/stages/baselines/compute/metrics';
import { fitSvdPlusPlus } from '../../src/stages/baselines/compute/svd-plus-plus';
import { ensureBenchRatings, MF_BENCH_SAMPLE } from './data';
import { benchDense } from './dense';
import { timeTfjsMf, type TfjsMfTiming } from './tfjs-mf';
import { PYTHON, torchEnv } from '../torch-peer';

const ROOT = join(import.meta.dirname, '../..');
const EPOCHS = Number(process.env.BENCH_MF_EPOCHS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const TORCH_BATCHES = [1024, 16384];
/** 1 thread is the like-for-like peer of one JS thread; the core count is PyTorch's own default. */
const TORCH_THREADS = [...new Set([1, cpus().length])];
const MF: MfOptions = { ...DEFAULT_MF_OPTIONS, epochs: EPOCHS, patience: 0 };

interface TorchRun {
  threads: number;
  batch: number;
  epochSeconds: number[];
  ratingsPerSecond: number;
  testRmse: number;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const millions = (perSecond: number) => `${(perSecond / 1e6).toFixed(2)} M ratings/s`;

console.log('preparing ratings (generated once, then cached under bench/data)…');
const data = ensureBenchRatings(join(ROOT, 'bench/data'));
const { train, test, users, movies } = data;
const context = { users, movies, scale: { min: 1, max: 5 } };
console.log(
  `${train.count.toLocaleString('en-US')} training ratings, ${test.count.toLocaleString('en-US')} test`,
);

async function timeProject(kind: 'mf' | 'svdpp', epochs: number) {
  const epochMs: number[] = [];
  const fit = kind === 'mf' ? fitBiasedMf : fitSvdPlusPlus;
  const { model } = await fit(
    train,
    null,
    context,
    { ...MF, epochs },
    { onEpoch: (p) => epochMs.push(p.ms), now: () => performance.now() },
  );
  const result = {
    epochSeconds: epochMs.map((ms) => ms / 1000),
    ratingsPerSecond: train.count / (median(epochMs) / 1000),
    testRmse: errorMetrics(model.predict(test), test).rmse,
  };
  console.log(
    `project ${kind}: ${millions(result.ratingsPerSecond)}, test RMSE ${result.testRmse.toFixed(4)}`,
  );
  return result;
}

function timeTorch(): { torch: string; runs: TorchRun[] } | { skipped: string } {
  if (!existsSync(PYTHON)) return { skipped: `${PYTHON} is missing` };
  const env = torchEnv({ passiveWait: true });
  const settings = [
    MF.factors,
    EPOCHS,
    MF.learningRate,
    MF.learningRateDecay,
    MF.regFactor,
    MF.regBias,
    MF.initSd,
  ];
  try {
    const out = execFileSync(
      PYTHON,
      [
        join(import.meta.dirname, 'torch_mf.py'),
        data.directory,
        TORCH_THREADS.join(','),
        ...settings.map(String),
        ...TORCH_BATCHES.map(String),
      ],
      { encoding: 'utf8', env, maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    return JSON.parse(out) as { torch: string; runs: TorchRun[] };
  } catch (error) {
    return { skipped: `PyTorch did not run: ${(error as Error).message.split('\n')[0]}` };
  }
}

const RESULT_FILE = join(ROOT, 'bench/results/mf.json');
if (process.env.BENCH_MF_ONLY === 'dense') {
  // Only the dense model: its part of mf.json is replaced, the MF figures are kept as they were.
  const dense = await benchDense(data, ROUNDS);
  const kept = existsSync(RESULT_FILE)
    ? (JSON.parse(readFileSync(RESULT_FILE, 'utf8')) as Record<string, unknown>)
    : { benchmark: 'mf' };
  writeFileSync(RESULT_FILE, `${JSON.stringify({ ...kept, dense }, null, 2)}\n`);
  console.log(
    `dense: project ${dense.project.best?.samplesPerSecond.toFixed(0)} samples/s ` +
      `(tfjs' Adam ${dense.projectStockAdam.best?.samplesPerSecond.toFixed(0)}) vs PyTorch ` +
      `${dense.pytorch.best?.samplesPerSecond.toFixed(0) ?? '–'}`,
  );
  process.exit(0);
}

const load = [loadavg()[0]];
const projectRounds = [];
const torchRounds = [];
for (let round = 1; round <= ROUNDS; round++) {
  console.log(`round ${round}/${ROUNDS} (load average ${loadavg()[0].toFixed(2)})`);
  projectRounds.push(await timeProject('mf', EPOCHS));
  const torch = timeTorch();
  torchRounds.push(torch);
  load.push(loadavg()[0]);
  if ('skipped' in torch) {
    console.log(`PyTorch skipped: ${torch.skipped}`);
    break;
  }
}
const svdpp = await timeProject('svdpp', 2);

const tfjs: (TfjsMfTiming | { backend: string; skipped: string })[] = [];
for (const backend of ['wasm', 'cpu'] as const) {
  try {
    const timing = await timeTfjsMf(backend, train, users, movies, {
      factors: MF.factors,
      learningRate: MF.learningRate,
      regFactor: MF.regFactor,
      regBias: MF.regBias,
      batch: 16384,
      batches: 6,
    });
    tfjs.push(timing);
    console.log(`tfjs ${backend}, batch 16384: ${millions(timing.ratingsPerSecond)}`);
  } catch (error) {
    tfjs.push({ backend, skipped: (error as Error).message });
  }
}
load.push(loadavg()[0]);

console.log('dense embedding model: project (tfjs) and PyTorch on a subsample of the same split…');
const dense = await benchDense(data, ROUNDS);

const project = projectRounds.reduce((a, b) => (b.ratingsPerSecond > a.ratingsPerSecond ? b : a));
const torchRuns = torchRounds.flatMap((t) => ('runs' in t ? t.runs : []));
const bestTorch = torchRuns.length
  ? torchRuns.reduce((a, b) => (b.ratingsPerSecond > a.ratingsPerSecond ? b : a))
  : null;
const bestTfjs = Math.max(
  0,
  ...tfjs.map((t) => ('ratingsPerSecond' in t ? t.ratingsPerSecond : 0)),
);
const result = {
  benchmark: 'mf',
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    node: process.version,
    loadAverage: load,
    note: 'load averages above the core count mean other work shared the machine',
  },
  data: {
    generator: MF_BENCH_SAMPLE,
    users,
    movies,
    trainRatings: train.count,
    testRatings: test.count,
    split: 'random 90/10 on single ratings (the project split code), seed 1',
  },
  settings: {
    ...MF,
    note: 'Koren (KDD 2008) settings, f = 50, the same for every peer; test RMSE after these epochs',
  },
  project: {
    model: 'biased MF, per-rating SGD over Float32Array tables, one JS thread',
    best: project,
    rounds: projectRounds,
  },
  projectSvdPlusPlus: { epochs: 2, ...svdpp },
  torch: {
    model: 'sparse nn.Embedding tables + torch.optim.SGD, mini-batches, summed loss',
    version: torchRounds.find((t) => 'torch' in t)?.torch ?? null,
    best: bestTorch,
    runs: torchRuns,
    skipped: torchRounds.find((t) => 'skipped' in t)?.skipped ?? null,
  },
  tfjs,
  speedRatio: bestTorch ? project.ratingsPerSecond / bestTorch.ratingsPerSecond : null,
  speedRatioNote: 'best project round ÷ best PyTorch run (any thread count or batch size)',
  tfjsVsProject: bestTfjs > 0 ? bestTfjs / project.ratingsPerSecond : null,
  dense,
};
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `project ${millions(project.ratingsPerSecond)} vs PyTorch ${bestTorch ? millions(bestTorch.ratingsPerSecond) : '–'}` +
    (result.speedRatio ? `: ${result.speedRatio.toFixed(2)}×` : '') +
    `; tfjs at best ${result.tfjsVsProject?.toFixed(3) ?? '–'}× the project`,
);
console.log(
  `dense: project ${dense.project.best?.samplesPerSecond.toFixed(0)} samples/s vs PyTorch ` +
    `${dense.pytorch.best?.samplesPerSecond.toFixed(0) ?? '–'}` +
    (dense.speedRatio ? `: ${dense.speedRatio.toFixed(2)}×` : ''),
);
