import { createRng } from '../../../lib/rng';
import type { RatingsData } from '../../ingest/compute/ratings-table';

/** What each cell of the movies × users matrix holds where the user rated the movie (elsewhere: 0). */
export type MatrixValues = 'raw' | 'centred' | 'binary';

export const MATRIX_VALUE_NAMES: Record<MatrixValues, string> = {
  raw: 'stars',
  centred: 'stars minus the movie’s mean',
  binary: 'rated (1) or not (0)',
};

/** Every kind of cell value, in the order the forms offer them. */
export const MATRIX_VALUES = Object.keys(MATRIX_VALUE_NAMES) as MatrixValues[];

/**
 * A sparse matrix in compressed sparse row form: row r's entries are `values[rowStart[r] … rowStart[r+1])`
 * in the columns `columns[…]`, ascending.
 */
export interface CsrMatrix {
  rows: number;
  cols: number;
  rowStart: Int32Array;
  columns: Int32Array;
  values: Float32Array;
}

export interface MovieUserMatrixOptions {
  values: MatrixValues;
  /** Build from this many ratings drawn at random (the report's Figure 1a used 20,000); null keeps all. */
  sampleRatings: number | null;
  /** Seeds the sub-sample. */
  seed: number;
}

export interface MovieUserMatrix {
  /** Rows are movies that have at least one rating in the (sub-sampled) ratings; columns are the subset's users. */
  matrix: CsrMatrix;
  /** Subset movie index of each row. Without sub-sampling every movie is a row, so this is 0 … movies − 1. */
  rowMovie: Int32Array;
  /** Ratings the matrix was built from. */
  ratings: number;
}

/** Number of ratings and mean rating of every movie of a dataset. */
export interface MovieRatingStats {
  counts: Uint32Array;
  /** NaN for a movie without ratings. */
  means: Float64Array;
}

export function movieRatingStats(data: RatingsData): MovieRatingStats {
  const movies = data.movieIds.ids.length;
  const { movie, code, ratingValues } = data.table;
  const counts = new Uint32Array(movies);
  const sums = new Float64Array(movies);
  for (let i = 0; i < movie.length; i++) {
    counts[movie[i]]++;
    sums[movie[i]] += ratingValues[code[i]];
  }
  const means = Float64Array.from(sums, (sum, m) => (counts[m] > 0 ? sum / counts[m] : NaN));
  return { counts, means };
}

/**
 * The movies × users matrix of a subset, stored sparse. Mean-centring subtracts each movie's mean rating
 * from its own ratings only, so unrated cells stay 0 ("no opinion") and the matrix stays sparse.
 */
export function buildMovieUserMatrix(
  data: RatingsData,
  options: MovieUserMatrixOptions,
): MovieUserMatrix {
  const total = data.table.user.length;
  if (options.sampleRatings !== null && !(options.sampleRatings >= 1))
    throw new RangeError('The sub-sample must hold at least one rating.');
  const picked = pickRatings(total, options.sampleRatings, options.seed);
  const { user, movie, code, ratingValues } = data.table;
  const movies = data.movieIds.ids.length;

  const counts = new Int32Array(movies);
  const sums = new Float64Array(movies);
  for (let p = 0; p < picked.length; p++) {
    const i = picked[p];
    counts[movie[i]]++;
    sums[movie[i]] += ratingValues[code[i]];
  }
  const rowOfMovie = new Int32Array(movies).fill(-1);
  const rowMovieList: number[] = [];
  for (let m = 0; m < movies; m++) {
    if (counts[m] > 0 || options.sampleRatings === null) {
      rowOfMovie[m] = rowMovieList.length;
      rowMovieList.push(m);
    }
  }
  const rows = rowMovieList.length;
  const rowStart = new Int32Array(rows + 1);
  for (let r = 0; r < rows; r++) rowStart[r + 1] = rowStart[r] + counts[rowMovieList[r]];
  const fill = rowStart.slice(0, rows);
  const columns = new Int32Array(picked.length);
  const values = new Float32Array(picked.length);
  for (let p = 0; p < picked.length; p++) {
    const i = picked[p];
    const m = movie[i];
    const at = fill[rowOfMovie[m]]++;
    columns[at] = user[i];
    const stars = ratingValues[code[i]];
    values[at] =
      options.values === 'raw'
        ? stars
        : options.values === 'binary'
          ? 1
          : stars - sums[m] / counts[m];
  }
  const matrix = mergeRepeatedRatings({
    rows,
    cols: data.userIds.ids.length,
    rowStart,
    columns,
    values,
  });
  return { matrix, rowMovie: Int32Array.from(rowMovieList), ratings: picked.length };
}

