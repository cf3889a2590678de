import { checkpoints, type LoopHooks } from './hooks';
import type { MatrixOperator } from './matrix-operator';

export interface SparsePcaOptions {
  components: number;
  /** Share of the loadings (one per column, i.e. per user) each axis may use; the rest are exactly 0. */
  density: number;
  maxIterations: number;
  /** Stop when the unit axis moves less than this (Euclidean) between iterations. */
  tolerance: number;
}

export const DEFAULT_SPARSE_PCA_OPTIONS: SparsePcaOptions = {
  components: 2,
  density: 0.1,
  maxIterations: 100,
  tolerance: 1e-6,
};

export interface SparsePcaResult {
  /** Rows × components, row-major: each row projected on the unit sparse axes. */
  scores: Float64Array;
  components: number;
  /** The unit sparse axes, cols × components row-major. */
  axes: Float64Array;
  /** Non-zero loadings of each axis. */
  nonZeros: Int32Array;
  /** Variance of each projection as a share of the total variance. */
  varianceRatio: Float64Array;
  iterations: Int32Array;
}

/**
 * Sparse PCA by regularized rank-one SVD (Shen & Huang 2008, "sPCA-rSVD"), one axis at a time with
 * deflation: alternate u = X v / ‖X v‖ and v = soft(Xᵀ u, λ). Instead of a fixed L1 penalty λ, each
 * iteration sets λ to the quantile of |Xᵀ u| that keeps `density` of the loadings, which makes sparsity
 * a share a person can reason about. scikit-learn's SparsePCA (what the report used) has the same aim,
 * components with few non-zero loadings, by dictionary learning with an L1 penalty.
 * `start` holds one dense starting axis per component (cols × components, e.g. PCA's axes).
 */
export async function sparsePca(
  op: MatrixOperator,
  totalVariance: number,
  start: Float64Array,
  options: SparsePcaOptions,
  hooks: LoopHooks = {},
): Promise<SparsePcaResult> {
  const { rows, cols } = op;
  const components = options.components;
  const pause = checkpoints(hooks);
  const scores = new Float64Array(rows * components);
  const axes = new Float64Array(cols * components);
  const nonZeros = new Int32Array(components);
  const varianceRatio = new Float64Array(components);
  const iterations = new Int32Array(components);
  const keep = Math.max(1, Math.round(options.density * cols));
  // Rank-one terms removed so far: X_c = X − Σ u_i v_iᵀ.
  const removedU: Float64Array[] = [];
  const removedV: Float64Array[] = [];

  const deflatedTimes = async (v: Float64Array) => {
    const out = await op.times(v, 1);
    removedU.forEach((u, i) => {
      const dot = vectorDot(removedV[i], v);
      for (let r = 0; r < rows; r++) out[r] -= u[r] * dot;
    });
    return out;
  };
  const deflatedTransposeTimes = async (u: Float64Array) => {
    const out = await op.transposeTimes(u, 1);
    removedV.forEach((v, i) => {
      const dot = vectorDot(removedU[i], u);
      for (let c = 0; c < cols; c++) out[c] -= v[c] * dot;
    });
    return out;
  };

  for (let component = 0; component < components; component++) {
    let axis: Float64Array = new Float64Array(cols);
    for (let c = 0; c < cols; c++) axis[c] = start[c * components + component];
    axis = softThreshold(axis, keep);
    let loadings = axis;
    let u: Float64Array = new Float64Array(rows);
    for (let it = 0; it < options.maxIterations; it++) {
      await pause();
      iterations[component] = it + 1;
      u = normalized(await deflatedTimes(axis));
      loadings = softThreshold(await deflatedTransposeTimes(u), keep);
      const next = normalized(loadings);
      const moved = Math.sqrt(next.reduce((sum, x, c) => sum + (x - axis[c]) ** 2, 0));
      axis = next;
      if (moved < options.tolerance) break;
    }
    removedU.push(u);
    removedV.push(loadings);
    nonZeros[component] = axis.reduce((n, x) => n + (x !== 0 ? 1 : 0), 0);
    axis.forEach((x, c) => (axes[c * components + component] = x));
    const projection = await op.times(axis, 1);
    let squares = 0;
    for (let r = 0; r < rows; r++) {
      scores[r * components + component] = projection[r];
      squares += projection[r] ** 2;
    }
    varianceRatio[component] =
      totalVariance > 0 ? squares / Math.max(1, rows - 1) / totalVariance : 0;
  }
  return { scores, components, axes, nonZeros, varianceRatio, iterations };
}

/** Soft-thresholds at the level that leaves the `keep` largest magnitudes non-zero. */
function softThreshold(values: Float64Array, keep: number): Float64Array {
  if (keep >= values.length) return values;
  const magnitudes = Float64Array.from(values, Math.abs).sort();
  const lambda = magnitudes[values.length - keep - 1];
  return values.map((x) => (Math.abs(x) > lambda ? x - Math.sign(x) * lambda : 0));
}

function normalized(values: Float64Array): Float64Array {
  const length = Math.sqrt(vectorDot(values, values));
  return length > 0 ? values.map((x) => x / length) : values;
}

function vectorDot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}
