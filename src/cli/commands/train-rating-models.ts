import { DEFAULT_MF_OPTIONS, type MfOptions } from '../../stages/baselines/compute/biased-mf';
import type { RatingModelKind } from '../../stages/baselines/compute/rating-model';
import { ratingSetsFromSplit } from '../../stages/baselines/compute/rating-set';
import { DEFAULT_STATIC_BASELINE_OPTIONS } from '../../stages/baselines/compute/static-baseline';
import { DEFAULT_TIME_AWARE_BASELINE_OPTIONS } from '../../stages/baselines/compute/time-aware-baseline';
import {
  DEFAULT_RATING_MODEL_SETTINGS,
  trainRatingModel,
  type RatingModelReport,
  type RatingModelSettings,
} from '../../stages/baselines/compute/train-rating-model';
import { integerOption, numberOption, stringOption, UsageError, type ParsedArgs } from '../args';
import { loadRatingsFromPaths } from '../load-paths';
import {
  checkFlags,
  checkSplitHasWindows,
  SPLIT_FLAGS,
  SPLIT_USAGE,
  splitFromArgs,
  switchOn,
  withSwitches,
} from '../split-args';

export const RATING_MODEL_USAGE =
  `mean|bias|mf FILE... ${SPLIT_USAGE} [--variant static|temporal (bias) | svd|svdpp (mf)] ` +
  '[--reg-user R --reg-movie R --bins B --beta X --user-day true|false] ' +
  '[--factors F --lr L --lr-decay D --reg R --reg-bias R --epochs E --patience P --init-sd S] [--verbose]';

const MODEL_FLAGS: Record<'mean' | 'bias' | 'mf', readonly string[]> = {
  mean: [],
  bias: ['variant', 'reg-user', 'reg-movie', 'bins', 'beta', 'user-day'],
  mf: ['variant', 'factors', 'lr', 'lr-decay', 'reg', 'reg-bias', 'epochs', 'patience', 'init-sd'],
};

/** `--k` sizes the sequence models' one-hot block; the rating models accept it so one command line fits all. */
const SHARED_FLAGS = [...SPLIT_FLAGS, 'k', 'verbose'];

function settingsFromArgs(args: ParsedArgs, seed: number): RatingModelSettings {
  const mf: MfOptions = {
    factors: integerOption(args, 'factors', DEFAULT_MF_OPTIONS.factors),
    epochs: integerOption(args, 'epochs', DEFAULT_MF_OPTIONS.epochs),
    learningRate: numberOption(args, 'lr', DEFAULT_MF_OPTIONS.learningRate),
    learningRateDecay: numberOption(args, 'lr-decay', DEFAULT_MF_OPTIONS.learningRateDecay),
    regFactor: numberOption(args, 'reg', DEFAULT_MF_OPTIONS.regFactor),
    regBias: numberOption(args, 'reg-bias', DEFAULT_MF_OPTIONS.regBias),
    initSd: numberOption(args, 'init-sd', DEFAULT_MF_OPTIONS.initSd),
    patience: integerOption(args, 'patience', DEFAULT_MF_OPTIONS.patience, 0),
    seed,
  };
  const bias = {
    ...DEFAULT_STATIC_BASELINE_OPTIONS,
    regUser: numberOption(args, 'reg-user', DEFAULT_STATIC_BASELINE_OPTIONS.regUser),
    regMovie: numberOption(args, 'reg-movie', DEFAULT_STATIC_BASELINE_OPTIONS.regMovie),
  };
  const timebias = {
    ...DEFAULT_TIME_AWARE_BASELINE_OPTIONS,
    regUser: bias.regUser,
    regMovie: bias.regMovie,
    bins: integerOption(args, 'bins', DEFAULT_TIME_AWARE_BASELINE_OPTIONS.bins),
    beta: numberOption(args, 'beta', DEFAULT_TIME_AWARE_BASELINE_OPTIONS.beta),
    userDayBias:
      stringOption(
        args,
        'user-day',
        ['true', 'false'],
        String(DEFAULT_TIME_AWARE_BASELINE_OPTIONS.userDayBias) as 'true' | 'false',
      ) === 'true',
  };
  return { ...DEFAULT_RATING_MODEL_SETTINGS, mf, bias, timebias };
}

/** `--variant`: the static or time-aware baseline, plain biased MF ("SVD") or SVD++. */
function modelKind(name: 'mean' | 'bias' | 'mf', args: ParsedArgs): RatingModelKind {
  if (name === 'bias')
    return stringOption(args, 'variant', ['static', 'temporal'], 'static') === 'temporal'
      ? 'timebias'
      : 'bias';
  if (name === 'mf')
    return stringOption(args, 'variant', ['svd', 'svdpp'], 'svd') === 'svdpp' ? 'svdpp' : 'mf';
  return name;
}

/**
 * `train mean|bias|mf FILE...`: fits one rating model on the training ratings of the split and prints
 * `{"model","testRmse","valRmse","trainMeanRmse","params","epochs","backend",…}`, as `train lstm` does.
 */
export async function trainRatingModelCommand(
  name: 'mean' | 'bias' | 'mf',
  parsed: ParsedArgs,
): Promise<unknown> {
  const args = withSwitches(parsed, ['verbose']);
  checkFlags(args, [...SHARED_FLAGS, ...MODEL_FLAGS[name]]);
  const kind = modelKind(name, args);
  const settings = settingsFromArgs(args, integerOption(args, 'seed', 7, 0));
  const verbose = switchOn(args, 'verbose');
  const { data: loaded } = await loadRatingsFromPaths(args.positional);
  const { data, prepared } = splitFromArgs(loaded, args, true);
  checkSplitHasWindows(prepared, false);
  const sets = ratingSetsFromSplit(
    data.table,
    prepared.split,
    data.userIds.ids.length,
    data.movieIds.ids.length,
  );
  const { report } = await trainRatingModel(kind, sets, settings, {
    onEpoch: verbose
      ? (p) =>
          process.stderr.write(
            `epoch ${p.epoch}/${p.epochs}: train RMSE ${p.trainRmse.toFixed(4)}, validation RMSE ${p.valRmse?.toFixed(4) ?? '–'} (${p.ms} ms)\n`,
          )
      : undefined,
  }).catch((error: unknown) => {
    // Out-of-range settings (a zero learning rate, fractional factors) are the person's to fix.
    throw error instanceof RangeError ? new UsageError(error.message) : error;
  });
  return ratingModelRow(report, {
    ...prepared.split.options,
    ratings: prepared.split.ratingCounts,
  });
}

/**
 * A rating model's report as the CLI prints it: the keys of `networkReport` in its order (training time in
 * seconds, as the Compare table has it), so `compare` prints one shape for every model.
 */
export function ratingModelRow(report: RatingModelReport, split: unknown): Record<string, unknown> {
  const { model, testRmse, valRmse, trainMeanRmse, params, epochs, backend } = report;
  return {
    model,
    testRmse,
    valRmse,
    trainMeanRmse,
    params,
    epochs,
    backend,
    testMae: report.testMae,
    bestEpoch: report.bestEpoch,
    trainingSeconds: report.trainMs / 1000,
    testRatings: report.testRatings,
    split,
  };
}
