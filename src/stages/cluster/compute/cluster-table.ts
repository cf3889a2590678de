import type { MovieRatingStats } from '../../explore/compute/movie-user-matrix';

export interface ClusterRow {
  cluster: number;
  /** Movies in the cluster. */
  size: number;
  /** Ratings of those movies in the subset. */
  ratings: number;
  /** Mean of those ratings (NaN when there are none). */
  meanRating: number;
  /** The most-rated movies of the cluster, most first: subset movie indices. */
  topMovies: number[];
}

/**
 * What each cluster holds, so that a person can tell what "genre" it is: its size, its mean rating and
 * its most-rated movies. Clusters are listed by size, largest first, keeping their numbers.
 */
export function describeClusters(
  clusterOfMovie: Int32Array,
  k: number,
  stats: MovieRatingStats,
  topCount = 5,
): ClusterRow[] {
  const members: number[][] = Array.from({ length: k }, () => []);
  clusterOfMovie.forEach((c, m) => members[c].push(m));
  const rows = members.map((movies, cluster) => {
    let ratings = 0;
    let sum = 0;
    for (const m of movies) {
      ratings += stats.counts[m];
      if (stats.counts[m] > 0) sum += stats.means[m] * stats.counts[m];
    }
    const topMovies = [...movies]
      .sort((a, b) => stats.counts[b] - stats.counts[a] || a - b)
      .slice(0, topCount);
    return {
      cluster,
      size: movies.length,
      ratings,
      meanRating: ratings > 0 ? sum / ratings : NaN,
      topMovies,
    };
  });
  return rows.sort((a, b) => b.size - a.size || a.cluster - b.cluster);
}
