import type { RatingsData } from '../../ingest/compute/ratings-table';
import type { LoopHooks } from './hooks';
import { centredOperator, chooseOperator, type OperatorChoice } from './matrix-operator';
import {
  buildMovieUserMatrix,
  columnMeans,
  totalVariance,
  type CsrMatrix,
  type MatrixValues,
} from './movie-user-matrix';
import { DEFAULT_NMF_OPTIONS, nmf } from './nmf';
import { DEFAULT_PCA_OPTIONS, randomizedPca } from './randomized-pca';
import { DEFAULT_SPARSE_PCA_OPTIONS, sparsePca } from './sparse-pca';

export interface ExploreOptions {
  values: MatrixValues;
  /** Ratings drawn at random to build the matrix from (the report's Figure 1a: 20,000); null for all. */
  sampleRatings: number | null;
  /** Share of the users each sparse PCA axis may load on. */
  sparseDensity: number;
  /** NMF rank; the scatter shows the first two parts. */
  nmfComponents: number;
  seed: number;
}

export const DEFAULT_EXPLORE_OPTIONS: ExploreOptions = {
  values: 'centred',
  sampleRatings: 20_000,
  sparseDensity: DEFAULT_SPARSE_PCA_OPTIONS.density,
  nmfComponents: DEFAULT_NMF_OPTIONS.components,
  seed: 1,
};

/** Components whose explained variance is reported (a small scree chart). */
export const SCREE_COMPONENTS = 10;

/** Two coordinates per matrix row. */
export interface Plane {
  x: Float32Array;
  y: Float32Array;
}

export interface ExploreProjections {
  /** Subset movie index of each point (matrix row). */
  rowMovie: Int32Array;
  /** Ratings the matrix was built from, and its shape. */
  ratings: number;
  rows: number;
  cols: number;
  pca: Plane & { explainedVarianceRatio: number[] };
  sparsePca: Plane & { nonZeros: number[]; varianceRatio: number[]; density: number };
  nmf: Plane & {
    /** ‖A − WH‖_F per iteration. */
    errors: number[];
    /** The last error as a share of ‖A‖_F. */
    relativeError: number;
    /** NMF needs non-negative values: for mean-centred ratings it factorizes the stars instead. */
    values: MatrixValues;
  };
  engine: string;
}

export type ExploreProgress = { step: 'pca' | 'sparse-pca' | 'nmf'; fraction: number };

export function validateExploreOptions(options: ExploreOptions): void {
  if (
    options.sampleRatings !== null &&
    !(Number.isInteger(options.sampleRatings) && options.sampleRatings >= 100)
  )
    throw new RangeError('The sub-sample must be a whole number of at least 100 ratings.');
  if (!(options.sparseDensity > 0 && options.sparseDensity <= 1))
    throw new RangeError('The sparse PCA density must be a share between 0 and 1.');
  if (!(Number.isInteger(options.nmfComponents) && options.nmfComponents >= 2))
    throw new RangeError('NMF needs at least 2 components to draw a plane.');
}

/**
 * The Explore cell's computation: the movies × users matrix (optionally from a random sub-sample of the
 * ratings), its first two PCA, sparse PCA and NMF coordinates, and their quality figures.
 */
export async function exploreProjections(
  data: RatingsData,
  options: ExploreOptions,
  choice: OperatorChoice,
  hooks: LoopHooks & { onProgress?: (progress: ExploreProgress) => void } = {},
): Promise<ExploreProjections> {
  validateExploreOptions(options);
  const built = buildMovieUserMatrix(data, options);
  const { matrix } = built;
  if (matrix.rows < 3 || matrix.cols < 3)
    throw new RangeError(
      'The matrix is too small to project: it needs at least 3 movies and 3 users.',
    );
  const total = totalVariance(matrix);
  const base = chooseOperator(matrix, choice);
  try {
    const centred = centredOperator(base, columnMeans(matrix));
    const pca = await randomizedPca(
      centred,
      total,
      { ...DEFAULT_PCA_OPTIONS, components: SCREE_COMPONENTS, axes: 2, seed: options.seed },
      {
        ...hooks,
        onProgress: (p) => hooks.onProgress?.({ step: 'pca', fraction: p.step / p.steps }),
      },
    );
    hooks.onProgress?.({ step: 'sparse-pca', fraction: 0 });
    const sparse = await sparsePca(
      centred,
      total,
      pca.axes,
      { ...DEFAULT_SPARSE_PCA_OPTIONS, components: 2, density: options.sparseDensity },
      hooks,
    );
    hooks.onProgress?.({ step: 'nmf', fraction: 0 });
    const nmfValues: MatrixValues = options.values === 'centred' ? 'raw' : options.values;
    const nmfMatrix =
      nmfValues === options.values
        ? matrix
        : buildMovieUserMatrix(data, { ...options, values: nmfValues }).matrix;
    const nmfBase = nmfMatrix === matrix ? base : chooseOperator(nmfMatrix, choice);
    try {
      const factors = await nmf(
        nmfBase,
        squaredNorm(nmfMatrix),
        { ...DEFAULT_NMF_OPTIONS, components: options.nmfComponents, seed: options.seed },
        {
          ...hooks,
          onProgress: (p) =>
            hooks.onProgress?.({ step: 'nmf', fraction: p.iteration / p.maxIterations }),
        },
      );
      const errors = Array.from(factors.errors);
      return {
        rowMovie: built.rowMovie,
        ratings: built.ratings,
        rows: matrix.rows,
        cols: matrix.cols,
        pca: {
          ...plane(pca.scores, pca.components),
          explainedVarianceRatio: Array.from(pca.explainedVarianceRatio),
        },
        sparsePca: {
          ...plane(sparse.scores, sparse.components),
          nonZeros: Array.from(sparse.nonZeros),
          varianceRatio: Array.from(sparse.varianceRatio),
          density: options.sparseDensity,
        },
        nmf: {
          ...plane(factors.w, factors.components),
          errors,
          relativeError: factors.norm > 0 ? errors[errors.length - 1] / factors.norm : 0,
          values: nmfValues,
        },
        engine: base.engine,
      };
    } finally {
      if (nmfBase !== base) nmfBase.dispose();
    }
  } finally {
    base.dispose();
  }
}

/** The first two columns of a rows × width row-major block. */
function plane(values: Float64Array, width: number): Plane {
  const rows = values.length / width;
  const x = new Float32Array(rows);
  const y = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    x[r] = values[r * width];
    y[r] = width > 1 ? values[r * width + 1] : 0;
  }
  return { x, y };
}

function squaredNorm(matrix: CsrMatrix): number {
  let sum = 0;
  for (let p = 0; p < matrix.values.length; p++) sum += matrix.values[p] ** 2;
  return sum;
}
