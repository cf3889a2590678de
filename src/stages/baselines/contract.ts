/** What crosses worker boundaries for the Baselines stage: options, per-epoch progress and reports. */
export type { MfOptions } from './compute/biased-mf';
export type { EpochProgress, StopReason } from './compute/epoch-loop';
export type { RatingModelKind } from './compute/rating-model';
export type { StaticBaselineOptions } from './compute/static-baseline';
export type { TimeAwareBaselineOptions } from './compute/time-aware-baseline';
export type { RatingModelReport, RatingModelSettings } from './compute/train-rating-model';
export { DEFAULT_RATING_MODEL_SETTINGS } from './compute/train-rating-model';
