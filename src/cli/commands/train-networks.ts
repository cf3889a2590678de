import {
  DENSE_ACTIVATIONS,
  type DenseActivation,
} from '../../stages/train/compute/model/build-lstm-model';
import {
  DEFAULT_DENSE_CELL_OPTIONS,
  DEFAULT_LSTM_CELL_OPTIONS,
} from '../../stages/train/compute/cell-defaults';
import type { ModelSpec, TrainResult } from '../../stages/train/contract';
import { runTraining } from '../../stages/train/compute/run-training';
import { nodeTf } from '../node-tf';
import type { RunId } from '../../lib/ids';
import { integerOption, numberOption, stringOption, type ParsedArgs } from '../args';
import { loadRatingsFromPaths } from '../load-paths';
import { windowsForNetworks, WINDOW_FEATURE_FLAGS } from '../network-windows';
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

export const NETWORK_FLAGS = {
  lstm: [
    'units',
    'layers',
    'dropout',
    'activation',
    'lr',
    'epochs',
    'batch',
    'patience',
    'backend',
  ],
  dense: ['embedding', 'dropout', 'lr', 'epochs', 'batch', 'patience', 'backend'],
} as const;

export const NETWORK_USAGE =
  `lstm|dense FILE... ${SPLIT_USAGE} [--k K] [--days] [--movie-mean] ` +
  '[--units N --layers L --dropout D --activation swish|gelu|selu|relu|linear|sigmoid] [--embedding E] ' +
  '[--lr L --epochs E --batch B --patience P] [--backend wasm|cpu] [--verbose]';

/** The model a command line asks for, with the cells' defaults for everything it leaves out. */
export function networkSpec(
  kind: 'lstm' | 'dense',
  args: ParsedArgs,
  seed: number,
  ratingRange: [number, number],
): ModelSpec {
  if (kind === 'lstm') {
    const d = DEFAULT_LSTM_CELL_OPTIONS;
    return {
      kind,
      options: {
        units: integerOption(args, 'units', d.units),
        layers: integerOption(args, 'layers', d.layers),
        dropout: numberOption(args, 'dropout', d.dropout),
        activation: stringOption<DenseActivation>(
          args,
          'activation',
          DENSE_ACTIVATIONS,
          d.activation,
        ),
        learningRate: numberOption(args, 'lr', d.learningRate),
        ratingRange,
        seed,
      },
    };
  }
  const d = DEFAULT_DENSE_CELL_OPTIONS;
  return {
    kind,
    options: {
      embeddingSize: integerOption(args, 'embedding', d.embeddingSize),
      dropout: numberOption(args, 'dropout', d.dropout),
      learningRate: numberOption(args, 'lr', d.learningRate),
      ratingRange,
      seed,
    },
  };
}

/** `{"model","testRmse","valRmse","trainMeanRmse","params","epochs","backend", …}`, as for the rating models. */
export function networkReport(
  model: string,
  result: Omit<TrainResult, 'modelKey'>,
  split: unknown,
): Record<string, unknown> {
  return {
    model,
    testRmse: result.test?.rmse ?? null,
    valRmse: result.validation?.rmse ?? null,
    trainMeanRmse: result.test?.trainMeanRmse ?? null,
    params: result.params.trainable,
    epochs: result.epochsRun,
    backend: result.backend,
    testMae: result.test?.mae ?? null,
    bestEpoch: result.bestEpoch + 1,
    trainingSeconds: result.trainingSeconds,
    samplesPerSecond: result.samplesPerSecond,
    testRatings: result.test?.labels.length ?? 0,
    split,
  };
}

/** `train lstm|dense FILE...`: the LSTM or the dense embedding model, trained as the notebook trains it. */
export async function trainNetworkCommand(
  kind: 'lstm' | 'dense',
  parsed: ParsedArgs,
): Promise<unknown> {
  const args = withSwitches(parsed, ['verbose', 'days', 'movie-mean']);
  checkFlags(args, [...SPLIT_FLAGS, ...WINDOW_FEATURE_FLAGS, ...NETWORK_FLAGS[kind], 'verbose']);
  const seed = integerOption(args, 'seed', 7, 0);
  const { data: loaded } = await loadRatingsFromPaths(args.positional);
  const { data, prepared } = splitFromArgs(loaded, args, kind === 'dense');
  checkSplitHasWindows(prepared, kind === 'lstm');
  const windows = await windowsForNetworks(data, prepared, args, seed, kind === 'lstm');
  const values = data.table.ratingValues;
  const defaults = kind === 'lstm' ? DEFAULT_LSTM_CELL_OPTIONS : DEFAULT_DENSE_CELL_OPTIONS;
  const verbose = switchOn(args, 'verbose');
  const { tf, backend } = await nodeTf(
    stringOption<'wasm' | 'cpu'>(args, 'backend', ['wasm', 'cpu'], 'wasm'),
  );
  const { model, result } = await runTraining(
    tf,
    {
      runId: `cli-${kind}` as RunId,
      windows,
      space: { users: data.userIds.ids.length, movies: data.movieIds.ids.length },
      model: networkSpec(kind, args, seed, [values[0], values[values.length - 1]]),
      fit: {
        epochs: integerOption(args, 'epochs', defaults.epochs),
        batchSize: integerOption(args, 'batch', defaults.batchSize),
        patience: integerOption(args, 'patience', defaults.patience),
        seed,
      },
    },
    {
      onEpoch: (log) => {
        if (verbose)
          process.stderr.write(
            `epoch ${log.epoch + 1}: loss ${log.loss.toFixed(4)}, validation loss ${log.valLoss.toFixed(4)} (${log.seconds.toFixed(1)} s)\n`,
          );
      },
    },
  );
  disposeModel(model);
  return networkReport(
    kind,
    { ...result, backend },
    { ...prepared.split.options, windows: prepared.split.windowCounts },
  );
}
