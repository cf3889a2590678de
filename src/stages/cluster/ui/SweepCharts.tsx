import { useMemo } from 'react';
import { Plot } from '../../../ui-kit/Plot';
import type { SweepPoint } from '../contract';

export interface SweepChartsProps {
  points: SweepPoint[];
  /** Best silhouette, once the sweep is done. */
  suggestedK: number | null;
  elbowK: number | null;
  chosenK: number | null;
}

/** A dashed vertical line at the chosen k. */
function chosenLine(k: number | null) {
  return k === null
    ? []
    : [
        {
          type: 'line',
          xref: 'x',
          yref: 'paper',
          x0: k,
          x1: k,
          y0: 0,
          y1: 1,
          line: { color: '#b40f20', dash: 'dash', width: 1 },
        },
      ];
}

/** One marker on a curve, named for the legend (e.g. "elbow k = 14"). */
function mark(
  points: SweepPoint[],
  k: number | null,
  y: (p: SweepPoint) => number,
  name: string,
  symbol: string,
) {
  const point = points.find((p) => p.k === k);
  return point
    ? [
        {
          type: 'scatter',
          mode: 'markers',
          name: `${name} k = ${point.k}`,
          x: [point.k],
          y: [y(point)],
          marker: { size: 14, symbol, color: '#b40f20' },
          hovertemplate: `${name} k = %{x}<extra></extra>`,
        },
      ]
    : [];
}

/** The elbow (inertia) and silhouette curves over k; they grow as each k of the sweep finishes. */
export function SweepCharts({ points, suggestedK, elbowK, chosenK }: SweepChartsProps) {
  const inertia = useMemo(
    () => [
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: 'inertia',
        x: points.map((p) => p.k),
        y: points.map((p) => p.inertia),
        line: { color: '#1f77b4' },
      },
      ...mark(points, elbowK, (p) => p.inertia, 'elbow', 'diamond'),
    ],
    [points, elbowK],
  );
  const silhouette = useMemo(
    () => [
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: 'silhouette',
        x: points.map((p) => p.k),
        y: points.map((p) => (Number.isFinite(p.silhouette) ? p.silhouette : null)),
        line: { color: '#2ca02c' },
      },
      ...mark(points, suggestedK, (p) => p.silhouette, 'best silhouette', 'star'),
    ],
    [points, suggestedK],
  );
  const inertiaLayout = useMemo(
    () => ({
      xaxis: { title: { text: 'k' }, dtick: 1 },
      yaxis: { title: { text: 'inertia (sum of squared distances)' } },
      shapes: chosenLine(chosenK),
      legend: { orientation: 'h', y: -0.25 },
    }),
    [chosenK],
  );
  const silhouetteLayout = useMemo(
    () => ({
      xaxis: { title: { text: 'k' }, dtick: 1 },
      yaxis: { title: { text: 'mean silhouette' } },
      shapes: chosenLine(chosenK),
      legend: { orientation: 'h', y: -0.25 },
    }),
    [chosenK],
  );
  return (
    <div className="chart-grid">
      <Plot title="Elbow: inertia by k" data={inertia} layout={inertiaLayout} height={300} />
      <Plot title="Silhouette by k" data={silhouette} layout={silhouetteLayout} height={300} />
    </div>
  );
}
