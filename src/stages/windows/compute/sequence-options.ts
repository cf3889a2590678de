import type { SplitKind } from './window-split';

/** Everything the Sequences cell lets a person choose; the seed is the notebook's. */
export interface SequenceOptions {
  /** W: ratings per window; the last one is the label. */
  steps: number;
  stride: number;
  /** Windows kept per user (the latest), null for all. */
  maxPerUser: number | null;
  split: SplitKind;
  valFraction: number;
  testFraction: number;
  /** Extra features per step. */
  daysSincePrevious: boolean;
  movieMean: boolean;
}

/** The report's window of 10, stride 1; each user's latest windows held out (10% validation, 10% test). */
export const DEFAULT_SEQUENCE_OPTIONS: SequenceOptions = {
  steps: 10,
  stride: 1,
  maxPerUser: null,
  split: 'chrono',
  valFraction: 0.1,
  testFraction: 0.1,
  daysSincePrevious: false,
  movieMean: false,
};
