import type { ComponentType } from 'react';
import type { ComparisonRow } from '../../stages/compare/contract';
import type { Store } from '../../ui-kit/store';
import type { CellParamBinding } from './param-bindings';

/**
 * What each cell offers the cells after it, by cell id. Each stage adds its own entry where it declares its
 * cell (`src/stages/<stage>/ui/cell.ts`), by module augmentation:
 *
 *     declare module '../../../app/state/cell-definition' {
 *       interface CellResults { subset: SubsetResult | null }
 *     }
 *
 * so a cell's id, and the type of what it offers, are written once, in its own stage.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the stages' augmentations
export interface CellResults {}

export type CellId = keyof CellResults & string;

/** A model's rows for Compare, with the split they were scored on (rows of two splits never mix). */
export interface ComparedRows {
  windowsId: string;
  rows: readonly ComparisonRow[];
  /** When the rows arrived (a counter): Compare shows the split of the newest rows. */
  at: number;
}

/** A cell's result as the notebook reads it: the current value, and a way to hear that it changed. */
export interface CellResultSource<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

/**
 * Everything the notebook knows about one cell, in one place: the cell list (`src/app/cells.ts`) holds these
 * in pipeline order, and status, staleness, "run this first", Run all, share links and storage derive from it.
 */
export interface CellDefinition<Id extends CellId = CellId> {
  id: Id;
  title: string;
  /** Cells whose results this cell needs: it cannot run before they are done, and it is stale after them. */
  inputs: readonly CellId[];
  /**
   * Cells whose results it reads when they have one, without waiting for them or turning stale after them
   * (Explore colours by Cluster's clusters when there are some; Tune trains its best trial as the LSTM does).
   */
  reads?: readonly CellId[];
  /** The React component that draws the cell. */
  Component: ComponentType;
  run: () => Promise<void>;
  /** Stops the cell's running work (a cancel message to its worker); its own actions then settle its status. */
  cancel?: () => void;
  /** Re-run on its own when an input cell finishes (cheap cells such as Subset); others turn stale. */
  followsInputs: boolean;
  /** It runs on the training worker (the status bar says which worker is busy). */
  onTrainingWorker?: boolean;
  /** The cell draws from the notebook's seed, so a new seed makes its result stale. */
  usesSeed?: boolean;
  /** Reads the rows every model cell before it offers for comparison (Compare). */
  readsComparisons?: boolean;
  /**
   * A rough cost of running it now with its parameters (null while its inputs are missing or when it takes
   * seconds): shown before a link runs it, and a refusal stops it before it allocates what the tab cannot hold.
   */
  estimate?: () => CellEstimate | null;
  /** Its parameters in share links, bound to its store. */
  params: readonly CellParamBinding[];
  /** What it offers later cells (its entry of `CellResults`). */
  result: CellResultSource<CellResults[Id]>;
  /** A model cell's rows for Compare; null until it has trained something. */
  comparison?: CellResultSource<ComparedRows | null>;
}

export interface CellEstimate {
  /** Rough wall-clock seconds. */
  seconds: number;
  /** Why it cannot run here, naming the parameter to lower; null when it fits. */
  refusal: string | null;
}

/** The definitions in the list have their ids erased; each stage's own file keeps its precise type. */
export type AnyCellDefinition = { [Id in CellId]: CellDefinition<Id> }[CellId];

/** A cell's result (or comparison) read from a part of its store. */
export function fromStore<S extends object, T>(
  store: Store<S>,
  select: (state: S) => T,
): CellResultSource<T> {
  return { get: () => select(store.get()), subscribe: store.subscribe };
}

let comparedAt = 0;

/** Stamps a model's rows when they arrive, so that Compare can tell the newest split. */
export function comparedRows(windowsId: string, rows: readonly ComparisonRow[]): ComparedRows {
  return { windowsId, rows, at: ++comparedAt };
}
