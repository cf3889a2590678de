import type { IdList } from './id-index';

/**
 * Ratings stored column-wise: 4 + 4 + 1 + 2 = 11 bytes per rating. Row i is one rating.
 * A rating's value is `ratingValues[code[i]]`; the codebook (at most 256 distinct values, sorted ascending)
 * lets one byte hold Netflix stars, MovieLens half stars, or any other scale.
 */
export interface RatingsTable {
  /** Dense user index per rating, 0 … users − 1. */
  user: Uint32Array;
  /** Dense movie index per rating, 0 … movies − 1. */
  movie: Uint32Array;
  /** Index into `ratingValues` per rating. */
  code: Uint8Array;
  /** Day of the rating: whole days since 1970-01-01 (see `src/lib/days.ts`). */
  day: Uint16Array;
  /** The distinct rating values, sorted ascending. */
  ratingValues: Float32Array;
}

/** What a person knows about a movie from a titles file. */
export interface MovieMeta {
  title: string;
  /** Year of release; null where the file says NULL or gives none. */
  year: number | null;
  /** MovieLens genres, `|`-separated, where the file has them. */
  genres?: string;
}

/** A complete set of ratings with the id maps that name its rows. */
export interface RatingsData {
  table: RatingsTable;
  userIds: IdList;
  movieIds: IdList;
  /** Metadata per movie index, null where no titles file named the movie. */
  movies: (MovieMeta | null)[];
}

export function ratingCount(table: RatingsTable): number {
  return table.user.length;
}

/** Bytes held by the four rating columns. */
export function tableBytes(table: RatingsTable): number {
  return (
    table.user.byteLength + table.movie.byteLength + table.code.byteLength + table.day.byteLength
  );
}

/** The ratings as plain numbers, for stages that compute with them. */
export function ratingsAsFloat32(table: RatingsTable): Float32Array {
  const out = new Float32Array(table.code.length);
  const values = table.ratingValues;
  for (let i = 0; i < out.length; i++) out[i] = values[table.code[i]];
  return out;
}
