import { useCellResult } from '../../../app/state/cell-results';
import { useMemo } from 'react';
import { Cell } from '../../../app/components/Cell';
import { Plot } from '../../../ui-kit/Plot';
import { ProgressBar } from '../../../ui-kit/ProgressBar';
import { StatGrid } from '../../../ui-kit/StatGrid';
import { formatCount, formatPercent } from '../../../ui-kit/format';
import { useStore } from '../../../ui-kit/store';
import { MATRIX_VALUE_NAMES } from '../compute/movie-user-matrix';
import type { ExploreResult } from '../contract';
import { cancelExplore, runExplore, setExploreOptions } from './explore-actions';
import { exploreStore } from './explore-store';
import { ParamForm } from '../../../ui-kit/ParamFields';
import { EXPLORE_PARAMS } from '../compute/explore-params';
import { ProjectionScatter } from './ProjectionScatter';

const PCA_AXES: [string, string] = ['PC 1', 'PC 2'];
const SPARSE_AXES: [string, string] = ['sparse axis 1', 'sparse axis 2'];
const NMF_AXES: [string, string] = ['part 1', 'part 2'];

export function ExploreCell() {
  const { options, result, running } = useStore(exploreStore, (state) => state);
  const subset = useCellResult('subset');
  const chosen = useCellResult('cluster');
  const clusterOfMovie =
    result && chosen?.ref.subsetId === result.subsetId ? chosen.clusterOfMovie : null;
  return (
    <Cell
      id="explore"
      intro={
        <>
          The subset as a movies × users matrix, projected to two dimensions three ways: PCA, a
          sparse PCA whose axes each use only a few users, and NMF. The report saw clusters only in
          a PCA of a 20,000-rating sub-sample (its Figure 1a), which is the default here; untick it
          to project all of the subset’s ratings. Points are coloured by cluster once the Cluster
          cell has run, and by mean rating before.
        </>
      }
      onRun={subset ? () => void runExplore() : undefined}
    >
      <ParamForm
        table={EXPLORE_PARAMS}
        values={options}
        onChange={setExploreOptions}
        onSubmit={() => void runExplore()}
      >
        <button type="submit">Apply</button>
      </ParamForm>
      {running && (
        <div className="load-progress">
          <ProgressBar
            fraction={running.progress?.fraction ?? null}
            label={running.progress ? `computing ${running.progress.step}` : 'building the matrix'}
          />
          <button type="button" onClick={cancelExplore}>
            Cancel
          </button>
        </div>
      )}
      {result && <ExploreResultView result={result} clusterOfMovie={clusterOfMovie} />}
    </Cell>
  );
}

function ExploreResultView({
  result,
  clusterOfMovie,
}: {
  result: ExploreResult;
  clusterOfMovie: Int32Array | null;
}) {
  const { pca, sparsePca, nmf } = result;
  const scree = useMemo(
    () => [
      {
        type: 'bar',
        x: pca.explainedVarianceRatio.map((_, i) => `PC ${i + 1}`),
        y: pca.explainedVarianceRatio.map((r) => r * 100),
        marker: { color: '#5a8f3c' },
      },
    ],
    [pca],
  );
  const screeLayout = useMemo(() => ({ yaxis: { title: { text: '% of variance' } } }), []);
  const errors = useMemo(
    () => [
      {
        type: 'scatter',
        mode: 'lines',
        x: nmf.errors.map((_, i) => i + 1),
        y: nmf.errors,
        line: { color: '#b40f20' },
      },
    ],
    [nmf],
  );
  const errorLayout = useMemo(
    () => ({
      xaxis: { title: { text: 'iteration' } },
      yaxis: { title: { text: '‖A − WH‖' } },
    }),
    [],
  );
  const scatter = { rowMovie: result.rowMovie, movies: result.movies, clusterOfMovie };
  return (
    <>
      <StatGrid
        name="Explore summary"
        stats={[
          { label: 'Movies (points)', value: formatCount(result.rows) },
          { label: 'Users (columns)', value: formatCount(result.cols) },
          {
            label: 'Ratings used',
            value: formatCount(result.ratings),
            hint: result.options.sampleRatings ? 'a random sub-sample' : 'all of the subset',
          },
          { label: 'Cells hold', value: MATRIX_VALUE_NAMES[result.options.values] },
          {
            label: 'PCA: PC 1 + 2',
            value: formatPercent(pca.explainedVarianceRatio[0] + pca.explainedVarianceRatio[1]),
            hint: 'share of the variance along the first two principal axes',
          },
          {
            label: 'Sparse PCA loadings',
            value: `${formatCount(sparsePca.nonZeros[0])} + ${formatCount(sparsePca.nonZeros[1])} users`,
            hint: `each axis may use ${formatPercent(sparsePca.density, 0)} of the users`,
          },
          {
            label: 'NMF error',
            value: formatPercent(nmf.relativeError),
            hint: `‖A − WH‖ ÷ ‖A‖ after ${nmf.errors.length} iterations, on ${MATRIX_VALUE_NAMES[nmf.values]}`,
          },
          { label: 'Products on', value: result.engine },
        ]}
      />
      <div className="chart-grid">
        <ProjectionScatter title="PCA" plane={pca} axisTitles={PCA_AXES} {...scatter} />
        <ProjectionScatter
          title="Sparse PCA"
          plane={sparsePca}
          axisTitles={SPARSE_AXES}
          {...scatter}
        />
        <ProjectionScatter title="NMF" plane={nmf} axisTitles={NMF_AXES} {...scatter} />
      </div>
      <div className="chart-grid">
        <Plot title="Explained variance" data={scree} layout={screeLayout} height={220} />
        <Plot title="NMF reconstruction error" data={errors} layout={errorLayout} height={220} />
      </div>
    </>
  );
}
