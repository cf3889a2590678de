import { optionParams } from '../../../app/state/param-bindings';
import { DEFAULT_EXPLORE_OPTIONS } from '../compute/explore-projections';
import { EXPLORE_PARAMS } from '../compute/explore-params';
import type { ExploreOptions } from '../contract';
import { setExploreOptions } from './explore-actions';
import { exploreStore, type ExploreCellState } from './explore-store';

/** The Explore cell's options in share links; a sub-sample of 0 ratings means "no sub-sample". */
export const exploreParams = optionParams<ExploreOptions, ExploreCellState>({
  store: exploreStore,
  defaults: DEFAULT_EXPLORE_OPTIONS,
  get: () => exploreStore.get().options,
  set: setExploreOptions,
  table: EXPLORE_PARAMS,
});
