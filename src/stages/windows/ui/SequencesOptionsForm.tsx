import { NumberInput } from '../../../ui-kit/OptionFields';
import type { SequenceOptions, SplitKind } from '../contract';

export interface SequencesOptionsFormProps {
  options: SequenceOptions;
  onChange: (options: SequenceOptions) => void;
  onSubmit: () => void;
  disabled: boolean;
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
      <NumberInput
        label="Window length W"
        value={options.steps}
        min={2}
        max={100}
        step={1}
        onValue={(steps) => set({ steps })}
      />
      <NumberInput
        label="Stride"
        value={options.stride}
        min={1}
        max={100}
        step={1}
        onValue={(stride) => set({ stride })}
      />
      <NumberInput
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
      <NumberInput
        label="Validation share"
        value={options.valFraction}
        min={0}
        max={0.5}
        step={0.01}
        onValue={(valFraction) => set({ valFraction })}
      />
      <NumberInput
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
