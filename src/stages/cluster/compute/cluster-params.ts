import { choiceCodec, defineParam, intCodec } from '../../../lib/param-codec';
import { MATRIX_VALUE_NAMES, MATRIX_VALUES } from '../../explore/compute/movie-user-matrix';
import type { ClusterSpace } from './cluster-movies';

/** The sweep's parameters, by option field, as links and the form carry them (the seed is the notebook's). */
export const CLUSTER_SWEEP_PARAMS = {
  kMin: defineParam({
    key: 'cluster.kMin',
    cell: 'cluster',
    label: 'Cluster: k from',
    codec: intCodec(2, 500),
    field: { label: 'k from' },
  }),
  kMax: defineParam({
    key: 'cluster.kMax',
    cell: 'cluster',
    label: 'Cluster: k to',
    codec: intCodec(2, 500),
    field: { label: 'k to' },
  }),
  nInit: defineParam({
    key: 'cluster.nInit',
    cell: 'cluster',
    label: 'Cluster: restarts',
    codec: intCodec(1, 100),
    field: { label: 'Restarts (n_init)' },
  }),
  values: defineParam({
    key: 'cluster.values',
    cell: 'cluster',
    label: 'Cluster: cells hold',
    codec: choiceCodec(MATRIX_VALUES),
    field: { label: 'Cells hold', names: MATRIX_VALUE_NAMES },
  }),
  space: defineParam({
    key: 'cluster.space',
    cell: 'cluster',
    label: 'Cluster: cluster on',
    codec: choiceCodec<ClusterSpace>(['pca', 'raw']),
    field: {
      label: 'Cluster on',
      names: { pca: 'the first PCA components', raw: 'the full matrix rows' },
    },
  }),
};

/** The Cluster cell's parameters: the sweep's and the k later stages use. */
export const CLUSTER_PARAMS = {
  ...CLUSTER_SWEEP_PARAMS,
  /** The k later stages use. */
  k: defineParam({
    key: 'cluster.k',
    cell: 'cluster',
    label: 'Cluster: chosen k',
    codec: intCodec(2, 500),
  }),
};
