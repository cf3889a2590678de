/** Small labelled inputs shared by the model cells' option forms. */
export function NumberInput(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  disabled?: boolean;
  onValue: (value: number) => void;
}) {
  return (
    <label>
      {props.label}
      <input
        type="number"
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => {
          const value = Number(e.target.value);
          if (e.target.value !== '' && value >= props.min && value <= props.max)
            props.onValue(value);
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
