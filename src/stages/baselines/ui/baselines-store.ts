import { RATING_MODEL_KINDS } from '../compute/baseline-params';
import { createStore } from '../../../ui-kit/store';
import type { ComparedRows } from '../../../app/state/cell-definition';
import type { RunId } from '../../../lib/ids';
import {
  DEFAULT_RATING_MODEL_SETTINGS,
  type RatingModelKind,
  type RatingModelReport,
  type RatingModelSettings,
} from '../contract';

export const ALL_RATING_MODELS: RatingModelKind[] = RATING_MODEL_KINDS;

/** Per-epoch RMSEs of an SGD model, for its live curve. */
export interface EpochCurve {
  train: number[];
  validation: (number | null)[];
}

export interface BaselinesCellState {
  models: RatingModelKind[];
  settings: RatingModelSettings;
  running: { runId: RunId; current: RatingModelKind | null } | null;
  curves: Partial<Record<RatingModelKind, EpochCurve>>;
  reports: RatingModelReport[];
  /** The models' rows for Compare, kept across runs on the same split (a later run replaces a model's row). */
  compared: ComparedRows | null;
}

export const baselinesStore = createStore<BaselinesCellState>({
  models: ALL_RATING_MODELS,
  settings: DEFAULT_RATING_MODEL_SETTINGS,
  running: null,
  curves: {},
  reports: [],
  compared: null,
});
