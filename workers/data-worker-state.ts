import type { OperatorChoice } from '../src/stages/explore/compute/matrix-operator';
import { ClusterAssignments } from '../src/stages/cluster/worker/cluster-assignments';
import type { EntryStore } from '../src/stages/notebook/worker/persist-store';
import {
  createPrizeWorkerState,
  type PrizeWorkerState,
} from '../src/stages/prize/worker/prize-api';
import { WindowsRegistry } from '../src/stages/windows/worker/windows-registry';
import { DatasetRegistry } from '../src/worker-kit/dataset-registry';
import { RunTokens } from '../src/worker-kit/run-tokens';

/**
 * Everything the data worker holds. Its entry makes one and passes it to every stage's worker functions, which
 * read only the parts they declare; tests make their own, so no test sees another's datasets or windows.
 */
export interface DataWorkerState {
  /** The ratings, whole and cut to subsets, as typed arrays. */
  datasets: DatasetRegistry;
  /** Cancel tokens of the runs in progress. */
  runs: RunTokens;
  /** Each subset's K-Means sweep and the k chosen, read by the Sequences cell. */
  assignments: ClusterAssignments;
  /** The Sequences cell's windows, with the rating models the Baselines cell fitted on them. */
  windows: WindowsRegistry;
  /** The split the Prize models last used, kept for the next run on the same dataset and probe. */
  prize: PrizeWorkerState;
  /** How matrix products run: tfjs-wasm in the worker, typed-array loops in tests. */
  tensorOps: () => Promise<OperatorChoice>;
  /** Where datasets and results are kept between visits: IndexedDB in the worker, memory in tests. */
  store: EntryStore;
}

/** A fresh, empty data worker state over the host's matrix products and storage. */
export function createDataWorkerState(
  host: Pick<DataWorkerState, 'tensorOps' | 'store'>,
): DataWorkerState {
  return {
    datasets: new DatasetRegistry(),
    runs: new RunTokens(),
    assignments: new ClusterAssignments(),
    windows: new WindowsRegistry(),
    prize: createPrizeWorkerState(),
    ...host,
  };
}
