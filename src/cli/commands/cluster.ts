import {
  clusterMovies,
  DEFAULT_CLUSTER_OPTIONS,
  type ClusterOptions,
} from '../../stages/cluster/compute/cluster-movies';
import { defaultSubsetOptions, selectTopSubset } from '../../stages/subset/compute/top-subset';
import { integerOption, stringOption, UsageError, type ParsedArgs } from '../args';
import { loadRatingsFromPaths } from '../load-paths';
import { nodeTensorOps } from '../tensor-backend';

/**
 * `cluster FILE... --users U --movies M --kmin 7 --kmax 30 --seed S [--ninit N] [--values centred|raw|binary]
 * [--space pca|raw]`: the Cluster cell's sweep on the top-u × top-m subset. `chosenK` is the suggested k
 * (best silhouette); the notebook lets a person choose another.
 */
export async function clusterCommand(args: ParsedArgs): Promise<unknown> {
  const { data } = await loadRatingsFromPaths(args.positional);
  const defaults = defaultSubsetOptions(data.userIds.ids.length, data.movieIds.ids.length);
  const subset = selectTopSubset(data, {
    users: integerOption(args, 'users', defaults.users),
    movies: integerOption(args, 'movies', defaults.movies),
  });
  const options: ClusterOptions = {
    ...DEFAULT_CLUSTER_OPTIONS,
    kMin: integerOption(args, 'kmin', DEFAULT_CLUSTER_OPTIONS.kMin, 2),
    kMax: integerOption(args, 'kmax', DEFAULT_CLUSTER_OPTIONS.kMax, 2),
    nInit: integerOption(args, 'ninit', DEFAULT_CLUSTER_OPTIONS.nInit),
    seed: integerOption(args, 'seed', DEFAULT_CLUSTER_OPTIONS.seed, 0),
    values: stringOption(
      args,
      'values',
      ['centred', 'raw', 'binary'],
      DEFAULT_CLUSTER_OPTIONS.values,
    ),
    space: stringOption(args, 'space', ['pca', 'raw'], DEFAULT_CLUSTER_OPTIONS.space),
  };
  try {
    const { sweep } = await clusterMovies(subset.data, options, await nodeTensorOps());
    return {
      sweep: sweep.points.map(({ k, inertia, silhouette }) => ({
        k,
        inertia,
        silhouette: Number.isFinite(silhouette) ? silhouette : null,
      })),
      chosenK: sweep.suggestedK,
    };
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}
