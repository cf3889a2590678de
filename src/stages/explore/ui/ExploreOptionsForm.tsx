import { ChoiceInput } from '../../../ui-kit/OptionFields';
import { DEFAULT_EXPLORE_OPTIONS } from '../compute/explore-projections';
import { MATRIX_VALUE_NAMES, MATRIX_VALUES } from '../compute/movie-user-matrix';
import type { ExploreOptions } from '../contract';

export interface ExploreOptionsFormProps {
  options: ExploreOptions;
  onChange: (options: ExploreOptions) => void;
  onSubmit: () => void;
}

/** The Explore cell's parameters. Numbers outside their range are ignored until corrected. */
export function ExploreOptionsForm({ options, onChange, onSubmit }: ExploreOptionsFormProps) {
  const set = (patch: Partial<ExploreOptions>) => onChange({ ...options, ...patch });
  const sampled = options.sampleRatings !== null;
  return (
    <form
      className="params"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <ChoiceInput
        label="Cells hold"
        value={options.values}
        choices={MATRIX_VALUES}
        names={MATRIX_VALUE_NAMES}
        onValue={(values) => set({ values })}
      />
      <label>
        <span>
          <input
            type="checkbox"
            checked={sampled}
            onChange={(e) =>
              set({
                sampleRatings: e.target.checked ? DEFAULT_EXPLORE_OPTIONS.sampleRatings : null,
              })
            }
          />{' '}
          Sub-sample ratings
        </span>
        <input
          type="number"
          min={100}
          step={1000}
          disabled={!sampled}
          value={options.sampleRatings ?? ''}
          aria-label="Ratings in the sub-sample"
          onChange={(e) => {
            const value = Number(e.target.value);
            if (Number.isInteger(value) && value >= 100) set({ sampleRatings: value });
          }}
        />
      </label>
      <label>
        Sparse PCA: users per axis (%)
        <input
          type="number"
          min={1}
          max={100}
          step={1}
          value={Math.round(options.sparseDensity * 100)}
          onChange={(e) => {
            const value = Number(e.target.value);
            if (value >= 1 && value <= 100) set({ sparseDensity: value / 100 });
          }}
        />
      </label>
      <label>
        NMF parts
        <input
          type="number"
          min={2}
          max={50}
          step={1}
          value={options.nmfComponents}
          onChange={(e) => {
            const value = Number(e.target.value);
            if (Number.isInteger(value) && value >= 2 && value <= 50) set({ nmfComponents: value });
          }}
        />
      </label>
      <button type="submit">Apply</button>
    </form>
  );
}
