import { ChoiceInput, NumberInput } from '../../../ui-kit/OptionFields';
import { MATRIX_VALUE_NAMES, MATRIX_VALUES } from '../../explore/compute/movie-user-matrix';
import type { ClusterOptions, ClusterSpace } from '../contract';

export interface ClusterOptionsFormProps {
  options: ClusterOptions;
  onChange: (options: ClusterOptions) => void;
  onSubmit: () => void;
  disabled: boolean;
}

export function ClusterOptionsForm({
  options,
  onChange,
  onSubmit,
  disabled,
}: ClusterOptionsFormProps) {
  const set = (patch: Partial<ClusterOptions>) => onChange({ ...options, ...patch });
  return (
    <form
      className="params"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <NumberInput
        label="k from"
        value={options.kMin}
        min={2}
        integer
        onValue={(kMin) => set({ kMin })}
      />
      <NumberInput
        label="k to"
        value={options.kMax}
        min={2}
        integer
        onValue={(kMax) => set({ kMax })}
      />
      <NumberInput
        label="Restarts (n_init)"
        value={options.nInit}
        min={1}
        max={100}
        integer
        onValue={(nInit) => set({ nInit })}
      />
      <label>
        Cluster on
        <select
          value={options.space}
          onChange={(e) => set({ space: e.target.value as ClusterSpace })}
        >
          <option value="pca">first {options.components} PCA components</option>
          <option value="raw">the full matrix rows</option>
        </select>
      </label>
      <ChoiceInput
        label="Cells hold"
        value={options.values}
        choices={MATRIX_VALUES}
        names={MATRIX_VALUE_NAMES}
        onValue={(values) => set({ values })}
      />
      <button type="submit" disabled={disabled || options.kMax < options.kMin}>
        Run the sweep
      </button>
      {options.kMax < options.kMin && <span className="note">k to must be at least k from.</span>}
    </form>
  );
}
