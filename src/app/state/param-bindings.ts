import type { ParamSpec } from '../../stages/notebook/compute/param-codec';
import type { CellId } from './notebook';
import type { Store } from './store';

/**
 * Ties a cell's link parameters to its store. A cell registers one binding (from its ui module); the share
 * link reads the values through it, and an opened link writes them back.
 */
export interface CellParamBinding {
  cell: CellId;
  specs: readonly ParamSpec[];
  /** The values the person chose, by key; a key left out means "the cell's default". */
  read(): Map<string, unknown>;
  /** Applies values from a link (only keys of `specs`); returns what could not be applied, one sentence each. */
  write(values: ReadonlyMap<string, unknown>): string[];
  /** The store whose changes may change `read()`. */
  store: Store<object>;
}

const bindings = new Map<CellId, CellParamBinding>();
const listeners = new Set<(cell: CellId) => void>();

export function bindCellParams(binding: CellParamBinding): void {
  bindings.set(binding.cell, binding);
  let last = JSON.stringify([...binding.read()]);
  binding.store.subscribe(() => {
    const now = JSON.stringify([...binding.read()]);
    if (now === last) return;
    last = now;
    listeners.forEach((listener) => listener(binding.cell));
  });
}

/** Calls `listener` with the cell whenever one of its parameters changes. */
export function onParamsChange(listener: (cell: CellId) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Every chosen parameter value of every bound cell. */
export function readAllParams(): Map<string, unknown> {
  const all = new Map<string, unknown>();
  for (const binding of bindings.values())
    for (const [key, value] of binding.read()) all.set(key, value);
  return all;
}

/** Applies link values to the cells they belong to; returns what could not be applied. */
export function writeAllParams(values: ReadonlyMap<string, unknown>): string[] {
  const problems: string[] = [];
  const claimed = new Set<string>();
  for (const binding of bindings.values()) {
    const mine = new Map(
      [...values].filter(([key]) => binding.specs.some((spec) => spec.key === key)),
    );
    mine.forEach((_, key) => claimed.add(key));
    problems.push(...binding.write(mine));
  }
  for (const key of values.keys()) {
    if (!claimed.has(key))
      problems.push(`The link sets “${key}”, which no cell of this version uses.`);
  }
  return problems;
}
