/**
 * How long one epoch of a search takes on this machine, measured before the search starts: a few training
 * batches of a middle configuration, scaled to the epoch, so the Tune cell can estimate the schedule's time.
 */
import type { Tf } from '../../train/compute/tf';
import { fitModel } from '../../train/compute/training/fit-model';
import { normalizationStats } from '../../train/compute/training/normalization-stats';
import { windowBatches, type CompactWindows } from '../../windows/compute/compact-windows';
import { lstmModelFor } from './lstm-trial-runner';
import type { SearchSpace, TrialConfig } from './search-space';
import { disposeModel } from '../../train/compute/model/dispose-model';

export interface EpochTimingRequest {
  windows: CompactWindows;
  batchSize: number;
  ratingRange: [number, number];
  seed: number;
  config: TrialConfig;
}

export interface EpochTiming {
  config: TrialConfig;
  /** One epoch: its training batches plus the validation pass. */
  msPerEpoch: number;
  /** One training batch, averaged over the timed batches (the warm-up batch excluded). */
  msPerBatch: number;
  batchesPerEpoch: number;
  windowsPerSecond: number;
}

/**
 * A configuration in the middle of the space, as a stand-in for the trials: the middle layer count, the
 * geometric middle of units and learning rate (units are drawn uniformly, but cost grows with their square,
 * so the geometric middle is nearer a typical trial's cost than the arithmetic one would be).
 */
export function middleConfig(space: SearchSpace): TrialConfig {
  return {
    layers: Math.round((space.layers.min + space.layers.max) / 2),
    units: Math.round(Math.sqrt(space.units.min * space.units.max)),
    dropout: (space.dropout.min + space.dropout.max) / 2,
    activation: space.activations.includes('swish') ? 'swish' : space.activations[0],
    learningRate: Math.sqrt(space.learningRate.min * space.learningRate.max),
  };
}

/**
 * Trains `timedBatches` + 1 batches of the configuration and times all but the first (which compiles
 * kernels and allocates buffers). The validation pass is a forward pass only: counted as a third of a
 * training batch per batch of validation windows, the ratio of forward to forward-and-backward cost.
 */
export async function measureEpoch(
  tf: Tf,
  request: EpochTimingRequest,
  now: () => number,
  timedBatches = 3,
): Promise<EpochTiming> {
  const { windows, batchSize, config } = request;
  const train = windowBatches(windows, 'train');
  if (train.count === 0) throw new Error('The training split has no windows to time.');
  const batchesPerEpoch = Math.ceil(train.count / batchSize);
  const model = lstmModelFor(
    {
      tf,
      steps: windows.steps,
      features: windows.features,
      normalization: normalizationStats(train),
      ratingRange: request.ratingRange,
      seed: request.seed,
    },
    config,
  );
  const marks: number[] = [];
  try {
    await fitModel(
      tf,
      model,
      { train },
      {
        // Enough epochs for the timed batches even when an epoch has fewer batches.
        epochs: Math.ceil((timedBatches + 1) / batchesPerEpoch) + 1,
        batchSize,
        patience: Infinity,
        seed: request.seed,
        onBatch: () => void marks.push(now()),
        shouldStop: () => marks.length > timedBatches,
      },
    );
  } finally {
    disposeModel(model);
  }
  const msPerBatch = (marks[timedBatches] - marks[0]) / timedBatches;
  const validationBatches = Math.ceil(windows.validation.length / batchSize);
  return {
    config,
    msPerEpoch: msPerBatch * (batchesPerEpoch + validationBatches / 3),
    msPerBatch,
    batchesPerEpoch,
    windowsPerSecond: msPerBatch > 0 ? (Math.min(batchSize, train.count) * 1000) / msPerBatch : 0,
  };
}
