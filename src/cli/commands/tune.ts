import type { RunId } from '../../lib/ids';
import { DEFAULT_LSTM_CELL_OPTIONS } from '../../stages/train/compute/cell-defaults';
import type { WeightSnapshot } from '../../stages/train/compute/model/weights';
import { runTraining } from '../../stages/train/compute/run-training';
import { defaultHyperbandOptions } from '../../stages/tune/compute/hyperband-schedule';
import { bestTrial, createTunerState } from '../../stages/tune/compute/hyperband-state';
import { trialModelOptions } from '../../stages/tune/compute/lstm-trial-runner';
import { runTuning } from '../../stages/tune/compute/run-tuning';
import { defaultSearchSpace } from '../../stages/tune/compute/search-space';
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
  switchOn,
  withSwitches,
} from '../split-args';
import { disposeModel } from '../../stages/train/compute/model/dispose-model';

export const TUNE_USAGE =
  `tune FILE... --max-epochs E --factor F --seed S ${SPLIT_USAGE} [--k K] [--iterations I] ` +
  '[--units-min N --units-max N --layers-max L] [--batch B --patience P] [--full-epochs E] [--backend wasm|cpu] [--verbose]';

/**
 * `tune FILE...`: Hyperband over the LSTM as the Tune cell runs it, then the best configuration trained in full
 * and scored on the test ratings; prints `{"trials":N,"best":{…,"valLoss":x},"testRmse":y}`.
 */
export async function tuneCommand(parsed: ParsedArgs): Promise<unknown> {
  const args = withSwitches(parsed, ['verbose', 'days', 'movie-mean']);
  checkFlags(args, [
    ...SPLIT_FLAGS,
    ...WINDOW_FEATURE_FLAGS,
    'max-epochs',
    'factor',
    'iterations',
    'units-min',
    'units-max',
    'layers-max',
    'batch',
    'patience',
    'full-epochs',
    'backend',
    'verbose',
  ]);
  const seed = integerOption(args, 'seed', 7, 0);
  const { data: loaded } = await loadRatingsFromPaths(args.positional);
  const { data, prepared } = splitFromArgs(loaded, args);
  checkSplitHasWindows(prepared, true);
  const windows = await windowsForNetworks(data, prepared, args, seed);
  const { tf, backend } = await nodeTf(
    stringOption<'wasm' | 'cpu'>(args, 'backend', ['wasm', 'cpu'], 'wasm'),
  );
  const space = {
    ...defaultSearchSpace,
    units: {
      min: integerOption(args, 'units-min', defaultSearchSpace.units.min),
      max: integerOption(args, 'units-max', defaultSearchSpace.units.max),
    },
    layers: { min: 1, max: integerOption(args, 'layers-max', defaultSearchSpace.layers.max) },
  };
  let state;
  try {
    state = createTunerState({
      maxEpochs: integerOption(args, 'max-epochs', defaultHyperbandOptions.maxEpochs),
      factor: integerOption(args, 'factor', defaultHyperbandOptions.factor, 2),
      iterations: integerOption(args, 'iterations', defaultHyperbandOptions.iterations),
      seed,
      space,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = data.table.ratingValues;
  const ratingRange: [number, number] = [values[0], values[values.length - 1]];
  const batchSize = integerOption(args, 'batch', DEFAULT_LSTM_CELL_OPTIONS.batchSize);
  const verbose = switchOn(args, 'verbose');
  const final = await runTuning(
    tf,
    {
      runId: 'cli-tune' as RunId,
      windows,
      state,
      fit: { batchSize, patience: integerOption(args, 'patience', 3) },
      ratingRange,
    },
    new Map<string, WeightSnapshot>(),
    {
      now: () => Date.now(),
      onProgress: (event) => {
        if (verbose && event.kind === 'trial-finished')
          process.stderr.write(
            `trial ${event.trial.number}: val loss ${event.trial.valLoss ?? 'failed'} (${JSON.stringify(event.trial.config)})\n`,
          );
      },
    },
  );
  const best = bestTrial(final);
  if (!best) throw new Error('no trial finished');
  const { config } = best;
  const { model, result } = await runTraining(tf, {
    runId: 'cli-tuned' as RunId,
    windows,
    space: { users: data.userIds.ids.length, movies: data.movieIds.ids.length },
    model: {
      kind: 'lstm',
      options: trialModelOptions(config, ratingRange, seed),
    },
    fit: {
      epochs: integerOption(args, 'full-epochs', DEFAULT_LSTM_CELL_OPTIONS.epochs),
      batchSize,
      patience: DEFAULT_LSTM_CELL_OPTIONS.patience,
      seed,
    },
  });
  disposeModel(model);
  return {
    trials: final.trials.length,
    best: {
      layers: config.layers,
      units: config.units,
      dropout: config.dropout,
      activation: config.activation,
      lr: config.learningRate,
      valLoss: best.valLoss,
    },
    testRmse: result.test?.rmse ?? null,
    backend,
    end: final.end,
  };
}
