import type { DatasetId, RunId } from '../../../lib/ids';
import type { MovieRatingStats } from '../../explore/compute/movie-user-matrix';
import type { ClusterAssignmentRef } from '../contract';

/** One sweep's clusterings of a subset's movies, and which k the person chose. */
export interface HeldClusterings {
  subsetId: DatasetId;
  runId: RunId;
  /** Cluster of each subset movie, for every k of the sweep. */
  labels: Map<number, Int32Array>;
  /** Ratings per movie of the subset, for the cluster table. */
  stats: MovieRatingStats;
  chosenK: number | null;
}

/**
 * The data worker's clusterings, one sweep per subset (a new sweep replaces the old one). Later stages read
 * the chosen assignment from here, inside the worker, so the labels never cross to the page and back. The
 * data worker's entry makes one and passes it to the stages that read it (`DataWorkerState.assignments`).
 */
export class ClusterAssignments {
  private readonly bySubset = new Map<DatasetId, HeldClusterings>();

  /** Keeps a sweep's labels and forgets clusterings of subsets that are no longer loaded. */
  hold(held: HeldClusterings, liveSubsets: DatasetId[]): void {
    for (const id of [...this.bySubset.keys()])
      if (!liveSubsets.includes(id)) this.bySubset.delete(id);
    this.bySubset.set(held.subsetId, held);
  }

  sweep(subsetId: DatasetId, runId: RunId): HeldClusterings {
    const held = this.bySubset.get(subsetId);
    if (!held || held.runId !== runId)
      throw new Error('This clustering is no longer held; run the Cluster cell again.');
    return held;
  }

  /** Makes k the chosen clustering of the subset. */
  choose(subsetId: DatasetId, runId: RunId, k: number): Int32Array {
    const held = this.sweep(subsetId, runId);
    const labels = held.labels.get(k);
    if (!labels) throw new RangeError(`k = ${k} was not part of the sweep.`);
    held.chosenK = k;
    return labels;
  }

  /** The chosen clustering of a subset, or null when none has been chosen. */
  chosen(subsetId: DatasetId): { ref: ClusterAssignmentRef; clusterOfMovie: Int32Array } | null {
    const held = this.bySubset.get(subsetId);
    if (!held || held.chosenK === null) return null;
    const clusterOfMovie = held.labels.get(held.chosenK) as Int32Array;
    return { ref: { subsetId, k: held.chosenK, runId: held.runId }, clusterOfMovie };
  }

  /**
   * For later stages: the cluster of each movie of subset `subsetId` (length = subset movies, values
   * 0 … k − 1) under the clustering the person chose in the Cluster cell, or null when none is chosen for that
   * subset. `assignmentRef` names it (sweep run and k), so that a stage can tell when its own result was built
   * from another clustering.
   */
  assignment(subsetId: DatasetId): Int32Array | null {
    return this.chosen(subsetId)?.clusterOfMovie ?? null;
  }

  assignmentRef(subsetId: DatasetId): ClusterAssignmentRef | null {
    return this.chosen(subsetId)?.ref ?? null;
  }
}
