import { useMemo } from 'react';
import { Plot } from '../../../ui-kit/Plot';
import { escapePlotlyText } from '../../../lib/plotly-text';
import { clusterColour } from '../../../ui-kit/cluster-colours';
import type { HistoryPoint } from '../contract';
import { clusterNumber } from '../../../lib/cluster-number';

/** A user's ratings over time, coloured by cluster; held-out ratings drawn as open circles. */
export function HistoryTimeline({ history, userId }: { history: HistoryPoint[]; userId: string }) {
  const data = useMemo(
    () => [
      {
        type: 'scatter',
        mode: 'markers',
        x: history.map((h) => h.date),
        y: history.map((h) => h.rating),
        marker: {
          size: 9,
          color: history.map((h) => (h.cluster >= 0 ? clusterColour(h.cluster) : '#999')),
          symbol: history.map((h) => (h.role === 'train' ? 'circle' : 'circle-open')),
          line: {
            width: 2,
            color: history.map((h) => (h.cluster >= 0 ? clusterColour(h.cluster) : '#999')),
          },
        },
        hovertext: history.map(
          (h) =>
            `${escapePlotlyText(h.title)}<br>${h.date}: ${h.rating} stars<br>cluster ${clusterNumber(h.cluster) || '–'} · ${h.role}`,
        ),
        hoverinfo: 'text',
      },
    ],
    [history],
  );
  const layout = useMemo(
    () => ({ xaxis: { type: 'date' }, yaxis: { title: { text: 'rating' }, dtick: 1 } }),
    [],
  );
  return (
    <Plot title={`Ratings of user ${userId} over time`} data={data} layout={layout} height={260} />
  );
}
