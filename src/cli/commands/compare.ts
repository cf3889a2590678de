import type { RatingModelKind } from '../../stages/baselines/compute/rating-model';
import { ratingSetsFromSplit } from '../../stages/baselines/compute/rating-set';
import {
  DEFAULT_RATING_MODEL_SETTINGS,
  trainRatingModel,
} from '../../stages/baselines/compute/train-rating-model';
import {
  DEFAULT_DENSE_CELL_OPTIONS,
  DEFAULT_LSTM_CELL_OPTIONS,
} from '../../stages/train/compute/cell-defaults';
import { runTraining } from '../../stages/train/compute/run-training';
import type { RunId } from '../../lib/ids';
import { integerOption, stringOption, UsageError, type ParsedArgs } from '../args';
import { loadRatingsFromPaths } from '../load-paths';
import { windowsForNetworks, WINDOW_FEATURE_FLAGS } from '../network-windows';
import { nodeTf } from '../node-tf';
import {
  checkFlags,
  checkSplitHasWindows,
  SPLIT_FLAGS,
  SPLIT_USAGE,
  splitFromArgs,
  withSwitches,
} from '../split-args';
import { NETWORK_FLAGS, networkReport, networkSpec } from './train-networks';
import { disposeModel } from '../../stages/train/compute/model/dispose-model';
import { ratingModelRow } from './train-rating-models';

const ALL = ['mean', 'bias', 'timebias', 'mf', 'svdpp', 'lstm', 'dense'] as const;
type CompareModel = (typeof ALL)[number];

export const COMPARE_USAGE = `compare FILE... ${SPLIT_USAGE} [--k K] [--models ${ALL.join(',')}] [--units N --embedding E --epochs E --batch B --patience P] [--backend wasm|cpu]`;

/**
 * `compare FILE...`: every model on one split, scored on the same test ratings, as the Compare cell shows them;
 * prints `{"models":[{"model","testRmse",…},…]}`, best first.
 */
export async function compareCommand(parsed: ParsedArgs): Promise<unknown> {
  const args = withSwitches(parsed, ['days', 'movie-mean']);
  checkFlags(args, [
    ...SPLIT_FLAGS,
    ...WINDOW_FEATURE_FLAGS,
    'models',
    ...new Set([...NETWORK_FLAGS.lstm, ...NETWORK_FLAGS.dense]),
  ]);
  const models = (args.options.get('models') ?? ALL.join(',')).split(',') as CompareModel[];
  const unknown = models.filter((m) => !ALL.includes(m));
  if (unknown.length > 0)
    throw new UsageError(`unknown model ${unknown.join(', ')}; choose from ${ALL.join(', ')}`);
  const seed = integerOption(args, 'seed', 7, 0);
  const { data: loaded } = await loadRatingsFromPaths(args.positional);
  const { data, prepared } = splitFromArgs(loaded, args);
  checkSplitHasWindows(prepared, models.includes('lstm'));
  const users = data.userIds.ids.length;
  const movies = data.movieIds.ids.length;
  const sets = ratingSetsFromSplit(data.table, prepared.split, users, movies);
  const split = { ...prepared.split.options, windows: prepared.split.windowCounts };
  const rows: Record<string, unknown>[] = [];
  for (const model of models.filter((m): m is RatingModelKind => m !== 'lstm' && m !== 'dense')) {
    const settings = {
      ...DEFAULT_RATING_MODEL_SETTINGS,
      mf: { ...DEFAULT_RATING_MODEL_SETTINGS.mf, seed },
    };
    const { report } = await trainRatingModel(model, sets, settings);
    rows.push(ratingModelRow(report, split));
  }
  const networks = models.filter((m): m is 'lstm' | 'dense' => m === 'lstm' || m === 'dense');
  if (networks.length > 0) {
    // Windows first: clustering switches tfjs to WASM for its matrix products, so the training backend is
    // chosen after it (the other way round, `--backend cpu` trained on unpatched WASM and crashed).
    const windows = await windowsForNetworks(data, prepared, args, seed, networks.includes('lstm'));
    const { tf, backend } = await nodeTf(
      stringOption<'wasm' | 'cpu'>(args, 'backend', ['wasm', 'cpu'], 'wasm'),
    );
    const values = data.table.ratingValues;
    for (const kind of networks) {
      const defaults = kind === 'lstm' ? DEFAULT_LSTM_CELL_OPTIONS : DEFAULT_DENSE_CELL_OPTIONS;
      const { model, result } = await runTraining(tf, {
        runId: `cli-compare-${kind}` as RunId,
        windows,
        space: { users, movies },
        model: networkSpec(kind, args, seed, [values[0], values[values.length - 1]]),
        fit: {
          epochs: integerOption(args, 'epochs', defaults.epochs),
          batchSize: integerOption(args, 'batch', defaults.batchSize),
          patience: integerOption(args, 'patience', defaults.patience),
          seed,
        },
      });
      disposeModel(model);
      rows.push(networkReport(kind, { ...result, backend }, split));
    }
  }
  rows.sort((a, b) => (a.testRmse as number) - (b.testRmse as number));
  return { models: rows };
}
