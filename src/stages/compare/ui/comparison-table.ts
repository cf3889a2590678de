import type { ComparedRows } from '../../../app/state/cell-definition';
import { comparedCellsBefore } from '../../../app/state/notebook';
import type { ComparisonRow } from '../contract';

/** The rows Compare shows: every model's, on the split of the newest rows (two splits never mix). */
export interface ComparisonTable {
  windowsId: string | null;
  rows: readonly ComparisonRow[];
}

const EMPTY: ComparisonTable = { windowsId: null, rows: [] };
let last: { parts: (ComparedRows | null)[]; table: ComparisonTable } | null = null;

function compared(): (ComparedRows | null)[] {
  return comparedCellsBefore('compare').map((cell) => cell.comparison?.get() ?? null);
}

/** The table from the model cells' current rows; the same object while none of them changed. */
export function currentComparison(): ComparisonTable {
  const parts = compared();
  if (last && parts.length === last.parts.length && parts.every((p, i) => p === last?.parts[i]))
    return last.table;
  const newest = parts.reduce<ComparedRows | null>(
    (a, b) => (b && (!a || b.at > a.at) ? b : a),
    null,
  );
  const table = newest
    ? {
        windowsId: newest.windowsId,
        // In the order the models' rows arrived, as they were added before.
        rows: parts
          .filter((part): part is ComparedRows => part?.windowsId === newest.windowsId)
          .sort((a, b) => a.at - b.at)
          .flatMap((part) => part.rows),
      }
    : EMPTY;
  last = { parts, table };
  return table;
}

/** Calls `listener` when any model cell's rows change. */
export function subscribeComparison(listener: () => void): () => void {
  const unsubscribes = comparedCellsBefore('compare').map(
    (cell) => cell.comparison?.subscribe(listener) ?? (() => {}),
  );
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}
