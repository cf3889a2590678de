import { optionParams, type CellParamBinding } from '../../../app/state/param-bindings';
import { DEFAULT_CLUSTER_OPTIONS } from '../compute/cluster-movies';
import { CLUSTER_PARAMS, CLUSTER_SWEEP_PARAMS } from '../compute/cluster-params';
import type { ClusterOptions } from '../contract';
import { setClusterOptions } from './cluster-actions';
import { clusterStore, type ClusterCellState } from './cluster-store';

/** The sweep's options in share links. */
export const clusterSweepParams = optionParams<ClusterOptions, ClusterCellState>({
  store: clusterStore,
  defaults: DEFAULT_CLUSTER_OPTIONS,
  get: () => clusterStore.get().options,
  set: setClusterOptions,
  table: CLUSTER_SWEEP_PARAMS,
});

/**
 * The chosen k, which later stages use. A link's k is applied when the sweep finishes (a second binding,
 * because it is not one of the sweep's options: choosing another k needs no new sweep).
 */
export const clusterKParams: CellParamBinding = {
  specs: [CLUSTER_PARAMS.k],
  store: clusterStore,
  read: () => {
    const k = clusterStore.get().preferredK;
    return k === null ? new Map() : new Map([[CLUSTER_PARAMS.k.key, k]]);
  },
  write: (values) => {
    const k = values.get(CLUSTER_PARAMS.k.key) as number | undefined;
    if (k !== undefined) clusterStore.set({ preferredK: k });
    return [];
  },
};
