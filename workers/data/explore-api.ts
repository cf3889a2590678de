import type { DatasetId } from '../../src/lib/ids';
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
import type { DatasetRegistry } from './registry';

/** Held datasets that are subsets; the matrix stages work on a subset, never on a whole dataset. */
export function heldSubset(registry: DatasetRegistry, subsetId: DatasetId) {
  const held = registry.get(subsetId);
  if (!held.parent)
    throw new Error('Explore and Cluster work on a subset: run the Subset cell first.');
  return held;
}

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
