/**
 * `npm run bench:gpu`: on the machine it runs on, trains LSTM(228) on 10-step windows (batch 256 and 1024)
 * and the dense embedding model (batch 256) with
 * - tfjs-backend-webgpu as it ships (the project's model and FastLstm layer; also tfjs' own LSTM layer at
 *   batch 256 on a real GPU), in headless Chromium with the flags that expose a real adapter;
 * - the project's WASM path (patches, fused Adam, threads) in the same Chromium;
 * - PyTorch on the same machine, CUDA when this torch has it, else the CPU (bench/gpu/torch_gpu.py).
 * The fused WebGPU LSTM kernels are not built, so there is no "fused" WebGPU row (gpu.json says so).
 * The adapter's self-description is recorded first; a software adapter (SwiftShader, lavapipe/llvmpipe,
 * Microsoft Basic Render, or isFallbackAdapter) is labelled `software` and its figures are written under
 * that key, never under `gpu`, and with fewer batches (it is ~100x slower). Writes bench/results/gpu.json.
 * Environment: BENCH_GPU_FLAGS replaces the Chromium GPU flags (space-separated); BENCH_GPU_TIMED sets the
 * timed batches per measurement. docs/gpu-benchmark.md explains both paths (Chromium, Node + Dawn).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/helpers/browser/harness';
import { writeDenseSample } from '../mf/dense-sample';
import { PYTHON, torchEnv, torchUnavailable } from '../torch-peer';
import { serveDirectory } from '../train/static-server';
import { syntheticWindows } from '../train/synthetic-windows';
import type { BenchShape } from '../train/train-variants';
import { writeWindows } from '../train/window-file';
import { classifyAdapter, type AdapterInfo } from './adapter-kind';
import type { GpuJob } from './browser/gpu.worker';
import { syntheticPairs } from './synthetic-pairs';

const ROOT = join(import.meta.dirname, '../..');
const OUT = join(ROOT, 'bench/data/gpu-browser');
const UNITS = 228;
const LSTM_BATCHES = [256, 1024];
const DENSE_BATCH = 256;
const DENSE = { users: 40_000, movies: 4_000, seed: 7 };

/**
 * Flags that let headless Chromium on Linux use the machine's Vulkan driver for WebGPU (gpuweb/gpuweb#5022:
 * Chrome on Linux also needs VulkanFromANGLE and DefaultANGLEVulkan; --disable-vulkan-surface because there
 * is no display). Where no GPU driver is present Chromium falls back to SwiftShader, which is then reported.
 */
const GPU_FLAGS = (
  process.env.BENCH_GPU_FLAGS ??
  '--enable-unsafe-webgpu --enable-features=Vulkan,VulkanFromANGLE,DefaultANGLEVulkan ' +
    '--use-angle=vulkan --use-vulkan=native --disable-vulkan-surface --enable-gpu --ignore-gpu-blocklist ' +
    '--enable-unsafe-swiftshader'
)
  .split(/\s+/)
  .filter(Boolean);

type Result = { label: string; error?: string; samplesPerSecond?: number; [key: string]: unknown };

async function inChromium(jobs: GpuJob[]): Promise<Result[]> {
  const server = await serveDirectory(OUT, true);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...GPU_FLAGS],
  });
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`[chromium] ${message.text()}`);
    });
    await page.goto(`${server.url}index.html?plan=${encodeURIComponent(JSON.stringify(jobs))}`);
    await page.waitForFunction(
      () => (globalThis as unknown as { document: { title: string } }).document.title === 'done',
      undefined,
      { timeout: 60 * 60_000, polling: 1000 },
    );
    return (await page.evaluate(
      () => (globalThis as unknown as { benchResults: unknown[] }).benchResults,
    )) as Result[];
  } finally {
    await browser.close();
    await server.close();
  }
}

function torchJobs(jobs: object[], windowsFile: string, denseFile: string): Result[] | string {
  const missing = torchUnavailable();
  if (missing) return missing;
  const out = execFileSync(
    PYTHON,
    [join(import.meta.dirname, 'torch_gpu.py'), windowsFile, denseFile, JSON.stringify(jobs)],
    {
      encoding: 'utf8',
      env: torchEnv({ passiveWait: true }),
      maxBuffer: 1 << 22,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Result);
}

const rate = (r: Result | undefined) =>
  r?.samplesPerSecond !== undefined ? Math.round(r.samplesPerSecond) : null;

mkdirSync(OUT, { recursive: true });
execFileSync(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'build', '--config', 'bench/gpu/browser/vite.config.ts'],
  { stdio: 'inherit', cwd: ROOT },
);

const [probe] = await inChromium([{ kind: 'adapter', label: 'adapter' }]);
const adapterInfo = (probe.info ?? {}) as AdapterInfo;
const adapter = probe.available
  ? classifyAdapter(adapterInfo)
  : { kind: 'none' as const, reason: String(probe.reason ?? probe.error), name: '' };
const label = adapter.kind === 'gpu' ? 'gpu' : 'software';
console.log(
  `WebGPU adapter: ${adapter.name || 'none'} → ${label}${adapter.reason ? ` (${adapter.reason})` : ''}`,
);

