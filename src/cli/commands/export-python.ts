import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { RATING_MODEL_KINDS } from '../../stages/baselines/compute/baseline-params';
import type { RatingModelKind } from '../../stages/baselines/compute/rating-model';
import type { ClusterSpace } from '../../stages/cluster/compute/cluster-movies';
import { MATRIX_VALUES, type MatrixValues } from '../../stages/explore/compute/movie-user-matrix';
import type { ExportDataFile, PythonExportParams } from '../../stages/export/contract';
import {
  DEFAULT_WINDOW_CLUSTERS,
  defaultExportParams,
} from '../../stages/export/compute/export-params';
import { exportPythonProject } from '../../stages/export/compute/export-python-project';
import { proposeLayout } from '../../stages/ingest/compute/delimited-layout';
import { sniffFormat } from '../../stages/ingest/compute/sniff-format';
import { integerOption, stringOption, UsageError, type ParsedArgs } from '../args';
import { readFileHead } from '../file-head';
import { loadRatingsFromPaths } from '../load-paths';
import { WINDOW_FEATURE_FLAGS } from '../network-windows';
import {
  checkFlags,
  SPLIT_FLAGS,
  SPLIT_USAGE,
  splitOptionsFromArgs,
  subsetOptionsFromArgs,
  switchOn,
  withSwitches,
} from '../split-args';
import { NETWORK_FLAGS, networkSpec } from './train-networks';

const MODELS = [...RATING_MODEL_KINDS, 'lstm', 'dense'] as const;
type ExportModel = (typeof MODELS)[number];

const CLUSTER_FLAGS = ['kmin', 'kmax', 'ninit', 'values', 'space'] as const;
const TUNE_FLAGS = ['max-epochs', 'factor', 'iterations'] as const;

export const EXPORT_PYTHON_USAGE =
  `export-python FILE... --out DIR ${SPLIT_USAGE} [--k K] [--days] [--movie-mean] ` +
  `[--kmin 7 --kmax 30 --ninit 10 --values centred|raw|binary --space pca|raw] [--models ${MODELS.join(',')}] ` +
  '[--units N --layers L --dropout D --activation A --embedding E --lr L --epochs E --batch B --patience P] ' +
  '[--max-epochs E --factor F --iterations I]';

/** How the exported project reads each named file: Netflix blocks, or the delimited layout the loader proposes. */
async function dataFiles(paths: string[]): Promise<ExportDataFile[]> {
  const files: ExportDataFile[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    const format = sniffFormat(await readFileHead(absolute));
    if (format.kind === 'netflix-ratings') files.push({ path: absolute, format: 'netflix' });
    else if (format.kind === 'delimited') {
      const { layout, problem } = proposeLayout(format.firstText);
      if (!layout)
        throw new UsageError(`${path}: ${problem ?? 'no user, item, rating and time columns'}`);
      files.push({ path: absolute, format: 'delimited', layout });
    } else if (format.kind === 'zip')
      throw new UsageError(`${path} is a zip archive: unzip it and name the rating files inside`);
    // Titles files (and the Prize's probe and qualifying lists) hold no ratings to re-run on.
  }
  return files;
}

