import { exampleWindow, firstWindowWithRole } from '../../stages/windows/compute/example-window';
import {
  buildWindowSets,
  featureNames,
  type FeatureOptions,
} from '../../stages/windows/compute/window-features';
import { TEST } from '../../stages/windows/compute/window-split';
import { integerOption, type ParsedArgs } from '../args';
import { loadRatingsFromPaths } from '../load-paths';
import { clusterMoviesForWindows } from '../movie-clusters';
import {
  checkFlags,
  SPLIT_FLAGS,
  SPLIT_USAGE,
  splitFromArgs,
  switchOn,
  withSwitches,
} from '../split-args';

export const WINDOWS_USAGE = `windows FILE... ${SPLIT_USAGE} [--k K [--days] [--movie-mean]]`;

/**
 * `windows FILE...`: the sequence windows and their split: counts per split (windows and ratings), what the
 * training windows can see, and with `--k` the features and one test window step by step.
 */
export async function windowsCommand(parsed: ParsedArgs): Promise<unknown> {
  const args = withSwitches(parsed, ['days', 'movie-mean']);
  checkFlags(args, [...SPLIT_FLAGS, 'k', 'days', 'movie-mean']);
  const { data: loaded } = await loadRatingsFromPaths(args.positional);
  const { data, prepared } = splitFromArgs(loaded, args);
  const { split, histories } = prepared;
  const summary = {
    ratings: data.table.user.length,
    users: data.userIds.ids.length,
    windows: split.windows.count,
    window: split.windows.options,
    split: split.options,
    windowCounts: split.windowCounts,
    ratingCounts: split.ratingCounts,
    trainingWindowsSeeingHeldOutLabels: split.trainingWindowsSeeingHeldOutLabels,
    note: split.leakageNote,
  };
  if (!args.options.has('k')) return summary;

  const k = integerOption(args, 'k', 20);
  const clusterOfMovie = await clusterMoviesForWindows(data, k, split.options.seed);
  const options: FeatureOptions = {
    clusters: k,
    daysSincePrevious: switchOn(args, 'days'),
    movieMean: switchOn(args, 'movie-mean'),
  };
  const sets = buildWindowSets({ table: data.table, histories, split, clusterOfMovie, options });
  const example = firstWindowWithRole(split, TEST);
  return {
    ...summary,
    featureNames: featureNames(options),
    bytes: sets.train.x.byteLength + sets.validation.x.byteLength + sets.test.x.byteLength,
    example:
      example >= 0
        ? exampleWindow(data.table, histories, split, clusterOfMovie, data.movies, example)
        : null,
  };
}
