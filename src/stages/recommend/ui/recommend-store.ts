import { createStore } from '../../../ui-kit/store';
import type { RecommendInputs } from '../contract';

/** One model's ranking of the movies the user has not rated. */
export interface ModelRanking {
  id: string;
  name: string;
  /** Predicted rating per candidate (same order as `RecommendInputs.candidates`). */
  scores: Float32Array;
  note?: string;
}

export interface RecommendCellState {
  /** Subset index of the chosen user. */
  user: number | null;
  inputs: RecommendInputs | null;
  rankings: ModelRanking[];
  loading: boolean;
  message: string | null;
}

export const recommendStore = createStore<RecommendCellState>({
  user: null,
  inputs: null,
  rankings: [],
  loading: false,
  message: null,
});
