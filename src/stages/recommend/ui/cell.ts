import { fromStore, type CellDefinition } from '../../../app/state/cell-definition';
import type { RecommendInputs } from '../contract';
import { recommendFor, recommendForRandomUser } from './recommend-actions';
import { RecommendCell } from './RecommendCell';
import { recommendStore } from './recommend-store';

declare module '../../../app/state/cell-definition' {
  interface CellResults {
    /** The chosen user's history and candidates. */
    recommend: RecommendInputs | null;
  }
}

export const recommendCell: CellDefinition<'recommend'> = {
  id: 'recommend',
  title: 'Recommend',
  inputs: ['sequences'],
  // It ranks with every model Compare lists.
  reads: ['compare'],
  Component: RecommendCell,
  run: () => {
    const user = recommendStore.get().user;
    return user === null ? recommendForRandomUser() : recommendFor(user);
  },
  followsInputs: false,
  params: [],
  result: fromStore(recommendStore, (state) => state.inputs),
};
