import { createStore } from '../../ui-kit/store';
import type { AnyCellDefinition, CellId, CellResults } from './cell-definition';
import type { LinkCatalog } from '../../stages/notebook/compute/share-link';
import { installParamBindings } from './param-bindings';

export type { CellId } from './cell-definition';

export type CellStatus =
  | { kind: 'idle' }
  | { kind: 'running'; label: string; fraction: number | null; startedAt: number }
  | { kind: 'done'; keyFigure: string; ms: number }
  | { kind: 'stale'; keyFigure: string }
  | { kind: 'error'; message: string };

/** Every cell's status, by id; a cell of the installed notebook that has not run is idle. */
export const notebook = createStore<Record<CellId, CellStatus>>({} as Record<CellId, CellStatus>);

let cells: readonly AnyCellDefinition[] = [];

/**
 * Makes `list` the notebook: its order is the pipeline's, each cell's inputs must come before it. Called once
 * by the page with the cell list (`src/app/cells.ts`), and by tests with cells of their own.
 */
export function installNotebook(list: readonly AnyCellDefinition[]): void {
  const seen = new Set<string>();
  for (const cell of list) {
    if (seen.has(cell.id)) throw new Error(`The cell “${cell.id}” is in the notebook twice.`);
    for (const input of cell.inputs)
      if (!seen.has(input))
        throw new Error(`The cell “${cell.id}” reads “${input}”, which does not come before it.`);
    seen.add(cell.id);
  }
  for (const cell of list)
    for (const read of cell.reads ?? [])
      if (!seen.has(read))
        throw new Error(`The cell “${cell.id}” reads “${read}”, which is not in the notebook.`);
  cells = list;
  notebook.set(
    Object.fromEntries(list.map((cell) => [cell.id, { kind: 'idle' }])) as Record<
      CellId,
      CellStatus
    >,
  );
  installParamBindings(list.flatMap((cell) => cell.params.map((p) => ({ ...p, cell: cell.id }))));
}

/** What share links carry: every cell's parameters, in cell order, and the cells' ids. */
export function linkCatalog(): LinkCatalog {
  return {
    params: cells.flatMap((cell) => cell.params.flatMap((binding) => binding.specs)),
    cells: cellOrder(),
  };
}

/** The cells in pipeline order. */
export function cellOrder(): CellId[] {
  return cells.map((cell) => cell.id);
}

export function cellDefinition(id: CellId): AnyCellDefinition {
  const cell = cells.find((c) => c.id === id);
  if (!cell) throw new Error(`The notebook has no cell “${id}”.`);
  return cell;
}

export function cellTitle(id: CellId): string {
  return cellDefinition(id).title;
}

/** The cells `id` reads from. Changing a cell makes everything downstream of it stale. */
export function cellInputs(id: CellId): readonly CellId[] {
  return cellDefinition(id).inputs;
}

/** What cell `id` offers later cells now. */
export function readResult<Id extends CellId>(id: Id): CellResults[Id] {
  return cellDefinition(id).result.get() as CellResults[Id];
}

/** The cells before `id` that offer rows for comparison, in pipeline order. */
export function comparedCellsBefore(id: CellId): AnyCellDefinition[] {
  const end = cells.findIndex((c) => c.id === id);
  return cells.slice(0, end).filter((cell) => cell.comparison);
}

export function setCellStatus(id: CellId, status: CellStatus): void {
  notebook.set({ [id]: status } as Partial<Record<CellId, CellStatus>>);
}

/** Every cell that reads, directly or not, from `id`. */
export function downstreamOf(id: CellId): CellId[] {
  const out = new Set<CellId>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const cell of cells) {
      if (out.has(cell.id)) continue;
      if (cell.inputs.some((input) => input === id || out.has(input))) {
        out.add(cell.id);
        grew = true;
      }
    }
  }
  return cellOrder().filter((cell) => out.has(cell));
}

/** Marks what depends on `id` as stale: its results no longer match their inputs. */
export function markDownstreamStale(id: CellId): void {
  const state = notebook.get();
  const patch: Partial<Record<CellId, CellStatus>> = {};
  for (const cell of downstreamOf(id)) {
    const status = state[cell];
    if (status.kind === 'done') patch[cell] = { kind: 'stale', keyFigure: status.keyFigure };
  }
  notebook.set(patch);
}
