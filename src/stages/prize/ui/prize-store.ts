import type { ComparedRows } from '../../../app/state/cell-definition';
import type { RunId } from '../../../lib/ids';
import { createStore } from '../../../ui-kit/store';
import { DEFAULT_PRIZE_OPTIONS, type PrizeCellOptions } from '../compute/prize-params';
import type {
  PrizeEpochProgress,
  PrizeModelKind,
  PrizeModelRowResult,
  PrizePlan,
} from '../contract';

export interface PrizeRunning {
  runId: RunId;
  startedAt: number;
  /** The model in training and its place in the run. */
  current: { model: PrizeModelKind; index: number } | null;
  last: PrizeEpochProgress | null;
}

export interface PrizeCellState {
  options: PrizeCellOptions;
  /** The probe file the person chose; null holds out each user's last 9 ratings. */
  probe: File | null;
  /** The split and each model's memory, for the current dataset, probe and options. */
  plan: PrizePlan | null;
  planError: string | null;
  running: PrizeRunning | null;
  /** Held-out RMSE per epoch of each model, for the live curves. */
  curves: Partial<Record<PrizeModelKind, number[]>>;
  rows: PrizeModelRowResult[];
  compared: ComparedRows | null;
}

export const prizeStore = createStore<PrizeCellState>({
  options: DEFAULT_PRIZE_OPTIONS,
  probe: null,
  plan: null,
  planError: null,
  running: null,
  curves: {},
  rows: [],
  compared: null,
});
