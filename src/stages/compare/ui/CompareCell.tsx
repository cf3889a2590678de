import { useCellResult } from '../../../app/state/cell-results';
import { useMemo } from 'react';
import { Cell } from '../../../app/components/Cell';
import { Plot } from '../../../ui-kit/Plot';
import { downloadBlob } from '../../../ui-kit/download';
import { formatCount, formatDuration, formatPercent } from '../../../ui-kit/format';
import {
  comparisonCsv,
  comparisonJson,
  REFERENCE_LINES,
  spreadFromBest,
} from '../compute/comparison';
import type { ComparisonRow } from '../contract';

const FAMILY_COLOURS = {
  sequence: '#b40f20',
  embedding: '#3b6ea8',
  rating: '#5a8f3c',
  prize: '#8a5a00',
};

export function CompareCell() {
  const { rows } = useCellResult('compare');
  const sequences = useCellResult('sequences');
  const sorted = useMemo(() => [...rows].sort((a, b) => a.testRmse - b.testRmse), [rows]);
  // Models scored on this notebook's split, and the Prize models scored on the Prize's protocol over every
  // rating: two tables, each ranked within itself; the chart shows both beside the published figures.
  const subsetRows = useMemo(() => sorted.filter((r) => r.protocol === undefined), [sorted]);
  const prizeRows = useMemo(() => sorted.filter((r) => r.protocol !== undefined), [sorted]);
  const subsetRanked = subsetRows.some((r) => r.recallAt10 !== undefined);
  const { spread } = useMemo(() => spreadFromBest(subsetRows), [subsetRows]);
  const chart = useMemo(
    () => [
      {
        type: 'bar',
        orientation: 'h',
        y: sorted.map((r) => (r.protocol ? `${r.model} · all ratings` : r.model)),
        x: sorted.map((r) => r.testRmse),
        marker: { color: sorted.map((r) => FAMILY_COLOURS[r.family]) },
        text: sorted.map((r) => r.testRmse.toFixed(4)),
        textposition: 'auto',
        name: 'this notebook’s test ratings',
      },
    ],
    [sorted],
  );
  const layout = useMemo(
    () => ({
      xaxis: { title: { text: 'test RMSE (lower is better)' }, rangemode: 'tozero' },
      yaxis: { autorange: 'reversed', automargin: true },
      margin: { l: 180, r: 16, t: 36, b: 48 },
      showlegend: false,
      shapes: REFERENCE_LINES.map((line) => ({
        type: 'line',
        xref: 'x',
        yref: 'paper',
        x0: line.rmse,
        x1: line.rmse,
        y0: 0,
        y1: 1,
        line: { dash: 'dot', width: 1, color: '#888' },
      })),
      annotations: REFERENCE_LINES.map((line, i) => ({
        xref: 'x',
        yref: 'paper',
        x: line.rmse,
        y: 1 - i * 0.08,
        text: `${line.label}: ${line.rmse}`,
        showarrow: false,
        xanchor: 'left',
        font: { size: 10, color: '#888' },
      })),
    }),
    [],
  );
  const exportContext = () => ({
    generatedBy: 'Prize Lab',
    date: new Date().toISOString(),
    split: sequences?.options ?? null,
    seed: sequences?.seed ?? null,
  });
  return (
    <Cell
      id="compare"
      intro={
        <>
          Every model trained in this session, scored on the same test ratings (the labels of the
          test windows). The dotted lines are published figures for orientation only: they were
          measured on the Netflix Prize’s own hold-out of the full data, not on this split, and do
          not compare directly.
        </>
      }
    >
      {rows.length === 0 && (
        <p className="note">
          Train the LSTM, the baselines or the dense model: each adds a row here.
        </p>
      )}
      {rows.length > 0 && (
        <>
          {subsetRows.length > 0 && (
            <table className="results" data-testid="comparison">
              <caption>Test RMSE on {formatCount(subsetRows[0].testRatings)} test ratings</caption>
              <thead>
                <tr>
                  <th>Model</th>
                  <th>Test RMSE</th>
                  <th>vs best</th>
                  <th>Test MAE</th>
                  {subsetRanked && (
                    <>
                      <th>Recall@10</th>
                      <th>NDCG@10</th>
                      <th>Coverage@10</th>
                    </>
                  )}
                  <th>Parameters</th>
                  <th>Training time</th>
                  <th>Backend</th>
                </tr>
              </thead>
              <tbody>
                {subsetRows.map((row) => (
                  <tr key={row.id} data-model={row.id}>
                    <td>{row.model}</td>
                    <td className="num">{row.testRmse.toFixed(4)}</td>
                    <td className="num">
                      {(spread.get(row.id) ?? 0) === 0
                        ? 'best'
                        : `+${formatPercent(spread.get(row.id) ?? 0)}`}
                    </td>
                    <td className="num">{row.testMae.toFixed(4)}</td>
                    {subsetRanked && <RankingCells row={row} />}
                    <td className="num">{formatCount(row.params)}</td>
                    <td className="num">{formatDuration(row.trainingSeconds * 1000)}</td>
                    <td>{row.backend}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {prizeRows.length > 0 && (
            <table className="results" data-testid="prize-comparison">
              <caption>
                On the Prize’s protocol: {prizeRows[0].protocol},{' '}
                {formatCount(prizeRows[0].testRatings)} held-out ratings; these compare directly
                with the published figures.
              </caption>
              <thead>
                <tr>
                  <th>Model</th>
                  <th>Held-out RMSE</th>
                  <th>Recall@10</th>
                  <th>NDCG@10</th>
                  <th>Coverage@10</th>
                  <th>Parameters</th>
                  <th>Training time</th>
                </tr>
              </thead>
              <tbody>
                {prizeRows.map((row) => (
                  <tr key={row.id} data-model={row.id} data-protocol={row.protocol}>
                    <td>{row.model}</td>
                    <td className="num">{row.testRmse.toFixed(4)}</td>
                    <RankingCells row={row} />
                    <td className="num">{formatCount(row.params)}</td>
                    <td className="num">{formatDuration(row.trainingSeconds * 1000)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {subsetRanked && (
            <p className="note" data-testid="subset-ranking-protocol">
              Top-10 on this split: for up to 2,000 test users (seeded), every movie of the subset
              with a training rating that the user did not rate in training or validation is ranked
              by the model’s unclipped score on the day of the user’s last test rating; the user’s
              test movies are the relevant ones. Measured for the rating models; the sequence and
              embedding models show “—”. A model tuned for RMSE can rank poorly.
            </p>
          )}
          {prizeRows.length > 0 && (
            <p className="note">
              Top-10 protocol: for a seeded sample of held-out users, every movie the user did not
              rate in training is ranked by the model’s score; the held-out movies are the relevant
              ones. Recall@10 = hits ÷ held-out movies, NDCG@10 with binary gains; coverage =
              distinct movies in all top-10 lists ÷ movies.
            </p>
          )}
          <Plot
            title="Test RMSE by model"
            data={chart}
            layout={layout}
            height={Math.max(240, 60 + 36 * rows.length)}
          />
          <p>
            <button
              type="button"
              onClick={() =>
                downloadBlob(
                  new Blob([comparisonCsv(sorted)], { type: 'text/csv' }),
                  'prize-lab-comparison.csv',
                )
              }
            >
              Download CSV
            </button>{' '}
            <button
              type="button"
              onClick={() =>
                downloadBlob(
                  new Blob([comparisonJson(sorted, exportContext())], { type: 'application/json' }),
                  'prize-lab-comparison.json',
                )
              }
            >
              Download JSON
            </button>
          </p>
          <details>
            <summary>Reference figures and their sources</summary>
            <ul>
              {REFERENCE_LINES.map((line) => (
                <li key={line.label}>
                  {line.label}: {line.rmse} — {line.source}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </Cell>
  );
}

/** Recall@10, NDCG@10 and coverage of a row, or a dash where its cell does not measure them. */
function RankingCells({ row }: { row: ComparisonRow }) {
  return (
    <>
      <td className="num">{row.recallAt10?.toFixed(4) ?? '—'}</td>
      <td className="num">{row.ndcgAt10?.toFixed(4) ?? '—'}</td>
      <td className="num">
        {row.coverageAt10 !== undefined ? formatPercent(row.coverageAt10) : '—'}
      </td>
    </>
  );
}
