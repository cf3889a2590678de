/**
 * `npm run bench:prize [-- --scale S]`: the whole Netflix Prize at its own size (100,480,507 ratings, 480,189
 * customers over the real id range, 17,770 movies; generated once into bench/data with a probe.txt), measured
 * in one run:
 * - loading: MB/s and peak bytes per rating over the resident memory before the load, in Node (a fresh
 *   process per round, peak from its maxRSS) and in headless Chromium (a fresh browser per round, the
 *   project's loader in a worker reading a chosen File, peak from the renderer's VmHWM in /proc);
 * - an epoch of biased MF, f = 50, over every training rating (all but the probe's), ratings/s, the project's
 *   SGD against PyTorch's sparse-embedding SGD on the same ratings (bench/mf/torch_mf.py), probe RMSE beside.
 * `--scale` shrinks customers, ratings and probe together (0.25: a quarter); results say which scale ran.
 * Rounds: BENCH_ROUNDS (default 2) loads each; BENCH_PRIZE_EPOCHS (default 2) epochs per model and per
 * PyTorch setting. Medians with min and max; writes bench/results/prize.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MF_OPTIONS } from '../../src/stages/baselines/compute/biased-mf';
import { PYTHON, torchEnv, torchUnavailable } from '../torch-peer';
import { CHROMIUM } from '../../tests/helpers/browser/harness';
import { buildLoadPage, loadInChromium, type ChromiumLoad } from './chromium-load';
import { ensurePrizeFiles, prizeCounts, type PrizeFileOptions } from './prize-file';

const ROOT = join(import.meta.dirname, '../..');
const DATA = join(ROOT, 'bench/data');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const EPOCHS = Number(process.env.BENCH_PRIZE_EPOCHS ?? 2);
/** The project's models whose epochs are timed (names of bench/prize/model-epochs.ts's EPOCH_MODELS). */
const PROJECT_MODELS = ['mf'];
/** Batch 16384 was PyTorch's fastest here (bench:mf; 1024 ran at under half its speed on 10 M of these). */
const TORCH_BATCHES = [16384];
const TORCH_THREADS = [...new Set([1, cpus().length])];
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

function scaleFromArgs(argv: string[]): number {
  const at = argv.indexOf('--scale');
  if (at < 0) return 1;
  const scale = Number(argv[at + 1]);
  if (!(scale > 0 && scale <= 1))
    throw new Error(`--scale takes a number in (0, 1], not ${argv[at + 1]}`);
  return scale;
}

interface Spread {
  median: number;
  min: number;
  max: number;
}
/** The middle value, or the mean of the two middle ones (as numpy's median, which the PyTorch peer uses). */
function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: median(sorted), min: sorted[0], max: sorted.at(-1)! };
}

interface NodeLoad {
  bytes: number;
  ratings: number;
  seconds: number;
  mbPerSecond: number;
  storedBytesPerRating: number;
  peakBytesPerRating: number;
  peakRssMb: number;
}

/** The ingest benchmark's one-process measurement (bench/ingest/measure.ts), on this file. */
function loadInNode(file: string): NodeLoad {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', TSX, join(ROOT, 'bench/ingest/measure.ts'), 'project', file],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out) as NodeLoad;
}

interface ModelEpochs {
  model: string;
  epochSeconds: number[];
  ratingsPerSecond: number;
  probeRmse: number;
}
interface ProjectEpochs {
  trainRatings: number;
  probeRatings: number;
  users: number;
  movies: number;
  rssBeforeTrainingMb: number;
  peakRssMb: number;
  models: ModelEpochs[];
}

