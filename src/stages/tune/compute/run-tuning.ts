/** A tuning session on the host's tfjs backend: trials on the windows from a state, until done or stopped. */
import type { WeightSnapshot } from '../../train/compute/model/weights';
import type { Tf } from '../../train/compute/tf';
import { normalizationStats } from '../../train/compute/training/normalization-stats';
import { windowBatches } from '../../windows/compute/compact-windows';
import type { TuneProgress, TuneRequest } from '../contract';
import type { TunerState } from './hyperband-state';
import { createLstmTrialRunner } from './lstm-trial-runner';
import { runHyperband } from './run-hyperband';

export interface TuningHooks {
  onProgress?: (progress: Exclude<TuneProgress, { kind: 'backend' }>) => void;
  /** Awaited after every batch (hosts yield to their event loop there, so a stop message gets through). */
  onBatch?: () => void | Promise<void>;
  shouldStop?: () => boolean;
  now: () => number;
}

/** `checkpoints` holds every trial's best weights by trial id; keep it across sessions to resume a search. */
export function runTuning(
  tf: Tf,
  request: TuneRequest,
  checkpoints: Map<string, WeightSnapshot>,
  hooks: TuningHooks,
): Promise<TunerState> {
  const { windows } = request;
  const runner = createLstmTrialRunner({
    tf,
    data: {
      train: windowBatches(windows, 'train'),
      validation: windowBatches(windows, 'validation'),
    },
    steps: windows.steps,
    features: windows.features,
    normalization: normalizationStats(windowBatches(windows, 'train')),
    ratingRange: request.ratingRange,
    batchSize: request.fit.batchSize,
    patience: request.fit.patience,
    seed: request.state.settings.seed,
    checkpoints,
    onEpoch: (trialId, log) => hooks.onProgress?.({ kind: 'trial-epoch', trialId, ...log }),
    onBatch: hooks.onBatch,
    shouldStop: hooks.shouldStop,
  });
  return runHyperband(request.state, {
    runner,
    now: hooks.now,
    shouldStop: hooks.shouldStop,
    onEvent: (event) => hooks.onProgress?.(event),
  });
}
