import { useCellResult } from '../../../app/state/cell-results';
import { Cell } from '../../../app/components/Cell';
import { StatGrid } from '../../../ui-kit/StatGrid';
import { formatBytes, formatCount, formatPercent } from '../../../ui-kit/format';
import { useStore } from '../../../ui-kit/store';
import { ExampleWindowTable } from './ExampleWindowTable';
import { runSequences, setSequenceOptions } from './sequences-actions';
import { sequencesStore } from './sequences-store';
import { ParamForm } from '../../../ui-kit/ParamFields';
import { SEQUENCE_PARAMS } from '../compute/sequence-params';
import { WindowDownloads } from './WindowDownloads';

export function SequencesCell() {
  const { options, result, building } = useStore(sequencesStore, (state) => state);
  const chosen = useCellResult('cluster');
  const total = result
    ? result.windowCounts.train + result.windowCounts.validation + result.windowCounts.test
    : 0;
  return (
    <Cell
      id="sequences"
      intro={
        <>
          Every user’s ratings in time order, each movie replaced by its cluster, cut into sliding
          windows of W steps (the report: 10); the last rating of each window is hidden and becomes
          the label. The default split holds out each user’s latest windows, like the Netflix
          Prize’s hold-out of each user’s last ratings.
        </>
      }
      onRun={chosen ? () => void runSequences() : undefined}
      runLabel="Build windows"
    >
      <ParamForm
        table={SEQUENCE_PARAMS}
        values={options}
        onChange={setSequenceOptions}
        onSubmit={() => void runSequences()}
      >
        <button type="submit" disabled={!chosen || building}>
          Build windows
        </button>
      </ParamForm>
      {result && (
        <>
          <StatGrid
            name="Windows summary"
            stats={[
              { label: 'Training windows', value: formatCount(result.windowCounts.train) },
              { label: 'Validation windows', value: formatCount(result.windowCounts.validation) },
              { label: 'Test windows', value: formatCount(result.windowCounts.test) },
              {
                label: 'Training ratings',
                value: formatCount(result.ratingCounts.train),
                hint: 'what the rating models learn from',
              },
              {
                label: 'Users with windows',
                value: `${formatCount(result.usersWithWindows)} of ${formatCount(result.users)}`,
              },
              { label: 'Clusters', value: String(result.clustering.k) },
              {
                label: 'Features per step',
                value: String(result.featureNames.length),
                hint: result.featureNames.join(', '),
              },
              {
                label: 'Memory',
                value: formatBytes(result.bytes),
                hint: `compact form; dense windows would take ${formatBytes(result.denseBytes)}`,
              },
            ]}
          />
          <p className="note" data-testid="leakage-note">
            {result.leakageNote} Windows:{' '}
            {formatPercent(result.windowCounts.test / Math.max(1, total))} test,{' '}
            {formatPercent(result.windowCounts.validation / Math.max(1, total))} validation.
          </p>
          {result.examples.map((example) => (
            <ExampleWindowTable key={example.window} example={example} />
          ))}
          <WindowDownloads result={result} />
        </>
      )}
    </Cell>
  );
}
