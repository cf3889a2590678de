import type * as TfCore from '@tensorflow/tfjs-core';
import { toDense, type CsrMatrix } from './movie-user-matrix';

/**
 * A matrix seen only through its products with thin blocks, which is all that randomized PCA, sparse PCA
 * and NMF need. Blocks are float64, row-major. Products of the big matrix may run in float32 (tfjs).
 */
export interface MatrixOperator {
  readonly rows: number;
  readonly cols: number;
  /** How the products run, for the page and the benchmark, e.g. "tfjs wasm, dense". */
  readonly engine: string;
  /** `A X` for X of cols × width; returns rows × width. */
  times(x: Float64Array, width: number): Promise<Float64Array>;
  /** `Aᵀ Y` for Y of rows × width; returns cols × width. */
  transposeTimes(y: Float64Array, width: number): Promise<Float64Array>;
  /** Frees what the operator holds (tensors). */
  dispose(): void;
}

/** Products by plain loops over the sparse rows: cost proportional to the non-zeros. */
export function sparseOperator(matrix: CsrMatrix): MatrixOperator {
  const { rows, cols, rowStart, columns, values } = matrix;
  return {
    rows,
    cols,
    engine: 'typed-array loops, sparse',
    times: async (x, width) => {
      const out = new Float64Array(rows * width);
      for (let r = 0; r < rows; r++) {
        const o = r * width;
        for (let p = rowStart[r]; p < rowStart[r + 1]; p++) {
          const a = values[p];
          const xo = columns[p] * width;
          for (let j = 0; j < width; j++) out[o + j] += a * x[xo + j];
        }
      }
      return out;
    },
    transposeTimes: async (y, width) => {
      const out = new Float64Array(cols * width);
      for (let r = 0; r < rows; r++) {
        const yo = r * width;
        for (let p = rowStart[r]; p < rowStart[r + 1]; p++) {
          const a = values[p];
          const o = columns[p] * width;
          for (let j = 0; j < width; j++) out[o + j] += a * y[yo + j];
        }
      }
      return out;
    },
    dispose: () => undefined,
  };
}

/**
 * Products by tfjs matMul on the active backend, with the matrix and its transpose stored dense on it.
 * `Aᵀ Y` multiplies by the stored transpose rather than asking matMul to transpose: a transposed matMul on
 * tfjs-wasm 4.22 runs ~10× slower than an untransposed one (docs/tfjs-notes.md), and `(Yᵀ A)ᵀ` measured 1.5×
 * slower than `Aᵀ Y` at 2,000 × 10,000.
 */
export function tensorOperator(matrix: CsrMatrix, tf: TensorModule): MatrixOperator {
  const { rows, cols } = matrix;
  const dense = tf.tensor2d(toDense(matrix), [rows, cols]);
  const transposed = tf.transpose(dense);
  return {
    rows,
    cols,
    engine: `tfjs ${tf.getBackend()}, dense`,
    times: (x, width) => product(tf, dense, x, cols, width),
    transposeTimes: (y, width) => product(tf, transposed, y, rows, width),
    dispose: () => {
      dense.dispose();
      transposed.dispose();
    },
  };
}

async function product(
  tf: TensorModule,
  matrix: TfCore.Tensor2D,
  block: Float64Array,
  inner: number,
  width: number,
): Promise<Float64Array> {
  const result = tf.tidy(() =>
    tf.matMul(matrix, tf.tensor2d(Float32Array.from(block), [inner, width])),
  );
  const data = await result.data();
  result.dispose();
  return Float64Array.from(data);
}

/**
 * Matrices whose two dense float32 copies (the matrix and its transpose) would exceed this stay sparse:
 * 512 MiB holds 64 million cells twice (e.g. 2,000 movies × 32,000 users).
 */
export const DENSE_BUDGET_BYTES = 512 * 1024 * 1024;

/** tfjs-core, passed in rather than imported so that it loads only when a product needs it. */
export type TensorModule = typeof TfCore;

export interface OperatorChoice {
  /** tfjs with a ready backend for the dense products (the data worker and the CLI load it); null: loops. */
  tf: TensorModule | null;
  denseBudgetBytes?: number;
}

/**
 * Below this share of non-zero cells, loops over the sparse rows beat tfjs-wasm's dense matMul. Measured
 * once for one product of 2,000 × 10,000 by 10,000 × 60 in Node: sparse loops 70 ms at 3% density, 243 ms
 * at 10%; tfjs-wasm dense 86 ms whatever the density (a 20,000-rating sub-sample is 0.1% dense).
 */
export const DENSE_MIN_DENSITY = 0.03;

/** tfjs dense products for dense enough matrices that fit the budget, loops over the sparse rows otherwise. */
export function chooseOperator(matrix: CsrMatrix, choice: OperatorChoice): MatrixOperator {
  const cells = matrix.rows * matrix.cols;
  const fits = 2 * cells * 4 <= (choice.denseBudgetBytes ?? DENSE_BUDGET_BYTES);
  const denseEnough = matrix.values.length >= DENSE_MIN_DENSITY * cells;
  return choice.tf && fits && denseEnough
    ? tensorOperator(matrix, choice.tf)
    : sparseOperator(matrix);
}

/**
 * The column-centred matrix `A − 1 μᵀ`, without forming it: the rank-one correction is applied to each
 * product, so the sparse matrix stays sparse. The base stays its creator's to dispose.
 */
export function centredOperator(base: MatrixOperator, columnMean: Float64Array): MatrixOperator {
  const { rows, cols } = base;
  return {
    rows,
    cols,
    engine: base.engine,
    async times(x, width) {
      const out = await base.times(x, width);
      const shift = new Float64Array(width); // μᵀ X
      for (let c = 0; c < cols; c++) {
        const m = columnMean[c];
        if (m === 0) continue;
        for (let j = 0; j < width; j++) shift[j] += m * x[c * width + j];
      }
      for (let r = 0; r < rows; r++) for (let j = 0; j < width; j++) out[r * width + j] -= shift[j];
      return out;
    },
    async transposeTimes(y, width) {
      const out = await base.transposeTimes(y, width);
      const sums = new Float64Array(width); // 1ᵀ Y
      for (let r = 0; r < rows; r++) for (let j = 0; j < width; j++) sums[j] += y[r * width + j];
      for (let c = 0; c < cols; c++) {
        const m = columnMean[c];
        if (m === 0) continue;
        for (let j = 0; j < width; j++) out[c * width + j] -= m * sums[j];
      }
      return out;
    },
    dispose: () => undefined,
  };
}
