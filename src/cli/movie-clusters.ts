import { clusterMovies, DEFAULT_CLUSTER_OPTIONS } from '../stages/cluster/compute/cluster-movies';
import type { RatingsData } from '../stages/ingest/compute/ratings-table';
import { UsageError } from './args';
import { nodeTensorOps } from './tensor-backend';

/**
 * The movie → cluster assignment the sequence windows are built on (`clusterOfMovie[m]` in 0 … k − 1): the
 * Cluster cell's K-Means with its defaults (mean-centred ratings, 50 PCA components, n_init 10), run for `k`
 * alone on the movies of `data`, seeded.
 */
export async function clusterMoviesForWindows(
  data: RatingsData,
  k: number,
  seed: number,
): Promise<Int32Array> {
  const movies = data.movieIds.ids.length;
  if (!(Number.isInteger(k) && k >= 2 && k < movies))
    throw new UsageError(
      `--k must be a whole number from 2 to ${movies - 1} (the subset has ${movies} movies)`,
    );
  const options = {
    ...DEFAULT_CLUSTER_OPTIONS,
    kMin: k,
    kMax: k,
    seed,
    components: Math.min(DEFAULT_CLUSTER_OPTIONS.components, movies - 1),
  };
  const { sweep } = await clusterMovies(data, options, await nodeTensorOps());
  return sweep.labels.get(k)!;
}
