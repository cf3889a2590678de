/**
 * `npm run bench:ingest`: the project's byte-level Netflix parser against papaparse (fast mode, chunked) on the
 * same ~200 MB Netflix-format file, each in its own process, alternating, three runs each; medians and the
 * ratio go to bench/results/ingest.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { BENCH_SAMPLE, ensureBenchFile } from './make-file';

const ROOT = join(import.meta.dirname, '../..');
const DATA = join(ROOT, 'bench/data');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Measurement {
  parser: string;
  bytes: number;
  ratings: number;
  seconds: number;
  mbPerSecond: number;
  storedBytesPerRating: number;
  peakBytesPerRating: number;
  peakRssMb: number;
}

function measure(parser: 'project' | 'papaparse', file: string): Measurement {
  const out = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      join(ROOT, 'bench/ingest/measure.ts'),
      parser,
      file,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out) as Measurement;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

mkdirSync(DATA, { recursive: true });
const file = join(
  DATA,
  `netflix-format-${BENCH_SAMPLE.users}x${BENCH_SAMPLE.movies}-seed${BENCH_SAMPLE.seed}.txt`,
);
console.log(`making ${file} (once)…`);
const bytes = await ensureBenchFile(file);
console.log(`${(bytes / 1e6).toFixed(0)} MB`);

const runs: Record<'project' | 'papaparse', Measurement[]> = { project: [], papaparse: [] };
for (let i = 0; i < RUNS; i++) {
  for (const parser of ['project', 'papaparse'] as const) {
    const m = measure(parser, file);
    runs[parser].push(m);
    console.log(
      `${parser}: ${m.mbPerSecond.toFixed(1)} MB/s, peak ${m.peakBytesPerRating.toFixed(1)} B/rating`,
    );
  }
}

const summarise = (list: Measurement[]) => ({
  mbPerSecond: median(list.map((m) => m.mbPerSecond)),
  seconds: median(list.map((m) => m.seconds)),
  peakBytesPerRating: median(list.map((m) => m.peakBytesPerRating)),
  storedBytesPerRating: list[0].storedBytesPerRating,
  ratings: list[0].ratings,
  runs: list.map((m) => ({
    mbPerSecond: m.mbPerSecond,
    peakBytesPerRating: m.peakBytesPerRating,
    peakRssMb: m.peakRssMb,
  })),
});
const project = summarise(runs.project);
const papaparse = summarise(runs.papaparse);
const result = {
  benchmark: 'ingest',
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
  file: {
    bytes,
    ratings: project.ratings,
    format: 'Netflix Prize combined_data',
    generator: BENCH_SAMPLE,
  },
  project,
  papaparse,
  speedRatio: project.mbPerSecond / papaparse.mbPerSecond,
  peakMemoryRatio: papaparse.peakBytesPerRating / project.peakBytesPerRating,
  target: 'project ≥ 3× papaparse MB/s',
};
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/ingest.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `project ${project.mbPerSecond.toFixed(1)} MB/s vs papaparse ${papaparse.mbPerSecond.toFixed(1)} MB/s: ${result.speedRatio.toFixed(2)}×`,
);
