import { fromStore, type CellDefinition } from '../../../app/state/cell-definition';
import type { LoadResult } from '../contract';
import { loadSample } from './data-actions';
import { DataCell } from './DataCell';
import { dataStore } from './data-store';

declare module '../../../app/state/cell-definition' {
  interface CellResults {
    /** The dataset in use. */
    data: LoadResult | null;
  }
}

/** The Data cell: the bundled sample at once, or the person's files. */
export const dataCell: CellDefinition<'data'> = {
  id: 'data',
  title: 'Data',
  inputs: [],
  Component: DataCell,
  // Run all keeps an uploaded dataset; otherwise it (re)loads the sample.
  run: () => (dataStore.get().loaded?.source.kind === 'upload' ? Promise.resolve() : loadSample()),
  followsInputs: false,
  params: [],
  result: fromStore(dataStore, (state) => state.loaded),
};
