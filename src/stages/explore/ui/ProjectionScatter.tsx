import { useMemo } from 'react';
import { Plot } from '../../../ui-kit/Plot';
import { movieHoverText } from '../compute/hover-text';
import type { MovieInfo, Plane } from '../contract';
import { clusterColour } from '../../../ui-kit/cluster-colours';
import { clusterNumber } from '../../../lib/cluster-number';

/** Above this many points the scatter is drawn with WebGL (plotly's scattergl). */
const WEBGL_FROM_POINTS = 1000;

export interface ProjectionScatterProps {
  title: string;
  plane: Plane;
  /** Subset movie of each point. */
  rowMovie: Int32Array;
  movies: MovieInfo;
  /** Cluster of each subset movie, once the Cluster cell has one for this subset; else colour by mean. */
  clusterOfMovie: Int32Array | null;
  axisTitles: [string, string];
}

/** Movies as points in one 2-D projection, with title, year, ratings and mean rating on hover. */
export function ProjectionScatter({
  title,
  plane,
  rowMovie,
  movies,
  clusterOfMovie,
  axisTitles,
}: ProjectionScatterProps) {
  const hover = useMemo(
    () => Array.from(rowMovie, (movie) => movieHoverText(movies, movie)),
    [rowMovie, movies],
  );
  const data = useMemo(() => {
    const marker = clusterOfMovie
      ? { size: 6, color: Array.from(rowMovie, (m) => clusterColour(clusterOfMovie[m])) }
      : {
          size: 6,
          color: Array.from(rowMovie, (m) => movies.means[m]),
          colorscale: 'Viridis',
          colorbar: { title: { text: 'mean' }, thickness: 10 },
        };
    const text = clusterOfMovie
      ? hover.map(
          (line, p) => `${line}<br>cluster ${clusterNumber(clusterOfMovie[rowMovie[p]]) || '–'}`,
        )
      : hover;
    return [
      {
        type: rowMovie.length > WEBGL_FROM_POINTS ? 'scattergl' : 'scatter',
        mode: 'markers',
        x: Array.from(plane.x),
        y: Array.from(plane.y),
        text,
        hovertemplate: '%{text}<extra></extra>',
        marker,
      },
    ];
  }, [plane, rowMovie, movies, clusterOfMovie, hover]);
  const layout = useMemo(
    () => ({
      xaxis: { title: { text: axisTitles[0] } },
      yaxis: { title: { text: axisTitles[1] } },
      showlegend: false,
    }),
    [axisTitles],
  );
  return <Plot title={title} data={data} layout={layout} height={340} />;
}
