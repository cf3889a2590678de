import { createStore } from '../../../ui-kit/store';
import type { ComparisonRow } from '../contract';

export interface CompareState {
  /** The windows (split) the rows were scored on: rows of another split never mix in one table. */
  windowsId: string | null;
  rows: ComparisonRow[];
}

export const compareStore = createStore<CompareState>({ windowsId: null, rows: [] });

/**
 * Adds (or replaces, by id) a model's row. A row from another split than the current rows' starts a new
 * table: models are compared only on the same test ratings.
 */
export function addComparisonRow(windowsId: string, row: ComparisonRow): void {
  const state = compareStore.get();
  const rows = state.windowsId === windowsId ? state.rows.filter((r) => r.id !== row.id) : [];
  compareStore.set({ windowsId, rows: [...rows, row] });
}
