/** What crosses worker boundaries for the Baselines stage: options, per-epoch progress and reports. */
import type { RunId } from '../../lib/ids';
import type { WindowsId } from '../windows/contract';
import type { EpochProgress } from './compute/epoch-loop';
import type { RatingModelKind } from './compute/rating-model';
import type { RatingModelReport, RatingModelSettings } from './compute/train-rating-model';

export type { MfOptions } from './compute/biased-mf';
export type { EpochProgress, StopReason } from './compute/epoch-loop';
export type { RatingModelKind } from './compute/rating-model';
export type { StaticBaselineOptions } from './compute/static-baseline';
export type { TimeAwareBaselineOptions } from './compute/time-aware-baseline';
export type { RatingModelReport, RatingModelSettings } from './compute/train-rating-model';
export { DEFAULT_RATING_MODEL_SETTINGS } from './compute/train-rating-model';

/** Names of the rating models, for tables and charts. */
export const RATING_MODEL_NAMES: Record<RatingModelKind, string> = {
  mean: 'Global mean',
  bias: 'Baseline (μ + bᵤ + bᵢ)',
  timebias: 'Time-aware baseline',
  mf: 'Biased MF (SVD)',
  svdpp: 'SVD++',
};

export interface BaselinesRequest {
  windowsId: WindowsId;
  runId: RunId;
  models: RatingModelKind[];
  settings: RatingModelSettings;
}

/** Progress of a Baselines run, as increments. */
export type BaselinesProgress =
  | { kind: 'model'; model: RatingModelKind }
  | ({ model: RatingModelKind } & EpochProgress)
  | { kind: 'report'; report: RatingModelReport };
