/** What crosses the training worker's boundary for the Tune cell: plain data only. */
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
