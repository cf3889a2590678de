import type { PythonExportParams } from '../contract';
import { catalogValues } from './export-params';

/**
 * The export's parameters with the values a notebook chose, as its share link names them (`lstm.units` → 64):
 * what the page's "Export as a Python project" writes. Keys it does not know are left out, as links do.
 */
export function withLinkValues(
  base: PythonExportParams,
  values: ReadonlyMap<string, unknown>,
): PythonExportParams {
  const merged = { ...catalogValues(base) };
  for (const [key, value] of values) if (key in merged) merged[key] = value;
  const get = <T>(key: string): T => merged[key] as T;
  const p = structuredClone(base);
  p.subset = { users: get('subset.users'), movies: get('subset.movies') };
  p.explore = {
    values: get('explore.values'),
    sampleRatings: get<number>('explore.sample') === 0 ? null : get('explore.sample'),
    sparseDensity: get('explore.sparseDensity'),
    nmfComponents: get('explore.nmf'),
  };
  p.cluster = {
    ...p.cluster,
    kMin: get('cluster.kMin'),
    kMax: get('cluster.kMax'),
    nInit: get('cluster.nInit'),
    values: get('cluster.values'),
    space: get('cluster.space'),
    k: get('cluster.k'),
  };
  p.sequences = {
    ...p.sequences,
    steps: get('sequences.window'),
    stride: get('sequences.stride'),
    maxPerUser: get<number>('sequences.cap') === 0 ? null : get('sequences.cap'),
    split: get('sequences.split'),
    valFraction: get('sequences.val'),
    testFraction: get('sequences.test'),
    daysSincePrevious: get('sequences.gap') === 'on',
    movieMean: get('sequences.movieMean') === 'on',
  };
  p.lstm = {
    units: get('lstm.units'),
    layers: get('lstm.layers'),
    dropout: get('lstm.dropout'),
    activation: get('lstm.activation'),
    learningRate: get('lstm.lr'),
    batchSize: get('lstm.batch'),
    epochs: get('lstm.epochs'),
    patience: get('lstm.patience'),
  };
  p.tune = {
    schedule: {
      maxEpochs: get('tune.maxEpochs'),
      factor: get('tune.factor'),
      iterations: get('tune.iterations'),
    },
    space: {
      layers: { min: get('tune.layersMin'), max: get('tune.layersMax') },
      units: { min: get('tune.unitsMin'), max: get('tune.unitsMax') },
      dropout: { min: get('tune.dropoutMin'), max: get('tune.dropoutMax') },
      learningRate: { min: get('tune.lrMin'), max: get('tune.lrMax') },
      activations: get('tune.activations'),
    },
  };
  p.baselines = {
    ...p.baselines,
    models: get('baselines.models'),
    mf: {
      ...p.baselines.mf,
      factors: get('baselines.factors'),
      learningRate: get('baselines.lr'),
      regFactor: get('baselines.reg'),
      epochs: get('baselines.epochs'),
    },
  };
  p.dense = {
    embeddingSize: get('dense.embedding'),
    dropout: get('dense.dropout'),
    learningRate: get('dense.lr'),
    batchSize: get('dense.batch'),
    epochs: get('dense.epochs'),
    patience: get('dense.patience'),
  };
  return p;
}
