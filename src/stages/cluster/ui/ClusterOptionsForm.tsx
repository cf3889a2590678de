import { MATRIX_VALUE_NAMES } from '../../explore/compute/movie-user-matrix';
import type { MatrixValues } from '../../explore/contract';
import type { ClusterOptions, ClusterSpace } from '../contract';

export interface ClusterOptionsFormProps {
  options: ClusterOptions;
  onChange: (options: ClusterOptions) => void;
  onSubmit: () => void;
  disabled: boolean;
}

/** A whole-number field that reports only values within its range. */
function WholeNumber({
  label,
  value,
  min,
  max,
  onValue,
}: {
  label: string;
  value: number;
  min: number;
  max?: number;
  onValue: (value: number) => void;
}) {
  return (
    <label>
      {label}
      <input
        type="number"
        min={min}
        max={max}
        step={1}
        value={value}
        onChange={(e) => {
          const next = Number(e.target.value);
          if (Number.isInteger(next) && next >= min && (max === undefined || next <= max))
            onValue(next);
        }}
      />
    </label>
  );
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
      <WholeNumber label="k from" value={options.kMin} min={2} onValue={(kMin) => set({ kMin })} />
      <WholeNumber label="k to" value={options.kMax} min={2} onValue={(kMax) => set({ kMax })} />
      <WholeNumber
        label="Restarts (n_init)"
        value={options.nInit}
        min={1}
        max={100}
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
      <label>
        Cells hold
        <select
          value={options.values}
          onChange={(e) => set({ values: e.target.value as MatrixValues })}
        >
          {(Object.keys(MATRIX_VALUE_NAMES) as MatrixValues[]).map((values) => (
            <option key={values} value={values}>
              {MATRIX_VALUE_NAMES[values]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={disabled || options.kMax < options.kMin}>
        Run the sweep
      </button>
      {options.kMax < options.kMin && <span className="note">k to must be at least k from.</span>}
    </form>
  );
}
