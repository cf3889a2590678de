import type { RatingsData } from '../stages/ingest/compute/ratings-table';
import {
  defaultSubsetOptions,
  selectTopSubset,
  type SubsetOptions,
} from '../stages/subset/compute/top-subset';
import { prepareSplit, SINGLE_RATING_WINDOWS } from '../stages/windows/compute/prepare-split';
import type { PreparedSplit } from '../stages/windows/compute/prepare-split';
import { DEFAULT_WINDOW_OPTIONS, type WindowOptions } from '../stages/windows/compute/window-index';
import {
  DEFAULT_SPLIT_OPTIONS,
  type SplitKind,
  type SplitOptions,
} from '../stages/windows/compute/window-split';
import { integerOption, numberOption, stringOption, UsageError, type ParsedArgs } from './args';

/** The options every command that splits data understands (the same for the rating and sequence models). */
export const SPLIT_FLAGS = [
  'users',
  'movies',
  'window',
  'stride',
  'cap',
  'split',
  'on',
  'val-fraction',
  'test-fraction',
  'seed',
] as const;

export const SPLIT_USAGE =
  '[--users U|all --movies M|all] [--window W] [--stride S] [--cap C] [--split chrono|random] [--on windows|ratings] ' +
  '[--val-fraction F] [--test-fraction F] [--seed S]';

/**
 * The shared parser reads `--flag FILE` as a flag with the value FILE; for flags that take no value, this
 * moves such a value back to the files and sets the flag to `true`.
 */
export function withSwitches(args: ParsedArgs, switches: readonly string[]): ParsedArgs {
  const positional = [...args.positional];
  const options = new Map(args.options);
  for (const name of switches) {
    const value = options.get(name);
    if (value === undefined || value === 'true' || value === 'false') continue;
    positional.push(value);
    options.set(name, 'true');
  }
  return { positional, options };
}

/** Whether a switch is on (`--name`, `--name=true`). */
export function switchOn(args: ParsedArgs, name: string): boolean {
  return args.options.get(name) === 'true';
}

/** Refuses flags no one reads, so a typo does not silently fall back to a default. */
export function checkFlags(args: ParsedArgs, known: readonly string[]): void {
  for (const name of args.options.keys())
    if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
}

/** `--users` and `--movies` with the Subset cell's defaults for `data`; `all` keeps every user or movie. */
export function subsetOptionsFromArgs(data: RatingsData, args: ParsedArgs): SubsetOptions {
  const users = data.userIds.ids.length;
  const movies = data.movieIds.ids.length;
  const defaults = defaultSubsetOptions(users, movies);
  const size = (name: 'users' | 'movies', all: number, fallback: number) =>
    args.options.get(name) === 'all' ? all : integerOption(args, name, fallback);
  return {
    users: size('users', users, defaults.users),
    movies: size('movies', movies, defaults.movies),
  };
}

/**
 * The top-u × top-m subset, as the Subset cell cuts it, with the cell's defaults (the report's 10,000 × 2,000,
 * halved for smaller data); `--users all --movies all` keeps the whole file.
 */
export function subsetFromArgs(data: RatingsData, args: ParsedArgs): RatingsData {
  const options = subsetOptionsFromArgs(data, args);
  if (options.users >= data.userIds.ids.length && options.movies >= data.movieIds.ids.length)
    return data;
  return selectTopSubset(data, options).data;
}

/**
 * Window and split options. `--on windows` splits windows of `--window` ratings, so the rating models are
 * scored on exactly the labels the sequence models predict; `--on ratings` splits single ratings, for plain
 * rating files such as MovieLens. Commands that train only rating models (`train mean|bias|mf|dense`) split
 * single ratings when asked for `--split random` without `--on`: a random hold-out of ratings is what such a
 * file means; everything else splits windows unless told otherwise.
 */
export function splitOptionsFromArgs(
  args: ParsedArgs,
  ratingModelsOnly = false,
): {
  windows: WindowOptions;
  split: SplitOptions;
} {
  const randomRatings =
    ratingModelsOnly &&
    args.options.get('split') === 'random' &&
    !args.options.has('window') &&
    !args.options.has('cap');
  const on = stringOption(
    args,
    'on',
    ['windows', 'ratings'],
    randomRatings ? 'ratings' : 'windows',
  );
  const cap = args.options.has('cap') ? integerOption(args, 'cap', 1) : null;
  const windows: WindowOptions =
    on === 'ratings'
      ? SINGLE_RATING_WINDOWS
      : {
          steps: integerOption(args, 'window', DEFAULT_WINDOW_OPTIONS.steps),
          stride: integerOption(args, 'stride', DEFAULT_WINDOW_OPTIONS.stride),
          maxPerUser: cap,
        };
  if (on === 'ratings' && (args.options.has('window') || args.options.has('cap')))
    throw new UsageError('--window and --cap apply to windows, not to --on ratings');
  const split: SplitOptions = {
    kind: stringOption<SplitKind>(args, 'split', ['chrono', 'random'], DEFAULT_SPLIT_OPTIONS.kind),
    valFraction: numberOption(args, 'val-fraction', DEFAULT_SPLIT_OPTIONS.valFraction),
    testFraction: numberOption(args, 'test-fraction', DEFAULT_SPLIT_OPTIONS.testFraction),
    seed: integerOption(args, 'seed', DEFAULT_SPLIT_OPTIONS.seed, 0),
  };
  return { windows, split };
}

/** Subset, windows and split from the command line; bad fractions become usage errors. */
export function splitFromArgs(
  data: RatingsData,
  args: ParsedArgs,
  ratingModelsOnly = false,
): { data: RatingsData; prepared: PreparedSplit } {
  const subset = subsetFromArgs(data, args);
  const { windows, split } = splitOptionsFromArgs(args, ratingModelsOnly);
  try {
    return { data: subset, prepared: prepareSplit(subset, windows, split) };
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Refuses a split that leaves nothing to score (no test windows) or, for the LSTM, nothing to train on (no
 * training windows), before any model is built; short histories or a long window are the usual cause.
 */
export function checkSplitHasWindows(prepared: PreparedSplit, needsTrainingWindows: boolean): void {
  const { train, test } = prepared.split.windowCounts;
  const shorter =
    prepared.split.windows.options.steps > 1
      ? 'shorten --window, or split single ratings with --on ratings'
      : 'or load more ratings';
  if (test === 0)
    throw new UsageError(`the split left no test ratings: raise --test-fraction, ${shorter}`);
  if (needsTrainingWindows && train === 0)
    throw new UsageError(
      `the split left no training windows for the LSTM: lower --val-fraction and --test-fraction, ${shorter}`,
    );
}
