import { createStore } from '../../ui-kit/store';

/** The notebook's cells in pipeline order. Later stages add their ids here as their cells land. */
export const CELL_ORDER = [
  'data',
  'subset',
  'explore',
  'cluster',
  'sequences',
  'lstm',
  'tune',
  'baselines',
  'dense',
  'compare',
  'recommend',
] as const;
export type CellId = (typeof CELL_ORDER)[number];

/** The cells each cell reads from. Changing a cell makes everything downstream of it stale. */
export const CELL_INPUTS: Record<CellId, CellId[]> = {
  data: [],
  subset: ['data'],
  explore: ['subset'],
  cluster: ['subset'],
  sequences: ['cluster'],
  lstm: ['sequences'],
  tune: ['sequences'],
  baselines: ['sequences'],
  dense: ['sequences'],
  compare: ['sequences'],
  recommend: ['sequences'],
};

export const CELL_TITLES: Record<CellId, string> = {
  data: 'Data',
  subset: 'Subset',
  explore: 'Explore',
  cluster: 'Cluster',
  sequences: 'Sequences',
  lstm: 'LSTM',
  tune: 'Tune',
  baselines: 'Baselines',
  dense: 'Dense model',
  compare: 'Compare',
  recommend: 'Recommend',
};

export type CellStatus =
  | { kind: 'idle' }
  | { kind: 'running'; label: string; fraction: number | null; startedAt: number }
  | { kind: 'done'; keyFigure: string; ms: number }
  | { kind: 'stale'; keyFigure: string }
  | { kind: 'error'; message: string };

export const notebook = createStore<Record<CellId, CellStatus>>(
  Object.fromEntries(CELL_ORDER.map((id) => [id, { kind: 'idle' }])) as Record<CellId, CellStatus>,
);

export function setCellStatus(id: CellId, status: CellStatus): void {
  notebook.set({ [id]: status } as Partial<Record<CellId, CellStatus>>);
}

/** Every cell that reads, directly or not, from `id`. */
export function downstreamOf(id: CellId): CellId[] {
  const out = new Set<CellId>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const cell of CELL_ORDER) {
      if (out.has(cell)) continue;
      if (CELL_INPUTS[cell].some((input) => input === id || out.has(input))) {
        out.add(cell);
        grew = true;
      }
    }
  }
  return CELL_ORDER.filter((cell) => out.has(cell));
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
