import { createRng } from '../../../lib/rng';
import { checkpoints, type LoopHooks } from './hooks';
import type { MatrixOperator } from './matrix-operator';
import { transposeTimes } from './small-linalg';

export interface NmfOptions {
  components: number;
  maxIterations: number;
  /** Stop once an iteration lowers the error by less than this share of the starting error. */
  tolerance: number;
  seed: number;
}

export const DEFAULT_NMF_OPTIONS: NmfOptions = {
  components: 2,
  maxIterations: 200,
  tolerance: 1e-4,
  seed: 1,
};

export interface NmfResult {
  /** Rows × components, row-major, non-negative: each row's weight on each part. */
  w: Float64Array;
  /** Cols × components, row-major, non-negative: the parts, transposed (Hᵀ). */
  ht: Float64Array;
  components: number;
  /** ‖A − W H‖_F after each iteration (scikit-learn's `reconstruction_err_` is the last one). */
  errors: Float64Array;
  /** ‖A‖_F, to read the error as a share. */
  norm: number;
}

export type NmfProgress = { iteration: number; maxIterations: number; error: number };

/**
 * Non-negative matrix factorization A ≈ W H by Lee & Seung's multiplicative updates for the Frobenius
 * loss, which never increase ‖A − W H‖ (Lee & Seung 2001). Unrated cells count as 0, as in scikit-learn's
 * NMF of a sparse matrix. Initialized like scikit-learn's `init='random'`: |N(0, 1)| · √(mean(A) / r).
 * `squaredNorm` is ‖A‖²_F, known from the sparse matrix.
 */
export async function nmf(
  op: MatrixOperator,
  squaredNorm: number,
  options: NmfOptions,
  hooks: LoopHooks & { onProgress?: (progress: NmfProgress) => void } = {},
): Promise<NmfResult> {
  const { rows, cols } = op;
  const r = options.components;
  const pause = checkpoints(hooks);
  const rng = createRng(options.seed);
  const mean = await matrixMean(op);
  const scale = Math.sqrt(Math.max(mean, 0) / r);
  const w = Float64Array.from({ length: rows * r }, () => scale * Math.abs(rng.normal()));
  const ht = Float64Array.from({ length: cols * r }, () => scale * Math.abs(rng.normal()));
  const errors: number[] = [];
  const tiny = 1e-12;

  for (let it = 0; it < options.maxIterations; it++) {
    await pause();
    // Hᵀ ← Hᵀ ∘ (Aᵀ W) / (Hᵀ WᵀW)
    const atw = await op.transposeTimes(w, r);
    const wtw = transposeTimes(w, w, rows, r, r);
    multiplicativeStep(ht, atw, wtw, cols, r, tiny);
    // W ← W ∘ (A Hᵀ) / (W H Hᵀ)
    const aht = await op.times(ht, r);
    const hht = transposeTimes(ht, ht, cols, r, r);
    multiplicativeStep(w, aht, hht, rows, r, tiny);
    // ‖A − WH‖² = ‖A‖² − 2⟨W, A Hᵀ⟩ + ⟨WᵀW, H Hᵀ⟩, with the new W and H.
    const newWtw = transposeTimes(w, w, rows, r, r);
    let cross = 0;
    for (let i = 0; i < w.length; i++) cross += w[i] * aht[i];
    let quadratic = 0;
    for (let i = 0; i < newWtw.length; i++) quadratic += newWtw[i] * hht[i];
    const error = Math.sqrt(Math.max(0, squaredNorm - 2 * cross + quadratic));
    errors.push(error);
    hooks.onProgress?.({ iteration: it + 1, maxIterations: options.maxIterations, error });
    const start = errors[0];
    if (it > 0 && (errors[it - 1] - error) / Math.max(start, tiny) < options.tolerance) break;
  }
  return {
    w,
    ht,
    components: r,
    errors: Float64Array.from(errors),
    norm: Math.sqrt(squaredNorm),
  };
}

/** factor ← factor ∘ numerator / (factor · gram), element-wise, for factor and numerator of n × r. */
function multiplicativeStep(
  factor: Float64Array,
  numerator: Float64Array,
  gram: Float64Array,
  n: number,
  r: number,
  tiny: number,
): void {
  const row = new Float64Array(r);
  for (let i = 0; i < n; i++) {
    const o = i * r;
    for (let j = 0; j < r; j++) {
      let sum = 0;
      for (let q = 0; q < r; q++) sum += factor[o + q] * gram[q * r + j];
      row[j] = sum;
    }
    for (let j = 0; j < r; j++)
      factor[o + j] *= Math.max(0, numerator[o + j]) / Math.max(row[j], tiny);
  }
}

/** Mean of all rows × cols cells, via one product with a vector of ones. */
async function matrixMean(op: MatrixOperator): Promise<number> {
  const sums = await op.times(new Float64Array(op.cols).fill(1), 1);
  let total = 0;
  for (let i = 0; i < sums.length; i++) total += sums[i];
  return total / Math.max(1, op.rows * op.cols);
}
