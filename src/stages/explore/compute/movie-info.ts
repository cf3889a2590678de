import type { RatingsData } from '../../ingest/compute/ratings-table';
import type { MovieRatingStats } from './movie-user-matrix';

/** What the page shows about each movie of a subset (index = subset movie index). */
export interface MovieInfo {
  /** The title, or "Movie <id>" where no titles file named it. */
  titles: string[];
  years: (number | null)[];
  counts: Uint32Array;
  /** Mean rating; NaN for a movie without ratings. */
  means: Float32Array;
}

export function movieInfo(data: RatingsData, stats: MovieRatingStats): MovieInfo {
  const ids = data.movieIds.ids;
  return {
    titles: data.movies.map((meta, m) => meta?.title ?? `Movie ${String(ids[m])}`),
    years: data.movies.map((meta) => meta?.year ?? null),
    counts: stats.counts,
    means: Float32Array.from(stats.means),
  };
}
