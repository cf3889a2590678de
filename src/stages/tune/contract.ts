/** What crosses the training worker's boundary for the Tune cell: plain data only. */
import type { RunId } from '../../lib/ids';
import type { BackendOptions, BackendReport, EpochLog } from '../train/contract';
import type { CompactWindows } from '../windows/compute/compact-windows';
import type { PlannedTrial, TrialRecord, TunerState } from './compute/hyperband-state';
export type {
  HyperbandOptions,
  HyperbandSchedule,
  ScheduledRound,
} from './compute/hyperband-schedule';
export type {
  CheckpointRef,
  PlannedTrial,
  SearchEnd,
  TrialOutcome,
  TrialRecord,
  TrialRequest,
  TunerSettings,
  TunerState,
} from './compute/hyperband-state';
export type { TuneEvent } from './compute/run-hyperband';
export type { FinalActivation, SearchSpace, TrialConfig } from './compute/search-space';
export type { EpochTiming, EpochTimingRequest } from './compute/epoch-timer';

/** One tuning session in the training worker: runs trials from `state` until done or stopped. */
export interface TuneRequest {
  runId: RunId;
  windows: CompactWindows;
  state: TunerState;
  /** Batch size and patience of every trial (early stopping inside trials). */
  fit: { batchSize: number; patience: number };
  ratingRange: [number, number];
  backend?: BackendOptions;
}

/** Progress of a tuning session, as increments. */
export type TuneProgress =
  | { kind: 'backend'; report: BackendReport }
  | { kind: 'trial-started'; trial: PlannedTrial }
  | ({ kind: 'trial-epoch'; trialId: string } & EpochLog)
  | { kind: 'trial-finished'; trial: TrialRecord; best: TrialRecord | null }
  | { kind: 'search-ended'; state: TunerState };
