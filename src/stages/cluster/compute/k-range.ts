/** A sweep's k range, fitted to the number of movies it clusters. */
export interface FittedKRange {
  kMin: number;
  kMax: number;
  /** What was changed and why, for the cell to say; null when the range was kept as asked. */
  note: string | null;
}

/**
 * The study's range (7–30) is for a subset of thousands of movies. On fewer, k to is lowered to half the
 * movies (clusters of two on average: beyond that most clusters hold one movie and silhouettes say nothing),
 * and k from, if it no longer fits below, to half of that, so the sweep still compares several ks. A subset
 * too small to cluster at all (under four movies) is refused with a sentence.
 */
export function fitKRange(kMin: number, kMax: number, movies: number): FittedKRange {
  if (movies < 4)
    throw new RangeError(
      `Cluster needs at least 4 movies to compare ks; the subset has ${movies}: raise the movies in Subset.`,
    );
  const limit = Math.floor(movies / 2);
  if (kMax <= limit) return { kMin, kMax, note: null };
  const fittedMin = Math.min(kMin, Math.max(2, Math.ceil(limit / 2)));
  const from = fittedMin !== kMin ? `k from ${kMin} → ${fittedMin}, ` : '';
  return {
    kMin: fittedMin,
    kMax: limit,
    note: `The subset has ${movies} movies, so the sweep runs ${from}k to ${kMax} → ${limit} (at most half the movies: more clusters would mostly hold one movie).`,
  };
}
