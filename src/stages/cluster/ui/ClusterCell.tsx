import { useCellResult } from '../../../app/state/cell-results';
import { Cell } from '../../../app/components/Cell';
import { ProgressBar } from '../../../ui-kit/ProgressBar';
import { StatGrid } from '../../../ui-kit/StatGrid';
import { formatCount, formatDuration } from '../../../ui-kit/format';
import { useStore } from '../../../ui-kit/store';
import {
  cancelCluster,
  chooseK,
  runCluster,
  setClusterOptions,
  sweepFraction,
} from './cluster-actions';
import { clusterStore, REPORT_K } from './cluster-store';
import { ParamForm } from '../../../ui-kit/ParamFields';
import { CLUSTER_SWEEP_PARAMS } from '../compute/cluster-params';
import { ClusterTable } from './ClusterTable';
import { SweepCharts } from './SweepCharts';

export function ClusterCell() {
  const { options, running, result, chosen, choosing, rangeNote } = useStore(
    clusterStore,
    (state) => state,
  );
  const subset = useCellResult('subset');
  const points = running ? running.points : (result?.points ?? []);
  return (
    <Cell
      id="cluster"
      intro={
        <>
          K-Means on the movies for every k in a range (the report: 7 to 30), judged by inertia (the
          elbow) and by silhouette. The report chose 20 clusters, which become the “categories” of
          movies that the sequence models see; choose k below.
        </>
      }
      onRun={subset ? () => void runCluster() : undefined}
      runLabel="Run the sweep"
    >
      <ParamForm
        table={CLUSTER_SWEEP_PARAMS}
        values={options}
        onChange={setClusterOptions}
        onSubmit={() => void runCluster()}
        names={{
          space: {
            pca: `first ${options.components} PCA components`,
            raw: 'the full matrix rows',
          },
        }}
      >
        <button type="submit" disabled={!subset || running !== null || options.kMax < options.kMin}>
          Run the sweep
        </button>
        {options.kMax < options.kMin && <span className="note">k to must be at least k from.</span>}
      </ParamForm>
      {rangeNote && (
        <p className="note" data-testid="k-range-note">
          {rangeNote}
        </p>
      )}
      {running && (
        <div className="load-progress">
          <ProgressBar
            fraction={sweepFraction(running)}
            label={
              running.points.length > 0
                ? `k = ${running.points[running.points.length - 1].k} done`
                : `PCA ${Math.round(running.featuresFraction * 100)}%`
            }
          />
          <button type="button" onClick={cancelCluster}>
            Cancel
          </button>
        </div>
      )}
      {(running || result) && (
        <SweepCharts
          points={points}
          suggestedK={running ? null : (result?.suggestedK ?? null)}
          elbowK={running ? null : (result?.elbowK ?? null)}
          chosenK={running ? null : (chosen?.ref.k ?? null)}
        />
      )}
      {result && !running && (
        <>
          <StatGrid
            name="Sweep summary"
            stats={[
              { label: 'Movies clustered', value: formatCount(result.movies) },
              { label: 'On', value: result.features.description },
              {
                label: 'Best silhouette',
                value: result.suggestedK !== null ? `k = ${result.suggestedK}` : '–',
                hint: 'the suggested k',
              },
              { label: 'Elbow', value: result.elbowK !== null ? `k = ${result.elbowK}` : '–' },
              {
                label: 'Silhouette on',
                value:
                  result.silhouetteSample === null
                    ? 'all movies'
                    : `${formatCount(result.silhouetteSample)} sampled movies`,
              },
              {
                label: 'Sweep time',
                value: formatDuration(result.ms),
                hint: `PCA ${formatDuration(result.features.ms)} (${result.features.engine}); K-Means and silhouettes by typed-array loops`,
              },
            ]}
          />
          <form className="params" onSubmit={(event) => event.preventDefault()}>
            <label>
              Clusters k used from here on
              <select
                value={choosing ?? chosen?.ref.k ?? ''}
                disabled={choosing !== null}
                onChange={(e) => void chooseK(Number(e.target.value))}
              >
                {result.points.map((p) => (
                  <option key={p.k} value={p.k}>
                    {p.k}
                    {p.k === result.suggestedK ? ' (best silhouette)' : ''}
                    {p.k === result.elbowK ? ' (elbow)' : ''}
                    {p.k === REPORT_K ? ' (the report’s choice)' : ''}
                  </option>
                ))}
              </select>
            </label>
          </form>
          {chosen && <ClusterTable chosen={chosen} />}
        </>
      )}
    </Cell>
  );
}