/** The notebook's parameters from the command line, with the cells' defaults for what it leaves out. */
async function paramsFromArgs(args: ParsedArgs): Promise<PythonExportParams> {
  const seed = integerOption(args, 'seed', 7, 0);
  const { data } = await loadRatingsFromPaths(args.positional);
  const files = await dataFiles(args.positional);
  const base = defaultExportParams(files, {
    users: data.userIds.ids.length,
    movies: data.movieIds.ids.length,
  });
  const subset = subsetOptionsFromArgs(data, args);
  const movies = Math.min(subset.movies, data.movieIds.ids.length);
  const { windows, split } = splitOptionsFromArgs(args);
  const values = data.table.ratingValues;
  const range: [number, number] = [values[0], values[values.length - 1]];
  const lstm = networkSpec('lstm', args, seed, range);
  const dense = networkSpec('dense', args, seed, range);
  const fit = (kind: 'lstm' | 'dense') => ({
    batchSize: integerOption(args, 'batch', base[kind].batchSize),
    epochs: integerOption(args, 'epochs', base[kind].epochs),
    patience: integerOption(args, 'patience', base[kind].patience),
  });
  const models = (args.options.get('models') ?? base.models.join(',')).split(',') as ExportModel[];
  const unknown = models.filter((m) => !MODELS.includes(m));
  if (unknown.length > 0)
    throw new UsageError(`unknown model ${unknown.join(', ')}; choose from ${MODELS.join(', ')}`);
  // The Baselines cell always has a selection; without rating models here, it keeps its default.
  const ratingModels = models.filter((m): m is RatingModelKind => m !== 'lstm' && m !== 'dense');
  // Only the LSTM's windows use the clusters: the rating models run on data with fewer movies than k.
  const k = integerOption(args, 'k', DEFAULT_WINDOW_CLUSTERS, 2);
  if (models.includes('lstm') && k >= movies)
    throw new UsageError(
      `--k must be a whole number from 2 to ${movies - 1} (the subset has ${movies} movies)`,
    );
  return {
    ...base,
    seed,
    subset,
    cluster: {
      ...base.cluster,
      kMin: integerOption(args, 'kmin', base.cluster.kMin, 2),
      kMax: integerOption(args, 'kmax', base.cluster.kMax, 2),
      nInit: integerOption(args, 'ninit', base.cluster.nInit),
      values: stringOption<MatrixValues>(args, 'values', MATRIX_VALUES, base.cluster.values),
      space: stringOption<ClusterSpace>(args, 'space', ['pca', 'raw'], base.cluster.space),
      components: Math.min(base.cluster.components, movies - 1),
      k,
    },
    sequences: {
      steps: windows.steps,
      stride: windows.stride,
      maxPerUser: windows.maxPerUser,
      split: split.kind,
      valFraction: split.valFraction,
      testFraction: split.testFraction,
      daysSincePrevious: switchOn(args, 'days'),
      movieMean: switchOn(args, 'movie-mean'),
    },
    lstm:
      lstm.kind === 'lstm' ? { ...base.lstm, ...pick(lstm.options), ...fit('lstm') } : base.lstm,
    dense:
      dense.kind === 'dense'
        ? {
            ...base.dense,
            embeddingSize: dense.options.embeddingSize ?? base.dense.embeddingSize,
            dropout: dense.options.dropout ?? base.dense.dropout,
            learningRate: dense.options.learningRate ?? base.dense.learningRate,
            ...fit('dense'),
          }
        : base.dense,
    baselines: {
      ...base.baselines,
      models: ratingModels.length > 0 ? ratingModels : base.baselines.models,
      mf: { ...base.baselines.mf, seed },
    },
    tune: {
      ...base.tune,
      schedule: {
        maxEpochs: integerOption(args, 'max-epochs', base.tune.schedule.maxEpochs),
        factor: integerOption(args, 'factor', base.tune.schedule.factor, 2),
        iterations: integerOption(args, 'iterations', base.tune.schedule.iterations),
      },
    },
    models,
  };
}

function pick(o: {
  units?: number;
  layers?: number;
  dropout?: number;
  activation?: PythonExportParams['lstm']['activation'];
  learningRate?: number;
}) {
  return {
    ...(o.units !== undefined && { units: o.units }),
    ...(o.layers !== undefined && { layers: o.layers }),
    ...(o.dropout !== undefined && { dropout: o.dropout }),
    ...(o.activation !== undefined && { activation: o.activation }),
    ...(o.learningRate !== undefined && { learningRate: o.learningRate }),
  };
}

/**
 * `export-python FILE... --out DIR`: writes a Python project that re-runs the notebook with these options
 * (README.md, requirements.txt, config.json, run.py, prizelab/, notebook.ipynb); prints `{"out","files"}`.
 */
export async function exportPythonCommand(parsed: ParsedArgs): Promise<unknown> {
  const args = withSwitches(parsed, ['days', 'movie-mean']);
  checkFlags(args, [
    ...SPLIT_FLAGS,
    ...WINDOW_FEATURE_FLAGS,
    ...CLUSTER_FLAGS,
    ...TUNE_FLAGS,
    ...new Set([...NETWORK_FLAGS.lstm, ...NETWORK_FLAGS.dense].filter((f) => f !== 'backend')),
    'models',
    'out',
  ]);
  const out = args.options.get('out');
  if (!out || out === 'true') throw new UsageError('name the folder to write with --out DIR');
  const params = await paramsFromArgs(args);
  let files;
  try {
    files = exportPythonProject(params);
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  const folder = resolve(out);
  for (const file of files) {
    const path = resolve(folder, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  return { out: folder, files: files.map((f) => f.path) };
}
