import type { MovieInfo } from './movie-info';

/**
 * Plotly renders hover text as pseudo-HTML (`<b>`, `<br>`, `<a href>` …), so a title is escaped before it
 * goes in: a movie called "<b>Bold</b>" must show those characters, not bold text, and never a link.
 * Plotly turns the entities back into the characters when it draws.
 */
export function escapePlotlyText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Hover text of one movie: title (year), then its number of ratings and mean rating. */
export function movieHoverText(info: MovieInfo, movie: number): string {
  const year = info.years[movie];
  const title = escapePlotlyText(info.titles[movie]) + (year !== null ? ` (${year})` : '');
  const mean = info.means[movie];
  const ratings = `${info.counts[movie].toLocaleString('en-US')} ratings`;
  return `${title}<br>${ratings}${Number.isFinite(mean) ? `, mean ${mean.toFixed(2)}` : ''}`;
}
