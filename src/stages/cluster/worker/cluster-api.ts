import { clusterMovies } from '../compute/cluster-movies';
import { describeClusters } from '../compute/cluster-table';
import type { OperatorChoice } from '../../explore/compute/matrix-operator';
import { movieInfo } from '../../explore/compute/movie-info';
import { movieRatingStats } from '../../explore/compute/movie-user-matrix';
import type {
  ChosenClustering,
  ClusterAssignmentRef,
  ClusterProgress,
  ClusterRequest,
  ClusterSweepResult,
} from '../contract';
import type { RunTokens } from '../../../worker-kit/run-tokens';
import type { ClusterAssignments } from './cluster-assignments';
import { heldSubset, type DatasetRegistry } from '../../../worker-kit/dataset-registry';

/** What the Cluster cell's worker functions read and keep in the data worker. */
export interface ClusterWorkerState {
  datasets: DatasetRegistry;
  runs: RunTokens;
  tensorOps: () => Promise<OperatorChoice>;
  assignments: ClusterAssignments;
}

/** The Cluster cell's worker functions: the K-Means sweep, and choosing k. */
export function createClusterApi(state: ClusterWorkerState) {
  const { datasets: registry, runs, tensorOps, assignments } = state;
  return {
    /** Sweeps k; each finished k is reported at once. The labels for every k stay in the worker. */
    async clusterSweep(
      request: ClusterRequest,
      onProgress?: (progress: ClusterProgress) => void,
    ): Promise<ClusterSweepResult> {
      const started = Date.now();
      const held = heldSubset(registry, request.subsetId);
      const cancel = runs.start(request.runId);
      try {
        const { features, sweep } = await clusterMovies(
          held.data,
          request.options,
          await tensorOps(),
          { cancel, onProgress },
        );
        assignments.hold(
          {
            subsetId: request.subsetId,
            runId: request.runId,
            labels: sweep.labels,
            stats: movieRatingStats(held.data),
            chosenK: null,
          },
          registry.ids(),
        );
        return {
          subsetId: request.subsetId,
          runId: request.runId,
          options: request.options,
          points: sweep.points,
          suggestedK: sweep.suggestedK,
          elbowK: sweep.elbowK,
          silhouetteSample: sweep.silhouetteSample,
          features: { description: features.description, engine: features.engine, ms: features.ms },
          movies: features.points.count,
          ms: Date.now() - started,
        };
      } finally {
        runs.finish(request.runId);
      }
    },

    /** Makes k the clustering later stages use, and describes its clusters. */
    chooseClusterK(ref: ClusterAssignmentRef): ChosenClustering {
      const clusterOfMovie = assignments.choose(ref.subsetId, ref.runId, ref.k);
      const held = assignments.sweep(ref.subsetId, ref.runId);
      const info = movieInfo(heldSubset(registry, ref.subsetId).data, held.stats);
      const table = describeClusters(clusterOfMovie, ref.k, held.stats).map((row) => ({
        cluster: row.cluster,
        size: row.size,
        ratings: row.ratings,
        meanRating: row.meanRating,
        topTitles: row.topMovies.map((m) => info.titles[m]),
      }));
      return { ref, table, clusterOfMovie: clusterOfMovie.slice() };
    },
  };
}
