import { choiceCodec, defineParam, intCodec } from '../../notebook/compute/param-codec';
import { MATRIX_VALUES } from '../../explore/compute/movie-user-matrix';
import type { ClusterSpace } from './cluster-movies';

/** The Cluster cell's parameters as they travel in share links (the seed is the notebook's). */
export const CLUSTER_PARAMS = {
  kMin: defineParam({
    key: 'cluster.kMin',
    cell: 'cluster',
    label: 'Cluster: k from',
    codec: intCodec(2, 500),
  }),
  kMax: defineParam({
    key: 'cluster.kMax',
    cell: 'cluster',
    label: 'Cluster: k to',
    codec: intCodec(2, 500),
  }),
  nInit: defineParam({
    key: 'cluster.nInit',
    cell: 'cluster',
    label: 'Cluster: restarts',
    codec: intCodec(1, 100),
  }),
  values: defineParam({
    key: 'cluster.values',
    cell: 'cluster',
    label: 'Cluster: cells hold',
    codec: choiceCodec(MATRIX_VALUES),
  }),
  space: defineParam({
    key: 'cluster.space',
    cell: 'cluster',
    label: 'Cluster: cluster on',
    codec: choiceCodec<ClusterSpace>(['pca', 'raw']),
  }),
  /** The k later stages use. */
  k: defineParam({
    key: 'cluster.k',
    cell: 'cluster',
    label: 'Cluster: chosen k',
    codec: intCodec(2, 500),
  }),
};
