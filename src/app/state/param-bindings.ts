import type { ParamSpec } from '../../lib/param-codec';
import type { ParamTable } from '../../ui-kit/ParamFields';
import type { Store } from '../../ui-kit/store';
import type { CellId } from './cell-definition';

/**
 * Ties a cell's link parameters to its store. A cell lists its bindings in its definition (`params`); the
 * share link reads the values through them, and an opened link writes them back.
 */
export interface CellParamBinding {
  specs: readonly ParamSpec[];
  /** The values the person chose, by key; a key left out means "the cell's default". */
  read(): Map<string, unknown>;
  /** Applies values from a link (only keys of `specs`); returns what could not be applied, one sentence each. */
  write(values: ReadonlyMap<string, unknown>): string[];
  /** The store whose changes may change `read()`. */
  store: Store<object>;
}

/** A cell may bind several groups of parameters (e.g. a sweep's options and the k chosen from it). */
let bindings: (CellParamBinding & { cell: CellId })[] = [];
let unsubscribes: (() => void)[] = [];
const listeners = new Set<(cell: CellId) => void>();

/** Makes these the notebook's bindings (the notebook installs every cell's), replacing any before. */
export function installParamBindings(list: (CellParamBinding & { cell: CellId })[]): void {
  unsubscribes.forEach((unsubscribe) => unsubscribe());
  bindings = list;
  unsubscribes = list.map((binding) => {
    let last = JSON.stringify([...binding.read()]);
    return binding.store.subscribe(() => {
      const now = JSON.stringify([...binding.read()]);
      if (now === last) return;
      last = now;
      listeners.forEach((listener) => listener(binding.cell));
    });
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
  for (const binding of bindings) for (const [key, value] of binding.read()) all.set(key, value);
  return all;
}

/** Applies link values to the cells they belong to; returns what could not be applied. */
export function writeAllParams(values: ReadonlyMap<string, unknown>): string[] {
  const problems: string[] = [];
  const claimed = new Set<string>();
  for (const binding of bindings) {
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

/**
 * The binding of a cell whose parameters are one options object with defaults, from its parameter table:
 * links carry the fields that differ from the defaults, and an opened link sets them over the defaults.
 * A field shown as "0 = none" travels as 0 for null; a switch travels as on/off.
 */
export function optionParams<T extends object, S extends object>(binding: {
  store: Store<S>;
  table: ParamTable<T>;
  defaults: T;
  get: () => T;
  set: (options: T) => void;
}): CellParamBinding {
  const { table, defaults } = binding;
  const fields = (Object.keys(table) as (keyof T)[]).flatMap((field) => {
    const spec = table[field];
    return spec ? [{ field, spec }] : [];
  });
  const toLink = (spec: ParamSpec, value: unknown) =>
    spec.field?.switch ? (value ? 'on' : 'off') : spec.field?.zeroMeansNone ? (value ?? 0) : value;
  const fromLink = (spec: ParamSpec, value: unknown) =>
    spec.field?.switch ? value === 'on' : spec.field?.zeroMeansNone && value === 0 ? null : value;
  return {
    specs: fields.map((f) => f.spec),
    store: binding.store,
    read() {
      const options = binding.get();
      const values = new Map<string, unknown>();
      for (const { field, spec } of fields) {
        if (options[field] === defaults[field]) continue;
        values.set(spec.key, toLink(spec, options[field]));
      }
      return values;
    },
    write(values) {
      if (values.size === 0) return [];
      const options = { ...defaults };
      for (const { field, spec } of fields) {
        if (!values.has(spec.key)) continue;
        (options as Record<keyof T, unknown>)[field] = fromLink(spec, values.get(spec.key));
      }
      binding.set(options);
      return [];
    },
  };
}
