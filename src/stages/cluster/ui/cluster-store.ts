import { createStore } from '../../../ui-kit/store';
import type { DatasetId, RunId } from '../../../lib/ids';
import { DEFAULT_CLUSTER_OPTIONS } from '../compute/cluster-movies';
import type { ChosenClustering, ClusterOptions, ClusterSweepResult, SweepPoint } from '../contract';

/** The report chose 20 clusters; the k chooser starts there when the sweep includes it. */
export const REPORT_K = 20;

export interface SweepInProgress {
  runId: RunId;
  subsetId: DatasetId;
  startedAt: number;
  /** Ks in the sweep. */
  total: number;
  /** Share of the feature step (PCA) done. */
  featuresFraction: number;
  /** The ks finished so far, in order: the curves grow as they arrive. */
  points: SweepPoint[];
}

export interface ClusterCellState {
  options: ClusterOptions;
  running: SweepInProgress | null;
  result: ClusterSweepResult | null;
  /** The clustering later stages use (and the Explore plots colour by). */
  chosen: ChosenClustering | null;
  /** A k being applied. */
  choosing: number | null;
  /** The k the person (or a share link) asked for; the sweep applies it when it finishes, if it is in range. */
  preferredK: number | null;
  /** Why the last sweep ran another k range than the form's (a subset with few movies); null when it did not. */
  rangeNote: string | null;
}

export const clusterStore = createStore<ClusterCellState>({
  options: DEFAULT_CLUSTER_OPTIONS,
  running: null,
  result: null,
  chosen: null,
  choosing: null,
  preferredK: null,
  rangeNote: null,
});
