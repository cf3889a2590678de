import type { DatasetId } from '../../../lib/ids';
import type { RatingsData } from '../../ingest/compute/ratings-table';
import type { RatingModel, RatingModelKind } from '../../baselines/compute/rating-model';
import type { ClusterAssignmentRef } from '../../cluster/contract';
import type { PreparedSplit } from '../compute/prepare-split';
import type { CompactWindows } from '../compute/compact-windows';
import type { WindowsId } from '../contract';
import type { DatasetRegistry } from '../../../worker-kit/dataset-registry';

/** Windows built by the Sequences cell, with what they were built from and the rating models fitted on them. */
export interface HeldWindows {
  id: WindowsId;
  subsetId: DatasetId;
  clustering: ClusterAssignmentRef;
  clusterOfMovie: Int32Array;
  prepared: PreparedSplit;
  compact: CompactWindows;
  ratingModels: Map<RatingModelKind, RatingModel>;
}

/**
 * The data worker's windows: one set per subset (building new windows replaces the old ones, and with them
 * the rating models fitted on them). The training worker gets copies; these stay the originals. The data
 * worker's entry makes one, which the Sequences, Baselines and Recommend functions share.
 */
export class WindowsRegistry {
  private readonly held = new Map<WindowsId, HeldWindows>();
  private counter = 0;

  newId(): WindowsId {
    return `windows-${++this.counter}` as WindowsId;
  }

  hold(windows: HeldWindows, liveSubsets: DatasetId[]): void {
    for (const [id, other] of this.held)
      if (other.subsetId === windows.subsetId || !liveSubsets.includes(other.subsetId))
        this.held.delete(id);
    this.held.set(windows.id, windows);
  }

  get(id: WindowsId): HeldWindows {
    const windows = this.held.get(id);
    if (!windows)
      throw new Error('These windows are no longer held: run the Sequences cell again.');
    return windows;
  }
}

/** What the stages that work on held windows read in the data worker. */
export interface WindowsWorkerState {
  datasets: DatasetRegistry;
  windows: WindowsRegistry;
}

/**
 * Held windows with the subset they were built from. A new subset drops the old one but leaves its windows
 * here until the Sequences cell runs again, so that is the cell to name (not the Data cell).
 */
export function heldWindowsWithData(
  state: WindowsWorkerState,
  id: WindowsId,
): { held: HeldWindows; data: RatingsData } {
  const { datasets: registry, windows } = state;
  const held = windows.get(id);
  if (!registry.has(held.subsetId))
    throw new Error(
      'These windows were built from a subset that is no longer loaded: run the Sequences cell again.',
    );
  return { held, data: registry.get(held.subsetId).data };
}
