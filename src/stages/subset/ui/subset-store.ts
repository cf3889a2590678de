import { createStore } from '../../../ui-kit/store';
import type { SubsetOptions, SubsetResult } from '../contract';

export interface SubsetCellState {
  /** What the person asked for; null means "the defaults for this dataset's size". */
  options: SubsetOptions | null;
  result: SubsetResult | null;
}

export const subsetStore = createStore<SubsetCellState>({ options: null, result: null });
