import { useSyncExternalStore } from 'react';
import type { CellId, CellResults } from './cell-definition';
import { cellDefinition } from './notebook';

/** What cell `id` offers later cells, re-rendering when it changes: how one cell's UI reads another's result. */
export function useCellResult<Id extends CellId>(id: Id): CellResults[Id] {
  const source = cellDefinition(id).result;
  const get = source.get as () => CellResults[Id];
  return useSyncExternalStore(source.subscribe, get, get);
}
