import { fromStore, type CellDefinition } from '../../../app/state/cell-definition';
import type { ExploreResult } from '../contract';
import { cancelExplore, runExplore } from './explore-actions';
import { ExploreCell } from './ExploreCell';
import { exploreParams } from './explore-link';
import { exploreStore } from './explore-store';

declare module '../../../app/state/cell-definition' {
  interface CellResults {
    /** The movies' PCA, sparse PCA and NMF coordinates. */
    explore: ExploreResult | null;
  }
}

export const exploreCell: CellDefinition<'explore'> = {
  id: 'explore',
  title: 'Explore',
  inputs: ['subset'],
  Component: ExploreCell,
  run: runExplore,
  cancel: cancelExplore,
  followsInputs: true,
  usesSeed: true,
  params: [exploreParams],
  result: fromStore(exploreStore, (state) => state.result),
};
