import { useMemo } from 'react';
import { Plot } from '../../../ui-kit/Plot';
import type { CountDistribution, DatasetSummary } from '../contract';

/** 1234 → "1.2k", so that bin labels stay short enough to read side by side. */
function shortCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${+(n / 1000).toFixed(n < 10_000 ? 1 : 0)}k`;
  return `${+(n / 1_000_000).toFixed(1)}M`;
}

function binLabels(distribution: CountDistribution): string[] {
  return distribution.binStarts.map((start, i) => {
    const end = distribution.binEnds[i];
    return start === end ? shortCount(start) : `${shortCount(start)}–${shortCount(end)}`;
  });
}

/** The four views of the Data cell: star shares, activity over time, and the two long tails. */
export function DataCharts({ summary }: { summary: DatasetSummary }) {
  const charts = useMemo(
    () => ({
      stars: [
        {
          type: 'bar',
          x: summary.ratingHistogram.values.map(String),
          y: summary.ratingHistogram.counts,
          marker: { color: '#b40f20' },
        },
      ],
      monthly: [
        {
          type: 'bar',
          x: summary.monthly.months,
          y: summary.monthly.counts,
          marker: { color: '#3b6ea8' },
        },
      ],
      perUser: [
        {
          type: 'bar',
          x: binLabels(summary.perUser),
          y: summary.perUser.counts,
          marker: { color: '#5a8f3c' },
        },
      ],
      perMovie: [
        {
          type: 'bar',
          x: binLabels(summary.perMovie),
          y: summary.perMovie.counts,
          marker: { color: '#8a5aa8' },
        },
      ],
    }),
    [summary],
  );
  const logY = useMemo(
    () => ({
      yaxis: { type: 'log', title: { text: 'count (log)' } },
      xaxis: { title: { text: 'ratings (bins double in width)' } },
    }),
    [],
  );
  const starsLayout = useMemo(
    () => ({ xaxis: { title: { text: 'stars' } }, yaxis: { title: { text: 'ratings' } } }),
    [],
  );
  const monthlyLayout = useMemo(
    () => ({ xaxis: { type: 'date' }, yaxis: { title: { text: 'ratings' } } }),
    [],
  );
  return (
    <div className="chart-grid">
      <Plot title="Rating histogram" data={charts.stars} layout={starsLayout} />
      <Plot title="Ratings per month" data={charts.monthly} layout={monthlyLayout} />
      <Plot title="Ratings per user" data={charts.perUser} layout={logY} />
      <Plot title="Ratings per movie" data={charts.perMovie} layout={logY} />
    </div>
  );
}
