import { fromStore, type CellDefinition } from '../../../app/state/cell-definition';
import type { ChosenClustering } from '../contract';
import { cancelCluster, runCluster } from './cluster-actions';
import { ClusterCell } from './ClusterCell';
import { clusterKParams, clusterSweepParams } from './cluster-link';
import { clusterStore } from './cluster-store';

declare module '../../../app/state/cell-definition' {
  interface CellResults {
    /** The clustering later stages use (and Explore colours by). */
    cluster: ChosenClustering | null;
  }
}

export const clusterCell: CellDefinition<'cluster'> = {
  id: 'cluster',
  title: 'Cluster',
  inputs: ['subset'],
  Component: ClusterCell,
  run: runCluster,
  cancel: cancelCluster,
  followsInputs: false,
  usesSeed: true,
  params: [clusterSweepParams, clusterKParams],
  result: fromStore(clusterStore, (state) => state.chosen),
};
