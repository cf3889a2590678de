import { fromStore, type CellDefinition } from '../../../app/state/cell-definition';
import type { SubsetResult } from '../contract';
import { runSubset } from './subset-actions';
import { SubsetCell } from './SubsetCell';
import { subsetParams } from './subset-link';
import { subsetStore } from './subset-store';

declare module '../../../app/state/cell-definition' {
  interface CellResults {
    /** The top-u × top-m ratings. */
    subset: SubsetResult | null;
  }
}

export const subsetCell: CellDefinition<'subset'> = {
  id: 'subset',
  title: 'Subset',
  inputs: ['data'],
  Component: SubsetCell,
  run: runSubset,
  followsInputs: true,
  params: [subsetParams],
  result: fromStore(subsetStore, (state) => state.result),
};