// A software adapter trains LSTM(228) at tens of samples/s: a couple of batches say enough.
const hardware = adapter.kind === 'gpu';
const timed = Number(process.env.BENCH_GPU_TIMED ?? (hardware ? 20 : 2));
const shape = (batchSize: number): BenchShape => ({
  units: UNITS,
  batchSize,
  warmupBatches: hardware ? 3 : 1,
  timedBatches: timed,
});
const most = Math.max(...LSTM_BATCHES) * (shape(1).warmupBatches + timed);
mkdirSync(OUT, { recursive: true });
const windowsFile = join(ROOT, 'bench/data/gpu-windows.bin');
writeWindows(windowsFile, syntheticWindows({ count: most, steps: 10, clusters: 20, seed: 1 }));
copyFileSync(windowsFile, join(OUT, 'windows.bin'));
const denseOptions = { ...DENSE, count: DENSE_BATCH * (shape(1).warmupBatches + timed) };
const pairs = syntheticPairs(denseOptions);
const denseFile = join(ROOT, 'bench/data/gpu-dense.bin');
const asSet = { count: pairs.user.length, ...pairs, day: new Uint16Array(pairs.user.length) };
writeDenseSample(denseFile, {
  users: DENSE.users,
  movies: DENSE.movies,
  train: asSet,
  test: asSet,
});

const trainJob = (
  backend: 'webgpu' | 'wasm',
  model: 'lstm' | 'dense',
  batchSize: number,
  variant: 'project' | 'stock' = 'project',
): GpuJob => ({
  kind: 'train',
  label: `${backend} ${model}${model === 'lstm' ? `(${UNITS}) ${variant}` : ''} batch ${batchSize}`,
  backend,
  model,
  variant,
  shape: shape(batchSize),
  wasmThreads: cpus().length,
  dense: denseOptions,
});
const jobs: GpuJob[] = [];
for (const backend of ['webgpu', 'wasm'] as const) {
  if (backend === 'webgpu' && !probe.available) continue;
  for (const batch of LSTM_BATCHES) jobs.push(trainJob(backend, 'lstm', batch));
  if (backend === 'webgpu' && hardware) jobs.push(trainJob(backend, 'lstm', 256, 'stock'));
  jobs.push(trainJob(backend, 'dense', DENSE_BATCH));
}
const load = [loadavg()[0]];
const browser: Result[] = [];
for (const job of jobs) {
  // One page per job: a crash or a lost device on one backend does not take the others with it.
  const [result] = await inChromium([job]);
  browser.push(result);
  console.log(
    `${job.label}: ${result.error ?? `${rate(result)?.toLocaleString('en-US')} samples/s`}`,
  );
}
load.push(loadavg()[0]);
const torch = torchJobs(
  [
    ...LSTM_BATCHES.map((batch) => ({ model: 'lstm', ...shape(batch) })),
    { model: 'dense', ...shape(DENSE_BATCH) },
  ],
  windowsFile,
  denseFile,
);
if (typeof torch === 'string') console.log(`PyTorch skipped: ${torch}`);
else
  for (const t of torch)
    console.log(`PyTorch (${t.device}) ${t.model} batch ${t.batchSize}: ${rate(t)} samples/s`);
load.push(loadavg()[0]);

const find = (prefix: string) => browser.find((r) => r.label.startsWith(prefix));
const torchFind = (model: string, batch: number) =>
  typeof torch === 'string'
    ? undefined
    : torch.find((t) => t.model === model && t.batchSize === batch);
const comparisons = [
  ...LSTM_BATCHES.map((batch) => ({
    model: `lstm(${UNITS}) batch ${batch}`,
    webgpu: rate(find(`webgpu lstm(${UNITS}) project batch ${batch}`)),
    wasm: rate(find(`wasm lstm(${UNITS}) project batch ${batch}`)),
    pytorch: rate(torchFind('lstm', batch)),
  })),
  {
    model: `dense batch ${DENSE_BATCH}`,
    webgpu: rate(find(`webgpu dense batch ${DENSE_BATCH}`)),
    wasm: rate(find(`wasm dense batch ${DENSE_BATCH}`)),
    pytorch: rate(torchFind('dense', DENSE_BATCH)),
  },
].map((c) => ({
  ...c,
  webgpuOverWasm: c.webgpu && c.wasm ? c.webgpu / c.wasm : null,
  webgpuOverPytorch: c.webgpu && c.pytorch ? c.webgpu / c.pytorch : null,
}));

const result = {
  benchmark: 'gpu',
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, loadAverage: load },
  chromium: { executable: CHROMIUM, flags: GPU_FLAGS },
  adapter: { ...adapter, label, probe },
  note:
    label === 'software'
      ? 'SOFTWARE ADAPTER: the WebGPU figures below are a CPU emulating a GPU, not GPU speed; WASM and ' +
        'PyTorch figures are this CPU'
      : 'a hardware WebGPU adapter; PyTorch ran on the device named in its rows',
  method:
    `each measurement in a fresh Chromium page and worker: ${shape(1).warmupBatches} warm-up batches, then ${timed} ` +
    'timed batches through fitModel (loss read back after every batch, as in training); PyTorch the same ' +
    'batches with CUDA synchronised before and after the timed ones',
  fusedWebGpu:
    'not built: no fused WebGPU LSTM kernels yet, so WebGPU rows are tfjs-backend-webgpu as it ships',
  [label]: { browser, pytorch: torch, comparisons },
};
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/gpu.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`wrote bench/results/gpu.json under "${label}"`);
for (const c of comparisons)
  console.log(
    `[${label}] ${c.model}: WebGPU ${c.webgpu ?? '–'}, WASM ${c.wasm ?? '–'}, PyTorch ${c.pytorch ?? '–'} samples/s`,
  );
