import { createStore } from '../../../ui-kit/store';
import type { RunId } from '../../../lib/ids';
import { defaultHyperbandOptions } from '../compute/hyperband-schedule';
import { defaultSearchSpace } from '../compute/search-space';
import type { BackendReport } from '../../train/contract';
import type {
  EpochTiming,
  HyperbandOptions,
  PlannedTrial,
  SearchSpace,
  TunerState,
} from '../contract';

/** Validation loss of one trial, epoch by epoch (cumulative epochs, 1-based). */
export interface TrialCurve {
  epochs: number[];
  valLoss: number[];
}

export interface TuneCellState {
  hyperband: HyperbandOptions;
  space: SearchSpace;
  /** Batch size and patience of every trial. */
  fit: { batchSize: number; patience: number };
  /** The search so far (null before the first start); kept when stopped, so it can resume. */
  state: TunerState | null;
  running: { runId: RunId; startedAt: number } | null;
  current: PlannedTrial | null;
  curves: Record<string, TrialCurve>;
  /** Seconds per epoch measured in this search (for the estimate of the time left). */
  secondsPerEpoch: number[];
  /** An epoch timed before the search (the "Measure an epoch" button), with the backend it ran on. */
  epochTiming: (EpochTiming & { backend: BackendReport }) | null;
  /** Whether that timing is running, and why it failed. */
  timing: 'running' | { error: string } | null;
}

/** The report tuned with keras-tuner's Hyperband; the defaults keep a first search to minutes on the sample. */
export const tuneStore = createStore<TuneCellState>({
  hyperband: defaultHyperbandOptions,
  space: defaultSearchSpace,
  fit: { batchSize: 256, patience: 3 },
  state: null,
  running: null,
  current: null,
  curves: {},
  secondsPerEpoch: [],
  epochTiming: null,
  timing: null,
});
