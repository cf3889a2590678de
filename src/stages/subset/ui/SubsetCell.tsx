import { useCellResult } from '../../../app/state/cell-results';
import { useMemo } from 'react';
import { Cell } from '../../../app/components/Cell';
import { Plot } from '../../../ui-kit/Plot';
import { ParamForm } from '../../../ui-kit/ParamFields';
import { StatGrid } from '../../../ui-kit/StatGrid';
import { SUBSET_PARAMS } from '../compute/subset-params';
import { formatCount, formatPercent } from '../../../ui-kit/format';
import { useStore } from '../../../ui-kit/store';
import { effectiveSubsetOptions, runSubset, setSubsetOptions } from './subset-actions';
import { subsetStore } from './subset-store';

export function SubsetCell() {
  const result = useStore(subsetStore, (state) => state.result);
  const chosen = useStore(subsetStore, (state) => state.options);
  const loaded = useCellResult('data');
  // Read after subscribing to both stores above, so it follows the person's choice and the dataset.
  const options = loaded ? effectiveSubsetOptions() : null;
  const history = result?.stats.historyLengths;
  const historyChart = useMemo(
    () =>
      history
        ? [
            {
              type: 'bar',
              x: history.binStarts.map((start, i) =>
                start === history.binEnds[i] ? String(start) : `${start}–${history.binEnds[i]}`,
              ),
              y: history.counts,
              marker: { color: '#5a8f3c' },
            },
          ]
        : [],
    [history],
  );
  const historyLayout = useMemo(
    () => ({
      xaxis: { title: { text: 'ratings per kept user' } },
      yaxis: { title: { text: 'users' } },
    }),
    [],
  );

  return (
    <Cell
      id="subset"
      intro={
        <>
          Keep the top <i>u</i> users and top <i>m</i> movies by number of ratings, as the report
          did (u = 10,000, m = 2,000 kept just under 10% of the Netflix ratings). The defaults adapt
          to the dataset’s size.
        </>
      }
      onRun={() => void runSubset()}
      runLabel="Apply"
    >
      {options && (
        <ParamForm
          table={SUBSET_PARAMS}
          values={options}
          onChange={setSubsetOptions}
          onSubmit={() => void runSubset()}
        >
          {chosen && (
            <button type="button" onClick={() => setSubsetOptions(null)}>
              Use defaults
            </button>
          )}
        </ParamForm>
      )}
      {result && loaded && (
        <>
          <StatGrid
            name="Subset summary"
            stats={[
              { label: 'Kept ratings', value: formatCount(result.stats.ratings) },
              { label: 'Share of all', value: formatPercent(result.stats.share) },
              { label: 'Users', value: formatCount(result.stats.users) },
              { label: 'Movies', value: formatCount(result.stats.movies) },
              {
                label: 'Density',
                value: formatPercent(result.stats.density, 2),
                hint: 'kept ratings ÷ (users × movies)',
              },
              {
                label: 'Median history',
                value: `${formatCount(result.stats.historyLengths.median)} ratings`,
                hint: 'ratings per kept user, median',
              },
              {
                label: 'Longest history',
                value: `${formatCount(result.stats.historyLengths.max)} ratings`,
              },
            ]}
          />
          <Plot title="History lengths of kept users" data={historyChart} layout={historyLayout} />
        </>
      )}
    </Cell>
  );
}
