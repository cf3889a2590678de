import { createStore } from '../../../ui-kit/store';
import type { RunId } from '../../../lib/ids';
import { DEFAULT_EXPLORE_OPTIONS } from '../compute/explore-projections';
import type { ExploreOptions, ExploreProgress, ExploreResult } from '../contract';

export interface ExploreCellState {
  options: ExploreOptions;
  result: ExploreResult | null;
  running: { runId: RunId; progress: ExploreProgress | null } | null;
}

export const exploreStore = createStore<ExploreCellState>({
  options: DEFAULT_EXPLORE_OPTIONS,
  result: null,
  running: null,
});
