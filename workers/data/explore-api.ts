import { exploreProjections } from '../../src/stages/explore/compute/explore-projections';
import type { OperatorChoice } from '../../src/stages/explore/compute/matrix-operator';
import { movieInfo } from '../../src/stages/explore/compute/movie-info';
import { movieRatingStats } from '../../src/stages/explore/compute/movie-user-matrix';
import type {
  ExploreProgress,
  ExploreRequest,
  ExploreResult,
} from '../../src/stages/explore/contract';
import type { RunTokens } from './cancellation';
import { heldSubset, type DatasetRegistry } from './registry';

export { heldSubset } from './registry';

/** The Explore cell's worker function: PCA, sparse PCA and NMF planes of a subset's movies. */
export function createExploreApi(
  registry: DatasetRegistry,
  runs: RunTokens,
  tensorOps: () => Promise<OperatorChoice>,
) {
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
