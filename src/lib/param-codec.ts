/**
 * How one cell parameter travels in a share link: its key, the cell it belongs to, and a codec that writes it
 * as text and reads it back with validation. Each codec also states its domain, so that tests (and forms)
 * know which values are valid without a separate list.
 */

export type Decoded<T> = { ok: true; value: T } | { ok: false; problem: string };

export type ParamDomain =
  | { kind: 'int'; min: number; max: number }
  | { kind: 'float'; min: number; max: number }
  | { kind: 'choice'; values: readonly string[] }
  | { kind: 'choice-list'; values: readonly string[] };

export interface ParamCodec<T> {
  domain: ParamDomain;
  encode(value: T): string;
  decode(text: string): Decoded<T>;
}

export interface ParamSpec<T = unknown> {
  /** Key in the link, `<cell>.<name>`, e.g. `subset.users`. Never reuse a key for another meaning. */
  key: string;
  /** The cell whose result the parameter shapes (a `CellId`). */
  cell: string;
  /** Human name, for messages. */
  label: string;
  codec: ParamCodec<T>;
  /** How the cell's form shows it; absent where the cell draws a control of its own. */
  field?: FieldSpec;
}

/**
 * A parameter's field in its cell's form. Its bounds are the codec's, so that the form accepts exactly what
 * a link may carry.
 */
export interface FieldSpec {
  /** The label in the form (the spec's `label` names the cell too, for messages). */
  label: string;
  /** Step of a number field (1 for whole numbers unless given). */
  step?: number;
  /** The form shows value × scale (100 for a share shown as a percentage). */
  scale?: number;
  /** Names of a choice's values, where they are not words a person reads. */
  names?: Readonly<Record<string, string>>;
  /** A short explanation shown as the field's tooltip. */
  hint?: string;
  /** The option is null for "none" (no cap, no sub-sample), written and shown as 0. */
  zeroMeansNone?: boolean;
  /** A checkbox: the option is a boolean, written `on`/`off` (the codec's two choices). */
  switch?: boolean;
}

export function defineParam<T>(spec: ParamSpec<T>): ParamSpec<T> {
  if (!/^[a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z0-9]*$/.test(spec.key))
    throw new Error(`Parameter key “${spec.key}” must read <cell>.<name>.`);
  return spec;
}

export function intCodec(min: number, max: number): ParamCodec<number> {
  return {
    domain: { kind: 'int', min, max },
    encode: (value) => String(value),
    decode(text) {
      if (!/^-?\d{1,15}$/.test(text))
        return { ok: false, problem: `“${text}” is not a whole number` };
      const value = Number(text);
      if (value < min || value > max)
        return { ok: false, problem: `${value} is outside ${min}–${max}` };
      return { ok: true, value };
    },
  };
}

/** Floats are written in JavaScript's shortest form that reads back to the same double, so links round-trip exactly. */
export function floatCodec(min: number, max: number): ParamCodec<number> {
  return {
    domain: { kind: 'float', min, max },
    encode: (value) => String(value),
    decode(text) {
      if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text))
        return { ok: false, problem: `“${text}” is not a number` };
      const value = Number(text);
      if (!(value >= min && value <= max))
        return { ok: false, problem: `${value} is outside ${min}–${max}` };
      return { ok: true, value };
    },
  };
}

export function choiceCodec<T extends string>(values: readonly T[]): ParamCodec<T> {
  return {
    domain: { kind: 'choice', values },
    encode: (value) => value,
    decode(text) {
      return (values as readonly string[]).includes(text)
        ? { ok: true, value: text as T }
        : { ok: false, problem: `“${text}” is not one of ${values.join(', ')}` };
    },
  };
}

/** A non-empty set of choices, written comma-separated in the order given. */
export function choiceListCodec<T extends string>(values: readonly T[]): ParamCodec<T[]> {
  return {
    domain: { kind: 'choice-list', values },
    encode: (list) => list.join(','),
    decode(text) {
      const items = text.split(',');
      const unknown = items.filter((item) => !(values as readonly string[]).includes(item));
      if (text === '' || unknown.length > 0)
        return {
          ok: false,
          problem: `“${unknown[0] ?? text}” is not one of ${values.join(', ')}`,
        };
      if (new Set(items).size !== items.length)
        return { ok: false, problem: 'a choice is listed twice' };
      return { ok: true, value: items as T[] };
    },
  };
}
