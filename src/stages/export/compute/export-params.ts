import { RATING_MODEL_KINDS } from '../../baselines/compute/baseline-params';
import { DEFAULT_MF_OPTIONS } from '../../baselines/compute/biased-mf';
import { DEFAULT_STATIC_BASELINE_OPTIONS } from '../../baselines/compute/static-baseline';
import { DEFAULT_TIME_AWARE_BASELINE_OPTIONS } from '../../baselines/compute/time-aware-baseline';
import { DEFAULT_CLUSTER_OPTIONS } from '../../cluster/compute/cluster-movies';
import { DEFAULT_EXPLORE_OPTIONS } from '../../explore/compute/explore-projections';
import { PARAM_CATALOG } from '../../notebook/compute/param-catalog';
import { defaultSubsetOptions } from '../../subset/compute/top-subset';
import {
  DEFAULT_DENSE_CELL_OPTIONS,
  DEFAULT_LSTM_CELL_OPTIONS,
} from '../../train/compute/cell-defaults';
import { defaultHyperbandOptions } from '../../tune/compute/hyperband-schedule';
import { defaultSearchSpace } from '../../tune/compute/search-space';
import { DEFAULT_SEQUENCE_OPTIONS } from '../../windows/compute/sequence-options';
import { DEFAULT_SPLIT_OPTIONS } from '../../windows/compute/window-split';
import type { ExportDataFile, PythonExportParams } from '../contract';

/** The k the windows use when nobody chose one: the report's 20 clusters (the CLI's `--k` default). */
export const DEFAULT_WINDOW_CLUSTERS = 20;

/**
 * The notebook's defaults for a dataset of `users` × `movies`, taken from the stages' own default tables (the
 * cells and the CLI read the same ones), so the export cannot drift from them.
 */
export function defaultExportParams(
  files: ExportDataFile[],
  dataset: { users: number; movies: number },
): PythonExportParams {
  const subset = defaultSubsetOptions(dataset.users, dataset.movies);
  const seed = DEFAULT_SPLIT_OPTIONS.seed;
  return {
    seed,
    files,
    subset,
    explore: {
      values: DEFAULT_EXPLORE_OPTIONS.values,
      sampleRatings: DEFAULT_EXPLORE_OPTIONS.sampleRatings,
      sparseDensity: DEFAULT_EXPLORE_OPTIONS.sparseDensity,
      nmfComponents: DEFAULT_EXPLORE_OPTIONS.nmfComponents,
    },
    cluster: {
      kMin: DEFAULT_CLUSTER_OPTIONS.kMin,
      kMax: DEFAULT_CLUSTER_OPTIONS.kMax,
      nInit: DEFAULT_CLUSTER_OPTIONS.nInit,
      values: DEFAULT_CLUSTER_OPTIONS.values,
      space: DEFAULT_CLUSTER_OPTIONS.space,
      components: Math.min(DEFAULT_CLUSTER_OPTIONS.components, subset.movies - 1),
      k: DEFAULT_WINDOW_CLUSTERS,
    },
    sequences: { ...DEFAULT_SEQUENCE_OPTIONS },
    lstm: { ...DEFAULT_LSTM_CELL_OPTIONS },
    dense: { ...DEFAULT_DENSE_CELL_OPTIONS },
    baselines: {
      models: [...RATING_MODEL_KINDS],
      bias: { ...DEFAULT_STATIC_BASELINE_OPTIONS },
      timebias: { ...DEFAULT_TIME_AWARE_BASELINE_OPTIONS },
      mf: { ...DEFAULT_MF_OPTIONS, seed },
    },
    tune: { schedule: { ...defaultHyperbandOptions }, space: structuredClone(defaultSearchSpace) },
    models: [...RATING_MODEL_KINDS, 'lstm', 'dense'],
  };
}

/**
 * The parameters as the share links' catalog names them (`subset.users`, `lstm.units`, …): every key of
 * `PARAM_CATALOG`, so the export's config.json holds each cell parameter under the name the page gives it.
 */
export function catalogValues(p: PythonExportParams): Record<string, unknown> {
  const s = p.sequences;
  const space = p.tune.space;
  return {
    'subset.users': p.subset.users,
    'subset.movies': p.subset.movies,
    'explore.values': p.explore.values,
    'explore.sample': p.explore.sampleRatings ?? 0,
    'explore.sparseDensity': p.explore.sparseDensity,
    'explore.nmf': p.explore.nmfComponents,
    'cluster.kMin': p.cluster.kMin,
    'cluster.kMax': p.cluster.kMax,
    'cluster.nInit': p.cluster.nInit,
    'cluster.values': p.cluster.values,
    'cluster.space': p.cluster.space,
    'cluster.k': p.cluster.k,
    'sequences.window': s.steps,
    'sequences.stride': s.stride,
    'sequences.cap': s.maxPerUser ?? 0,
    'sequences.split': s.split,
    'sequences.val': s.valFraction,
    'sequences.test': s.testFraction,
    'sequences.gap': s.daysSincePrevious ? 'on' : 'off',
    'sequences.movieMean': s.movieMean ? 'on' : 'off',
    'lstm.units': p.lstm.units,
    'lstm.layers': p.lstm.layers,
    'lstm.dropout': p.lstm.dropout,
    'lstm.activation': p.lstm.activation,
    'lstm.lr': p.lstm.learningRate,
    'lstm.batch': p.lstm.batchSize,
    'lstm.epochs': p.lstm.epochs,
    'lstm.patience': p.lstm.patience,
    'tune.maxEpochs': p.tune.schedule.maxEpochs,
    'tune.factor': p.tune.schedule.factor,
    'tune.iterations': p.tune.schedule.iterations,
    'tune.layersMin': space.layers.min,
    'tune.layersMax': space.layers.max,
    'tune.unitsMin': space.units.min,
    'tune.unitsMax': space.units.max,
    'tune.dropoutMin': space.dropout.min,
    'tune.dropoutMax': space.dropout.max,
    'tune.lrMin': space.learningRate.min,
    'tune.lrMax': space.learningRate.max,
    'tune.activations': space.activations,
    'baselines.models': p.baselines.models,
    'baselines.factors': p.baselines.mf.factors,
    'baselines.lr': p.baselines.mf.learningRate,
    'baselines.reg': p.baselines.mf.regFactor,
    'baselines.epochs': p.baselines.mf.epochs,
    'dense.embedding': p.dense.embeddingSize,
    'dense.dropout': p.dense.dropout,
    'dense.lr': p.dense.learningRate,
    'dense.batch': p.dense.batchSize,
    'dense.epochs': p.dense.epochs,
    'dense.patience': p.dense.patience,
  };
}

/**
 * Every parameter written as a share link writes it, after checking it with the catalog's own codec; throws a
 * RangeError naming each value the page would refuse (and any catalog key the export does not carry).
 */
export function encodedCatalog(p: PythonExportParams): Record<string, string> {
  const values = catalogValues(p);
  const out: Record<string, string> = {};
  const problems: string[] = [];
  for (const spec of PARAM_CATALOG) {
    if (!(spec.key in values)) {
      problems.push(`${spec.key} is not exported`);
      continue;
    }
    const text = spec.codec.encode(values[spec.key]);
    const decoded = spec.codec.decode(text);
    if (decoded.ok) out[spec.key] = text;
    else problems.push(`${spec.label} (${spec.key}): ${decoded.problem}`);
  }
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  return out;
}
