import type { SequenceOptions, SplitKind } from '../contract';

export interface SequencesOptionsFormProps {
  options: SequenceOptions;
  onChange: (options: SequenceOptions) => void;
  onSubmit: () => void;
  disabled: boolean;
}

function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onValue: (value: number) => void;
}) {
  return (
    <label>
      {props.label}
      <input
        type="number"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        onChange={(e) => {
          const value = Number(e.target.value);
          if (e.target.value !== '' && value >= props.min && value <= props.max)
            props.onValue(value);
        }}
      />
    </label>
  );
}

export function SequencesOptionsForm({
  options,
  onChange,
  onSubmit,
  disabled,
}: SequencesOptionsFormProps) {
  const set = (patch: Partial<SequenceOptions>) => onChange({ ...options, ...patch });
  return (
    <form
      className="params"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <NumberField
        label="Window length W"
        value={options.steps}
        min={2}
        max={100}
        step={1}
        onValue={(steps) => set({ steps })}
      />
      <NumberField
        label="Stride"
        value={options.stride}
        min={1}
        max={100}
        step={1}
        onValue={(stride) => set({ stride })}
      />
      <NumberField
        label="Windows per user (0 = all)"
        value={options.maxPerUser ?? 0}
        min={0}
        max={100000}
        step={1}
        onValue={(cap) => set({ maxPerUser: cap === 0 ? null : cap })}
      />
      <label>
        Split
        <select value={options.split} onChange={(e) => set({ split: e.target.value as SplitKind })}>
          <option value="chrono">chronological per user</option>
          <option value="random">random by window</option>
        </select>
      </label>
      <NumberField
        label="Validation share"
        value={options.valFraction}
        min={0}
        max={0.5}
        step={0.01}
        onValue={(valFraction) => set({ valFraction })}
      />
      <NumberField
        label="Test share"
        value={options.testFraction}
        min={0.01}
        max={0.5}
        step={0.01}
        onValue={(testFraction) => set({ testFraction })}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={options.daysSincePrevious}
          onChange={(e) => set({ daysSincePrevious: e.target.checked })}
        />
        Days since previous rating
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={options.movieMean}
          onChange={(e) => set({ movieMean: e.target.checked })}
        />
        Movie’s mean rating
      </label>
      <button type="submit" disabled={disabled}>
        Build windows
      </button>
    </form>
  );
}
