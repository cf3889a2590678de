/**
 * `npm run bench:cluster`: the project's PCA, K-Means sweep and silhouettes against scikit-learn on the
 * same data, in one run. Builds the matrix as the `cluster` CLI command does (subset → mean-centred
 * movies × users matrix → 50 PCA components) for the bundled sample and for a generated 2,000 movies ×
 * 10,000 users subset, hands scikit-learn identical inputs through .npy files (bench/data/, ignored by
 * git), and writes bench/results/cluster.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { loadRatingsFromPaths } from '../../src/cli/load-paths';
import { nodeTensorOps } from '../../src/cli/tensor-backend';
import { DEFAULT_CLUSTER_OPTIONS } from '../../src/stages/cluster/compute/cluster-movies';
import { kMeans } from '../../src/stages/cluster/compute/kmeans';
import { seedForK } from '../../src/stages/cluster/compute/kmeans-sweep';
import { DensePoints, SparsePoints } from '../../src/stages/cluster/compute/point-set';
import { meanSilhouette, silhouetteBasis } from '../../src/stages/cluster/compute/silhouette';
import {
  centredOperator,
  sparseOperator,
  tensorOperator,
  type MatrixOperator,
} from '../../src/stages/explore/compute/matrix-operator';
import {
  buildMovieUserMatrix,
  columnMeans,
  toDense,
  totalVariance,
  type CsrMatrix,
} from '../../src/stages/explore/compute/movie-user-matrix';
import {
  DEFAULT_PCA_OPTIONS,
  randomizedPca,
} from '../../src/stages/explore/compute/randomized-pca';
import { defaultSubsetOptions, selectTopSubset } from '../../src/stages/subset/compute/top-subset';
import { writeGeneratedRatings } from './generated-data';
import { writeNpy } from './npy';

const ROOT = join(import.meta.dirname, '../..');
const DATA = join(ROOT, 'bench/data');
const PYTHON = '/usr/bin/python3';
const REPEATS = 3;
const { kMin, kMax, nInit, components } = DEFAULT_CLUSTER_OPTIONS;
const RAW_K = 20;
const RAW_N_INIT = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result: T | undefined;
  for (let r = 0; r < REPEATS; r++) {
    const started = performance.now();
    result = await run();
    times.push(performance.now() - started);
  }
  return { ms: median(times), result: result as T };
}

async function pcaWith(matrix: CsrMatrix, make: (m: CsrMatrix) => MatrixOperator) {
  const base = make(matrix);
  try {
    return await randomizedPca(centredOperator(base, columnMeans(matrix)), totalVariance(matrix), {
      ...DEFAULT_PCA_OPTIONS,
      components,
    });
  } finally {
    base.dispose();
  }
}

/** One Lloyd assignment pass (every point to every centre) by loops and by tfjs, to see which is faster. */
async function assignmentPass(points: DensePoints, k: number) {
  const { count: n, dimensions: d, values } = points;
  const centres = values.slice(0, k * d);
  const loops = await timed(() => {
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let best = Infinity;
      for (let c = 0; c < k; c++) {
        const distance = points.squaredDistance(i, centres, c);
        if (distance < best) {
          best = distance;
          labels[i] = c;
        }
      }
    }
    return labels;
  });
  const x = tf.tensor2d(Float32Array.from(values), [n, d]);
  const tensors = await timed(async () => {
    // ‖x − c‖² = ‖x‖² − 2 x·c + ‖c‖², with the centres transposed explicitly (FINDINGS.md).
    const c = tf.tensor2d(Float32Array.from(centres), [k, d]);
    const labels = tf.tidy(() => {
      const cross = tf.matMul(x, tf.transpose(c));
      const distances = tf.sub(tf.sum(tf.square(c), 1), tf.mul(cross, 2));
      return tf.argMin(distances, 1);
    });
    const out = await labels.data();
    labels.dispose();
    c.dispose();
    return out;
  });
  x.dispose();
  return { loopsMs: loops.ms, tfjsMs: tensors.ms };
}

type SubsetSize = { users: number; movies: number } | null;

