/** Small labelled inputs shared by the cells' option forms. */

/** A number field that reports only values within its range (and whole numbers when `integer`). */
export function NumberInput(props: {
  label: string;

  value: number;
  min: number;
  max?: number;
  step?: number;
  integer?: boolean;
  disabled?: boolean;
  onValue: (value: number) => void;
}) {
  const { min, max = Infinity } = props;
  return (
    <label>
      {props.label}
      <input
        type="number"
        min={min}
        max={props.max}
        step={props.step ?? 1}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => {
          const value = Number(e.target.value);
          const whole = !props.integer || Number.isInteger(value);
          if (e.target.value !== '' && whole && value >= min && value <= max) props.onValue(value);
        }}
      />
    </label>
  );
}

export function ChoiceInput<T extends string>(props: {
  label: string;
  value: T;
  choices: readonly T[];
  names?: Partial<Record<T, string>>;
  disabled?: boolean;
  onValue: (value: T) => void;
}) {
  return (
    <label>
      {props.label}
      <select
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onValue(e.target.value as T)}
      >
        {props.choices.map((choice) => (
          <option key={choice} value={choice}>
            {props.names?.[choice] ?? choice}
          </option>
        ))}
      </select>
    </label>
  );
}
