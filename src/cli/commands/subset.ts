import { defaultSubsetOptions, selectTopSubset } from '../../stages/subset/compute/top-subset';
import { integerOption, type ParsedArgs } from '../args';
import { loadRatingsFromPaths } from '../load-paths';

/** `subset FILE... --users U --movies M`: the top-u × top-m reduction of the report. */
export async function subsetCommand(args: ParsedArgs): Promise<unknown> {
  const { data } = await loadRatingsFromPaths(args.positional);
  const defaults = defaultSubsetOptions(data.userIds.ids.length, data.movieIds.ids.length);
  const subset = selectTopSubset(data, {
    users: integerOption(args, 'users', defaults.users),
    movies: integerOption(args, 'movies', defaults.movies),
  });
  const { ratings, users, movies, share } = subset.stats;
  return { ratings, users, movies, share };
}
