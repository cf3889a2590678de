import type { ReactNode } from 'react';
import type { ParamSpec } from '../lib/param-codec';
import { ChoiceInput, NumberInput } from './OptionFields';

/** A cell's parameters by the field of its options object that each one sets. */
export type ParamTable<T> = { readonly [K in keyof T]?: ParamSpec };

export interface ParamFieldsProps<T extends object> {
  table: ParamTable<T>;
  values: T;
  onChange: (values: T) => void;
  disabled?: boolean;
  /** Names of choices that depend on the current options (they override the table's). */
  names?: { readonly [K in keyof T]?: Readonly<Record<string, string>> };
}

function OneField<T extends object>({
  field,
  spec,
  props,
}: {
  field: keyof T;
  spec: ParamSpec;
  props: ParamFieldsProps<T>;
}) {
  const { values, onChange, disabled } = props;
  const form = spec.field;
  if (!form) return null;
  const value = values[field] as unknown;
  const set = (next: unknown) => onChange({ ...values, [field]: next });
  const domain = spec.codec.domain;
  if (domain.kind === 'choice' && form.switch)
    return (
      <label className="checkbox" title={form.hint}>
        <input
          type="checkbox"
          checked={value === true}
          disabled={disabled}
          onChange={(e) => set(e.target.checked)}
        />
        {form.label}
      </label>
    );
  if (domain.kind === 'choice')
    return (
      <ChoiceInput
        label={form.label}
        value={String(value)}
        choices={domain.values}
        names={props.names?.[field] ?? form.names}
        disabled={disabled}
        onValue={set}
      />
    );
  if (domain.kind === 'choice-list') return null;
  const scale = form.scale ?? 1;
  const integer = domain.kind === 'int';
  return (
    <NumberInput
      label={form.label}
      value={value === null && form.zeroMeansNone ? 0 : (value as number) * scale}
      min={domain.min * scale}
      max={domain.max * scale}
      step={form.step ?? (integer ? 1 : undefined)}
      integer={integer && scale === 1}
      disabled={disabled}
      onValue={(shown) => set(form.zeroMeansNone && shown === 0 ? null : shown / scale)}
    />
  );
}

/** The fields of a cell's parameters, drawn from its table: labels, bounds and steps written once. */
export function ParamFields<T extends object>(props: ParamFieldsProps<T>) {
  return (
    <>
      {(Object.keys(props.table) as (keyof T)[]).map((field) => {
        const spec = props.table[field];
        return spec ? (
          <OneField key={String(field)} field={field} spec={spec} props={props} />
        ) : null;
      })}
    </>
  );
}

/** A cell's option form: its table's fields, then what the cell adds (a submit button, a note). */
export function ParamForm<T extends object>(
  props: ParamFieldsProps<T> & { onSubmit?: () => void; children?: ReactNode },
) {
  const { onSubmit, children, ...fields } = props;
  return (
    <form
      className="params"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit?.();
      }}
    >
      <ParamFields {...fields} />
      {children}
    </form>
  );
}
