/**
 * `npm run bench:train`: trains the same LSTM (the report's: Normalization → LSTM(228) → Dense(228, swish) →
 * Dense(1), Adam 1e-3, MSE) on the same synthetic 10-step × 21-feature windows, batch 256, with
 * - the project's code (FastLstm + patched wasm backend) in Node and in a Chromium worker (threaded, as the
 *   app runs it when cross-origin isolated, and single-threaded);
 * - the same model with the stock tf.layers.lstm on the unpatched wasm backend (the "before"), in Node and
 *   Chromium, and on the patched backend in Node (what the backend fixes alone give);
 * - PyTorch on the CPU (bench/train/torch_lstm.py), one thread per core and one thread: with other work on
 *   the machine, OpenMP's two threads wait on each other and the first collapses (seen: 200–350 samples/s
 *   against ~4,500), so the peer's figure is the faster of the two.
 * Every measurement runs in its own process or worker, variants alternate, BENCH_RUNS rounds (default 3);
 * the best and median samples/s per variant and their ratios to PyTorch go to bench/results/train.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { BrowserJob } from './browser/bench.worker';
import { measureInChromium } from './browser-measure';
import { syntheticWindows } from './synthetic-windows';
import type { BenchShape } from './train-variants';
import { writeWindows } from './window-file';
import { PYTHON, torchEnv, torchUnavailable } from '../torch-peer';

const ROOT = join(import.meta.dirname, '../..');
const DATA = join(ROOT, 'bench/data');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SHAPE: BenchShape = { units: 228, batchSize: 256, warmupBatches: 6, timedBatches: 24 };
const SEED = 1;

type Sample = { samplesPerSecond: number; meanLoss?: number; [key: string]: unknown };

function nodeMeasure(
  variant: 'project' | 'stock',
  patching: 'patched' | 'unpatched',
  file: string,
): Sample {
  const out = execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      join(ROOT, 'bench/train/node-measure.ts'),
      variant,
      patching,
      file,
      JSON.stringify(SHAPE),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Sample;
}

function torchMeasure(file: string, threads: number): Sample {
  const env = torchEnv({ passiveWait: false });
  const out = execFileSync(
    PYTHON,
    [join(ROOT, 'bench/train/torch_lstm.py'), file, JSON.stringify(SHAPE), String(threads)],
    {
      encoding: 'utf8',
      env,
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Sample;
}

const BROWSER_JOBS: BrowserJob[] = [
  {
    label: 'chromiumProject',
    variant: 'project',
    patched: true,
    threads: cpus().length,
    shape: SHAPE,
  },
  {
    label: 'chromiumProjectOneThread',
    variant: 'project',
    patched: true,
    threads: 1,
    shape: SHAPE,
  },
  {
    label: 'chromiumStockUnpatched',
    variant: 'stock',
    patched: false,
    threads: cpus().length,
    shape: SHAPE,
  },
];

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  mkdirSync(DATA, { recursive: true });
  const file = join(DATA, 'train-windows.bin');
  const count = (SHAPE.warmupBatches + SHAPE.timedBatches) * SHAPE.batchSize;
  writeWindows(file, syntheticWindows({ count, steps: 10, clusters: 20, seed: SEED }));
  const torchSkip = torchUnavailable();
  if (torchSkip) console.warn(`PyTorch skipped: ${torchSkip}`);

  const rounds: Record<string, Sample[]> = {};
  const record = (name: string, sample: Sample) => {
    (rounds[name] ??= []).push(sample);
    console.log(`${name}: ${sample.samplesPerSecond?.toFixed(0) ?? sample.error} samples/s`);
  };
  const loads: number[] = [loadavg()[0]];
  for (let round = 0; round < RUNS; round++) {
    console.log(`== round ${round + 1} of ${RUNS}`);
    if (!torchSkip) record('pytorch', torchMeasure(file, cpus().length));
    if (!torchSkip) record('pytorchOneThread', torchMeasure(file, 1));
    record('nodeProject', nodeMeasure('project', 'patched', file));
    record('nodeStockPatched', nodeMeasure('stock', 'patched', file));
    record('nodeStockUnpatched', nodeMeasure('stock', 'unpatched', file));
    for (const sample of await measureInChromium(file, BROWSER_JOBS, round === 0))
      record(String(sample.label), sample as Sample);
    loads.push(loadavg()[0]);
  }

  const summary: Record<string, { best: number; median: number }> = {};
  for (const [name, samples] of Object.entries(rounds)) {
    const speeds = samples.map((s) => s.samplesPerSecond).filter((v) => Number.isFinite(v));
    summary[name] = { best: Math.max(...speeds), median: median(speeds) };
  }
  // The peer: PyTorch in its faster thread setting (per statistic), so contention cannot flatter the ratios.
  if (summary.pytorch && summary.pytorchOneThread) {
    summary.pytorchFaster = {
      best: Math.max(summary.pytorch.best, summary.pytorchOneThread.best),
      median: Math.max(summary.pytorch.median, summary.pytorchOneThread.median),
    };
  }
  const ratio = (name: string, to: string, pick: 'best' | 'median') =>
    summary[name] && summary[to] ? summary[name][pick] / summary[to][pick] : null;
  const ratios: Record<string, unknown> = {};
  for (const name of Object.keys(summary)) {
    if (name.startsWith('pytorch')) continue;
    ratios[`${name}/pytorch`] = {
      best: ratio(name, 'pytorchFaster', 'best'),
      median: ratio(name, 'pytorchFaster', 'median'),
    };
  }
  ratios['nodeProject/nodeStockUnpatched'] = {
    best: ratio('nodeProject', 'nodeStockUnpatched', 'best'),
    median: ratio('nodeProject', 'nodeStockUnpatched', 'median'),
  };
  ratios['chromiumProject/chromiumStockUnpatched'] = {
    best: ratio('chromiumProject', 'chromiumStockUnpatched', 'best'),
    median: ratio('chromiumProject', 'chromiumStockUnpatched', 'median'),
  };

  const fastestProject = [...(rounds.nodeProject ?? [])].sort(
    (a, b) => b.samplesPerSecond - a.samplesPerSecond,
  )[0];
  const result = {
    benchmark: 'train',
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadAverage: loads,
      note: 'one-minute load averages before and after each round; above the core count, other work shared the machine',
    },
    model:
      'Normalization → LSTM(228) → Dense(228, swish) → Dense(1), Adam(1e-3), MSE; windows 10 steps × 21 features ' +
      '(20 cluster one-hot + rating), synthetic, seed 1; the same windows for every trainer',
    shape: SHAPE,
    method:
      `samples/s over ${SHAPE.timedBatches} batches of ${SHAPE.batchSize} after ${SHAPE.warmupBatches} warm-up batches; ` +
      `each measurement in a fresh process (Node, PyTorch) or worker (Chromium); variants alternate; ${RUNS} rounds`,
    pytorchSkipped: torchSkip,
    summary,
    ratios,
    /** One batch of the project's model in Node (wasm, one thread), by backend kernel. */
    nodeProjectKernelProfile: fastestProject?.kernelProfile ?? null,
    rounds,
  };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/train.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify({ summary, ratios }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