/** Our side on one dataset; leaves the peer's inputs in `folder`. */
async function measureOurs(name: string, files: string[], subsetSize: SubsetSize) {
  console.error(`\n== ${name}`);
  const { data } = await loadRatingsFromPaths(files);
  const subset = selectTopSubset(
    data,
    subsetSize ?? defaultSubsetOptions(data.userIds.ids.length, data.movieIds.ids.length),
  );
  const { matrix } = buildMovieUserMatrix(subset.data, {
    values: 'centred',
    sampleRatings: null,
    seed: 1,
  });
  const shape = { movies: matrix.rows, users: matrix.cols, ratings: matrix.values.length };
  console.error(`matrix ${matrix.rows} × ${matrix.cols}, ${matrix.values.length} ratings`);

  const pcaTfjs = await timed(() => pcaWith(matrix, (m) => tensorOperator(m, tf)));
  const pcaLoops = await timed(() => pcaWith(matrix, sparseOperator));
  console.error(
    `PCA(${components}): tfjs ${pcaTfjs.ms.toFixed(0)} ms, loops ${pcaLoops.ms.toFixed(0)} ms`,
  );
  const pca = pcaTfjs.result;
  const points = new DensePoints(pca.scores, matrix.rows, pca.components);

  // The sweep as runKMeansSweep runs it, timed in parts: shared distances, K-Means per k, silhouettes.
  const basis = await timed(() => silhouetteBasis(points));
  const sweepRuns: { k: number; inertia: number; ms: number; labels: Int32Array }[] = [];
  for (let k = kMin; k <= kMax; k++) {
    const distances = basis.result.sampleSize === null ? basis.result.distances : null;
    const options = {
      ...DEFAULT_CLUSTER_OPTIONS,
      k,
      seed: seedForK(DEFAULT_CLUSTER_OPTIONS.seed, k),
    };
    const run = await timed(() => kMeans(points, options, {}, distances));
    sweepRuns.push({ k, inertia: run.result.inertia, ms: run.ms, labels: run.result.labels });
  }
  const silhouettes = await timed(() =>
    sweepRuns.map((run) => meanSilhouette(basis.result, run.labels, run.k)),
  );
  const kmeansMs = sweepRuns.reduce((s, r) => s + r.ms, 0);
  console.error(
    `sweep: K-Means ${kmeansMs.toFixed(0)} ms, silhouettes ${(basis.ms + silhouettes.ms).toFixed(0)} ms`,
  );

  const rawPoints = new SparsePoints(matrix);
  const raw = await timed(() =>
    kMeans(rawPoints, { ...DEFAULT_CLUSTER_OPTIONS, k: RAW_K, nInit: RAW_N_INIT }),
  );
  const assignment = await assignmentPass(points, 20);

  const folder = join(DATA, `cluster-${name}`);
  mkdirSync(folder, { recursive: true });
  writeNpy(join(folder, 'matrix.npy'), toDense(matrix), [matrix.rows, matrix.cols]);
  writeNpy(join(folder, 'points.npy'), points.values, [points.count, points.dimensions]);
  const labels = new Int32Array(sweepRuns.length * points.count);
  sweepRuns.forEach((run, r) => labels.set(run.labels, r * points.count));
  writeNpy(join(folder, 'labels.npy'), labels, [sweepRuns.length, points.count]);
  writeNpy(join(folder, 'raw_values.npy'), matrix.values, [matrix.values.length]);
  writeNpy(join(folder, 'raw_columns.npy'), matrix.columns, [matrix.columns.length]);
  writeNpy(join(folder, 'raw_row_start.npy'), matrix.rowStart, [matrix.rowStart.length]);
  const config = {
    repeats: REPEATS,
    kMin,
    kMax,
    nInit,
    components,
    algorithm: 'lloyd',
    rawK: RAW_K,
    rawNInit: RAW_N_INIT,
    rawShape: [matrix.rows, matrix.cols],
    otherSeeds: [1, 2],
  };
  writeFileSync(join(folder, 'config.json'), JSON.stringify(config));

  const ours = {
    pca: {
      tfjsMs: pcaTfjs.ms,
      loopsMs: pcaLoops.ms,
      engine: `tfjs ${tf.getBackend()} dense products`,
      explainedVarianceRatio: pca.explainedVarianceRatio.reduce((s, x) => s + x, 0),
      powerIterations: pca.powerIterations,
    },
    sweep: {
      kmeansMs,
      distancesMs: basis.ms,
      silhouetteMs: silhouettes.ms,
      totalMs: kmeansMs + basis.ms + silhouettes.ms,
      silhouetteSample: basis.result.sampleSize,
      points: sweepRuns.map((run, i) => ({
        k: run.k,
        inertia: run.inertia,
        silhouette: silhouettes.result[i],
        kmeansMs: run.ms,
      })),
    },
    rawKMeans: { k: RAW_K, nInit: RAW_N_INIT, ms: raw.ms, inertia: raw.result.inertia },
    assignmentPass: { points: points.count, dimensions: points.dimensions, k: 20, ...assignment },
  };
  return { shape, ours, folder };
}

type Ours = Awaited<ReturnType<typeof measureOurs>>['ours'];
type Peer = ReturnType<typeof runPeer>;