function projectEpochs(ratings: string, probe: string, columns: string): ProjectEpochs {
  const out = execFileSync(
    process.execPath,
    [
      TSX,
      join(ROOT, 'bench/prize/model-epochs.ts'),
      ratings,
      probe,
      columns,
      PROJECT_MODELS.join(','),
      String(EPOCHS),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(out) as ProjectEpochs;
}

interface TorchRun {
  threads: number;
  batch: number;
  epochSeconds: number[];
  ratingsPerSecond: number;
  testRmse: number;
}

function torchEpochs(columns: string): { torch: string; runs: TorchRun[] } | { skipped: string } {
  const missing = torchUnavailable();
  if (missing) return { skipped: missing };
  const mf = DEFAULT_MF_OPTIONS;
  const settings = [
    50,
    EPOCHS,
    mf.learningRate,
    mf.learningRateDecay,
    mf.regFactor,
    mf.regBias,
    mf.initSd,
  ];
  const out = execFileSync(
    PYTHON,
    [
      join(ROOT, 'bench/mf/torch_mf.py'),
      columns,
      TORCH_THREADS.join(','),
      ...settings.map(String),
      ...TORCH_BATCHES.map(String),
    ],
    {
      encoding: 'utf8',
      env: torchEnv({ passiveWait: true }),
      maxBuffer: 1 << 20,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return JSON.parse(out) as { torch: string; runs: TorchRun[] };
}

const scale = scaleFromArgs(process.argv.slice(2));
const generator: PrizeFileOptions = { seed: 2006, scale };
const name = `prize-netflix-seed${generator.seed}-scale${scale}`;
const ratingsFile = join(DATA, `${name}.txt`);
const probeFile = join(DATA, `${name}-probe.txt`);
const columns = join(DATA, `${name}-columns`);
mkdirSync(DATA, { recursive: true });
console.log(`making ${ratingsFile} and its probe (once)…`);
const sizes = ensurePrizeFiles(ratingsFile, probeFile, generator);
console.log(`${(sizes.ratingsBytes / 1e6).toFixed(0)} MB of ratings`);
const load = [loadavg()[0]];

const nodeRounds: NodeLoad[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const m = loadInNode(ratingsFile);
  nodeRounds.push(m);
  console.log(
    `Node load ${round}/${ROUNDS}: ${m.mbPerSecond.toFixed(1)} MB/s, ${m.seconds.toFixed(1)} s, peak ${m.peakBytesPerRating.toFixed(2)} B/rating`,
  );
}
load.push(loadavg()[0]);

const chromiumRounds: ChromiumLoad[] = [];
const chromiumSkipped: string | null = existsSync(CHROMIUM)
  ? null
  : `Chromium is missing at ${CHROMIUM}`;
if (!chromiumSkipped) {
  buildLoadPage();
  for (let round = 1; round <= ROUNDS; round++) {
    const m = await loadInChromium(ratingsFile);
    chromiumRounds.push(m);
    console.log(
      `Chromium load ${round}/${ROUNDS}: ${m.mbPerSecond.toFixed(1)} MB/s, ${m.seconds.toFixed(1)} s, peak ${m.peakBytesPerRating.toFixed(2)} B/rating`,
    );
  }
} else console.log(`Chromium skipped: ${chromiumSkipped}`);
load.push(loadavg()[0]);

console.log(`project: ${EPOCHS} epochs of ${PROJECT_MODELS.join(', ')} over all training ratings…`);
const project = projectEpochs(ratingsFile, probeFile, columns);
for (const m of project.models)
  console.log(
    `project ${m.model}: ${(m.ratingsPerSecond / 1e6).toFixed(2)} M ratings/s, probe RMSE ${m.probeRmse.toFixed(4)}`,
  );
load.push(loadavg()[0]);
console.log(`PyTorch: ${EPOCHS} epochs per setting on the same ratings…`);
const torch = torchEpochs(columns);
load.push(loadavg()[0]);

const loadSummary = (rounds: (NodeLoad | ChromiumLoad)[]) =>
  rounds.length === 0
    ? null
    : {
        seconds: spread(rounds.map((m) => m.seconds)),
        mbPerSecond: spread(rounds.map((m) => m.mbPerSecond)),
        peakBytesPerRating: spread(rounds.map((m) => m.peakBytesPerRating)),
        storedBytesPerRating: rounds[0].storedBytesPerRating,
      };
const mf = project.models.find((m) => m.model === 'mf')!;
/** Ratings per second of the fastest epoch. */
const fastest = (ratings: number, epochSeconds: number[]) => ratings / Math.min(...epochSeconds);
const torchRuns = 'runs' in torch ? torch.runs : [];
const bestTorch = torchRuns.reduce<TorchRun | null>(
  (a, b) => (a && a.ratingsPerSecond >= b.ratingsPerSecond ? a : b),
  null,
);
const oneThreadTorch = torchRuns
  .filter((r) => r.threads === 1)
  .reduce<TorchRun | null>((a, b) => (a && a.ratingsPerSecond >= b.ratingsPerSecond ? a : b), null);
const counts = prizeCounts(scale);
const result = {
  benchmark: 'prize',
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGb: totalmem() / 1e9,
    node: process.version,
    loadAverage: load,
    note: 'load averages above the core count mean other work shared the machine',
  },
  data: {
    scale,
    note:
      scale === 1
        ? 'the Netflix Prize training set at its own size'
        : `scaled to ${scale} of the Prize's customers, ratings and probe; movies stay 17,770`,
    generator,
    expected: counts,
    bytes: sizes.ratingsBytes,
    ratings: nodeRounds[0].ratings,
    probeBytes: sizes.probeBytes,
    trainRatings: project.trainRatings,
    probeRatings: project.probeRatings,
    users: project.users,
    movies: project.movies,
  },
  load: {
    rounds: ROUNDS,
    memoryMethod:
      'peak resident memory over the resident memory just before loading, ÷ ratings. Node: a fresh process per round, process.resourceUsage().maxRSS. Chromium: a fresh browser per round, the renderer process (which runs the page and its worker) VmHWM from /proc minus its VmRSS before the file was chosen; heldMbAfterLoad is performance.measureUserAgentSpecificMemory() with the dataset alive (cross-origin isolated page)',
    target: 'stored ≤ 11 B/rating, peak ≤ 16 B/rating; whole file ≤ 25 s in the tab',
    node: { ...loadSummary(nodeRounds), runs: nodeRounds },
    chromium: chromiumSkipped
      ? { skipped: chromiumSkipped }
      : { ...loadSummary(chromiumRounds), runs: chromiumRounds },
  },
  epochs: {
    epochsPerModel: EPOCHS,
    settings: { ...DEFAULT_MF_OPTIONS, factors: 50, epochs: EPOCHS, patience: 0 },
    project: {
      model: 'biased MF (src/stages/baselines/compute/biased-mf.ts), per-rating SGD, one JS thread',
      memory:
        'the loaded table (11 B/rating) + the training RatingSet the split builds (user, movie, day, rating: 14 B/rating) + ShuffledColumns, the copy fitBiasedMf shuffles each epoch (12 B/rating)',
      rssBeforeTrainingMb: project.rssBeforeTrainingMb,
      peakRssMb: project.peakRssMb,
      models: project.models,
    },
    torch: {
      model:
        'sparse nn.Embedding tables + torch.optim.SGD, mini-batches, summed loss (bench/mf/torch_mf.py)',
      ...('skipped' in torch
        ? { skipped: torch.skipped }
        : { version: torch.torch, runs: torch.runs }),
      best: bestTorch,
    },
    mfRatio: bestTorch ? mf.ratingsPerSecond / bestTorch.ratingsPerSecond : null,
    mfRatioOneThread: oneThreadTorch ? mf.ratingsPerSecond / oneThreadTorch.ratingsPerSecond : null,
    mfRatioFastestEpochs: bestTorch
      ? fastest(project.trainRatings, mf.epochSeconds) /
        Math.max(...torchRuns.map((r) => fastest(project.trainRatings, r.epochSeconds)))
      : null,
    ratioNote:
      'mfRatio: project MF median epoch ÷ PyTorch median epoch of its best setting; mfRatioOneThread: the same against its best one-thread setting; mfRatioFastestEpochs: fastest epoch of each (on a shared machine noise only slows an epoch down).',
    target: 'MF ≥ 1× PyTorch ratings/s',
  },
};
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/prize.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `MF ${(mf.ratingsPerSecond / 1e6).toFixed(2)} M/s vs PyTorch ${bestTorch ? (bestTorch.ratingsPerSecond / 1e6).toFixed(2) : '–'} M/s` +
    (result.epochs.mfRatio ? `: ${result.epochs.mfRatio.toFixed(2)}×` : ''),
);
