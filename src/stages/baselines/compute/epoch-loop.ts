import type { CancelToken } from '../../../lib/cancellation';

/** Sent after every epoch of an SGD model. */
export interface EpochProgress {
  kind: 'epoch';
  epoch: number;
  epochs: number;
  /** RMSE over the epoch's updates, each error taken just before its update (free to compute). */
  trainRmse: number;
  valRmse: number | null;
  /** Milliseconds the epoch took, validation included. */
  ms: number;
}

export interface EpochHooks {
  onEpoch?: (progress: EpochProgress) => void;
  /** Checked between epochs; training stops and keeps the best weights so far. */
  cancel?: CancelToken;
  /** Awaited between epochs, so a worker can take the cancel message (e.g. a zero-delay timeout). */
  yieldBetweenEpochs?: () => Promise<void>;
  /** Milliseconds since some origin; defaults to `Date.now`. */
  now?: () => number;
}

export type StopReason = 'epochs' | 'early-stop' | 'cancelled';

export interface EpochRun {
  /** Epochs that ran. */
  epochs: number;
  /** The epoch whose weights the model keeps (1-based; the last one without validation). */
  bestEpoch: number;
  trainRmse: number[];
  valRmse: (number | null)[];
  stopReason: StopReason;
}

export interface EpochTrainer<Snapshot> {
  /** Runs one epoch and returns its running training RMSE. */
  runEpoch(epoch: number): number;
  /** Validation RMSE of the current weights, or null without validation ratings. */
  validationRmse(): number | null;
  snapshot(): Snapshot;
  restore(snapshot: Snapshot): void;
}

/**
 * Runs up to `epochs` epochs. With validation ratings and `patience` > 0, stops after `patience` epochs without
 * a better validation RMSE; whenever validation exists, the weights of the best validation epoch are restored.
 */
export async function runEpochs<Snapshot>(
  trainer: EpochTrainer<Snapshot>,
  settings: { epochs: number; patience: number },
  hooks: EpochHooks = {},
): Promise<EpochRun> {
  const now = hooks.now ?? Date.now;
  const run: EpochRun = {
    epochs: 0,
    bestEpoch: 0,
    trainRmse: [],
    valRmse: [],
    stopReason: 'epochs',
  };
  let best: { rmse: number; snapshot: Snapshot } | null = null;
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    if (hooks.cancel?.cancelled) {
      run.stopReason = 'cancelled';
      break;
    }
    const started = now();
    const trainRmse = trainer.runEpoch(epoch);
    const valRmse = trainer.validationRmse();
    run.epochs = epoch;
    run.trainRmse.push(trainRmse);
    run.valRmse.push(valRmse);
    if (valRmse === null) run.bestEpoch = epoch;
    else if (best === null || valRmse < best.rmse) {
      best = { rmse: valRmse, snapshot: trainer.snapshot() };
      run.bestEpoch = epoch;
    }
    hooks.onEpoch?.({
      kind: 'epoch',
      epoch,
      epochs: settings.epochs,
      trainRmse,
      valRmse,
      ms: now() - started,
    });
    if (settings.patience > 0 && valRmse !== null && epoch - run.bestEpoch >= settings.patience) {
      run.stopReason = 'early-stop';
      break;
    }
    if (hooks.yieldBetweenEpochs) await hooks.yieldBetweenEpochs();
  }
  if (best !== null && run.bestEpoch !== run.epochs) trainer.restore(best.snapshot);
  return run;
}