async function benchDataset(name: string, files: string[], subsetSize: SubsetSize) {
  const { shape, ours, folder } = await measureOurs(name, files, subsetSize);
  // scikit-learn as shipped (OpenMP and OpenBLAS use every core), and on one thread as our loops run.
  const peer = runPeer(folder, {});
  const peerOneThread = runPeer(folder, { OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' });
  return {
    name,
    matrix: shape,
    subset: subsetSize,
    ours,
    sklearn: peer,
    sklearnOneThread: peerOneThread,
    comparison: compare(ours, peer),
    comparisonOneThread: compare(ours, peerOneThread),
  };
}

function runPeer(
  folder: string,
  threads: Record<string, string>,
): { skipped: string } | PeerResult {
  const env = { ...process.env, ...threads };
  // As FINDINGS.md advises: the machine's OpenBLAS core-type and cache overrides slow the peers down.
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  if (!existsSync(PYTHON)) return { skipped: `${PYTHON} is missing` };
  const run = spawnSync(PYTHON, [join(import.meta.dirname, 'sklearn_peer.py'), folder], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) {
    const reason = run.stderr.includes('No module named')
      ? 'scikit-learn is not installed'
      : run.stderr.trim();
    console.error(`scikit-learn skipped: ${reason}`);
    return { skipped: reason };
  }
  return JSON.parse(run.stdout) as PeerResult;
}

interface PeerResult {
  sklearn: string;
  pca: { ms: number; explainedVarianceRatio: number };
  sweep: { ms: number; inertia: number[]; inertiaOtherSeeds: number[][] };
  silhouette: { ms: number; values: number[] };
  rawKMeans: { ms: number; inertia: number };
}

/** Ratios ours ÷ scikit-learn: below 1 is faster (time) or lower (inertia, which is better). */
function compare(ours: Ours, peer: Peer) {
  if ('skipped' in peer) return null;
  const inertiaRatios = ours.sweep.points.map((p, i) => p.inertia / peer.sweep.inertia[i]);
  // How far scikit-learn's own other seeds land from its seed 0, and ours from the median of its three.
  const sklearnSeedRatios = peer.sweep.inertiaOtherSeeds.flatMap((row) =>
    row.map((inertia, i) => inertia / peer.sweep.inertia[i]),
  );
  const medianRatios = ours.sweep.points.map((p, i) => {
    const runs = [peer.sweep.inertia[i], ...peer.sweep.inertiaOtherSeeds.map((row) => row[i])];
    return p.inertia / median(runs);
  });
  const silhouetteDifferences = ours.sweep.points.map((p, i) =>
    Math.abs(p.silhouette - peer.silhouette.values[i]),
  );
  return {
    pcaTimeRatio: ours.pca.tfjsMs / peer.pca.ms,
    sweepKMeansTimeRatio: ours.sweep.kmeansMs / peer.sweep.ms,
    silhouetteTimeRatio: (ours.sweep.distancesMs + ours.sweep.silhouetteMs) / peer.silhouette.ms,
    sweepTotalTimeRatio: ours.sweep.totalMs / (peer.sweep.ms + peer.silhouette.ms),
    inertiaRatioMax: Math.max(...inertiaRatios),
    inertiaRatioMin: Math.min(...inertiaRatios),
    inertiaRatioMean: inertiaRatios.reduce((a, b) => a + b, 0) / inertiaRatios.length,
    inertiaWithin1Percent: inertiaRatios.every((r) => r <= 1.01),
    sklearnOtherSeedsInertiaRatioMin: Math.min(...sklearnSeedRatios),
    sklearnOtherSeedsInertiaRatioMax: Math.max(...sklearnSeedRatios),
    inertiaToSklearnSeedMedianMax: Math.max(...medianRatios),
    inertiaToSklearnSeedMedianMean: medianRatios.reduce((a, b) => a + b, 0) / medianRatios.length,
    silhouetteMaxAbsDifference: Math.max(...silhouetteDifferences),
    rawKMeansTimeRatio: ours.rawKMeans.ms / peer.rawKMeans.ms,
    rawKMeansInertiaRatio: ours.rawKMeans.inertia / peer.rawKMeans.inertia,
    explainedVarianceDifference: ours.pca.explainedVarianceRatio - peer.pca.explainedVarianceRatio,
  };
}

const loadAverageAtStart = loadavg()[0];
const tensorOps = await nodeTensorOps();
if (!tensorOps.tf) throw new Error('the benchmark needs tfjs-wasm in Node');
mkdirSync(DATA, { recursive: true });
const generated = join(DATA, 'generated_ratings.txt');
if (!existsSync(generated)) writeGeneratedRatings(generated);
const results = [
  await benchDataset('sample', [join(ROOT, 'public/sample/sample_ratings.txt.gz')], null),
  await benchDataset('generated', [generated], { users: 10_000, movies: 2_000 }),
];
const report = {
  benchmark: 'cluster',
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    // The machine is shared with other work; the 1-minute load average says how busy it was.
    loadAverageAtStart,
    loadAverageAtEnd: loadavg()[0],
  },
  tfjs: { version: tf.version_core, backend: tf.getBackend(), threads: 1 },
  settings: {
    values: 'centred',
    components,
    kMin,
    kMax,
    nInit,
    repeats: REPEATS,
    timing:
      'median of repeats, milliseconds; sklearn KMeans(algorithm="lloyd", random_state=0) on the same 50-d points',
  },
  results,
};
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/cluster.json'), `${JSON.stringify(report, null, 2)}\n`);
for (const r of results) {
  console.log(r.name, 'default threads', JSON.stringify(r.comparison));
  console.log(r.name, 'one thread', JSON.stringify(r.comparisonOneThread));
}
