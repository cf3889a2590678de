import { exploreProjections } from '../compute/explore-projections';
import type { OperatorChoice } from '../compute/matrix-operator';
import { movieInfo } from '../compute/movie-info';
import { movieRatingStats } from '../compute/movie-user-matrix';
import type { ExploreProgress, ExploreRequest, ExploreResult } from '../contract';
import type { RunTokens } from '../../../worker-kit/run-tokens';
import { heldSubset, type DatasetRegistry } from '../../../worker-kit/dataset-registry';

/** What the Explore cell's worker function reads in the data worker. */
export interface ExploreWorkerState {
  datasets: DatasetRegistry;
  runs: RunTokens;
  tensorOps: () => Promise<OperatorChoice>;
}

/** The Explore cell's worker function: PCA, sparse PCA and NMF planes of a subset's movies. */
export function createExploreApi(state: ExploreWorkerState) {
  const { datasets: registry, runs, tensorOps } = state;
  return {
    async exploreMatrix(
      request: ExploreRequest,
      onProgress?: (progress: ExploreProgress) => void,
    ): Promise<ExploreResult> {
      const started = Date.now();
      const held = heldSubset(registry, request.subsetId);
      const cancel = runs.start(request.runId);
      try {
        const projections = await exploreProjections(
          held.data,
          request.options,
          await tensorOps(),
          {
            cancel,
            onProgress,
          },
        );
        return {
          ...projections,
          subsetId: request.subsetId,
          options: request.options,
          movies: movieInfo(held.data, movieRatingStats(held.data)),
          ms: Date.now() - started,
        };
      } finally {
        runs.finish(request.runId);
      }
    },
  };
}
