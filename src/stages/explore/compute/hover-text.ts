import { escapePlotlyText } from '../../../lib/plotly-text';
import type { MovieInfo } from './movie-info';

/**
 * Hover text of one movie: title (year), then its number of ratings and mean rating. The title is escaped
 * (plotly reads hover text as pseudo-HTML); the `<br>` is ours.
 */
export function movieHoverText(info: MovieInfo, movie: number): string {
  const year = info.years[movie];
  const title = escapePlotlyText(info.titles[movie]) + (year !== null ? ` (${year})` : '');
  const mean = info.means[movie];
  const ratings = `${info.counts[movie].toLocaleString('en-US')} ratings`;
  return `${title}<br>${ratings}${Number.isFinite(mean) ? `, mean ${mean.toFixed(2)}` : ''}`;
}