/** Indices of the ratings to use: all of them, or `sample` drawn without replacement (seeded). */
function pickRatings(total: number, sample: number | null, seed: number): Uint32Array {
  const all = new Uint32Array(total);
  for (let i = 0; i < total; i++) all[i] = i;
  if (sample === null || sample >= total) return all;
  // Partial Fisher–Yates: the first `sample` slots end up a uniform draw without replacement.
  const rng = createRng(seed);
  for (let i = 0; i < sample; i++) {
    const j = i + rng.int(total - i);
    const tmp = all[i];
    all[i] = all[j];
    all[j] = tmp;
  }
  return all.slice(0, sample).sort();
}

/**
 * Merges repeated ratings of one movie by one user, which some uploaded files hold, into their mean, so
 * that every (row, column) appears once. Entries keep their order within a row; no operation here needs
 * them sorted.
 */
function mergeRepeatedRatings(matrix: CsrMatrix): CsrMatrix {
  const { rowStart, columns, values } = matrix;
  const slotOfColumn = new Int32Array(matrix.cols).fill(-1);
  const repeats = new Float32Array(values.length);
  const outStart = new Int32Array(matrix.rows + 1);
  const outColumns = new Int32Array(columns.length);
  const outValues = new Float32Array(values.length);
  let at = 0;
  let merged = false;
  for (let r = 0; r < matrix.rows; r++) {
    const rowBegin = at;
    for (let p = rowStart[r]; p < rowStart[r + 1]; p++) {
      const slot = slotOfColumn[columns[p]];
      if (slot >= rowBegin) {
        outValues[slot] += values[p];
        repeats[slot]++;
        merged = true;
        continue;
      }
      slotOfColumn[columns[p]] = at;
      outColumns[at] = columns[p];
      outValues[at] = values[p];
      repeats[at++] = 1;
    }
    outStart[r + 1] = at;
  }
  if (!merged) return matrix;
  for (let q = 0; q < at; q++) outValues[q] /= repeats[q];
  return {
    rows: matrix.rows,
    cols: matrix.cols,
    rowStart: outStart,
    columns: outColumns.slice(0, at),
    values: outValues.slice(0, at),
  };
}

/** Mean of each column over all rows, counting empty cells as 0 (what PCA centres by). */
export function columnMeans(matrix: CsrMatrix): Float64Array {
  const means = new Float64Array(matrix.cols);
  for (let p = 0; p < matrix.rowStart[matrix.rows]; p++)
    means[matrix.columns[p]] += matrix.values[p];
  for (let j = 0; j < means.length; j++) means[j] /= Math.max(1, matrix.rows);
  return means;
}

/** Sum over columns of the column variance (denominator rows − 1), i.e. the total variance PCA explains. */
export function totalVariance(matrix: CsrMatrix): number {
  if (matrix.rows < 2) return 0;
  const means = columnMeans(matrix);
  let squares = 0;
  for (let p = 0; p < matrix.rowStart[matrix.rows]; p++) squares += matrix.values[p] ** 2;
  let meanSquares = 0;
  for (let j = 0; j < means.length; j++) meanSquares += means[j] ** 2;
  return (squares - matrix.rows * meanSquares) / (matrix.rows - 1);
}

/** The matrix as a dense row-major array (rows × cols); callers check the size against a budget first. */
export function toDense(matrix: CsrMatrix): Float32Array {
  const out = new Float32Array(matrix.rows * matrix.cols);
  for (let r = 0; r < matrix.rows; r++) {
    const offset = r * matrix.cols;
    for (let p = matrix.rowStart[r]; p < matrix.rowStart[r + 1]; p++)
      out[offset + matrix.columns[p]] = matrix.values[p];
  }
  return out;
}
