import { createRng } from '../../../lib/rng';
import { checkpoints, type LoopHooks } from './hooks';
import type { MatrixOperator } from './matrix-operator';
import { orthonormalizeColumns, symmetricEigen, times, transposeTimes } from './small-linalg';

export interface PcaOptions {
  components: number;
  /** Extra random directions beyond `components` (Halko et al. 2011 recommend 5–10). */
  oversamples: number;
  /** Subspace (power) iterations; null chooses as scikit-learn does: 7 for few components, else 4. */
  powerIterations: number | null;
  /** How many principal axes (loadings over the columns) to return; they cost a product each. */
  axes: number;
  seed: number;
}

export const DEFAULT_PCA_OPTIONS: PcaOptions = {
  components: 50,
  oversamples: 10,
  powerIterations: null,
  axes: 0,
  seed: 1,
};

export interface PcaResult {
  /** Rows × components, row-major: each row's coordinates on the principal axes (U Σ). */
  scores: Float64Array;
  components: number;
  singularValues: Float64Array;
  /** Variance along each axis, σ² / (rows − 1). */
  explainedVariance: Float64Array;
  /** Share of the total variance along each axis. */
  explainedVarianceRatio: Float64Array;
  /** The first `axes` principal axes, cols × axes row-major, unit length. */
  axes: Float64Array;
  powerIterations: number;
}

export type PcaProgress = { step: number; steps: number };

/**
 * PCA of an already centred operator by randomized SVD (Halko, Martinsson & Tropp 2011, algorithm 4.4 with
 * the row-side basis re-orthonormalized after every power step). Only the thin rows × l blocks are
 * orthonormalized: the big products go through the operator, everything l × l is exact float64.
 * `totalVariance` is the sum of the column variances, to turn variances into ratios.
 */
export async function randomizedPca(
  op: MatrixOperator,
  totalVariance: number,
  options: PcaOptions,
  hooks: LoopHooks & { onProgress?: (progress: PcaProgress) => void } = {},
): Promise<PcaResult> {
  const { rows, cols } = op;
  const components = Math.max(0, Math.min(options.components, rows, cols));
  const width = Math.min(components + options.oversamples, rows, cols);
  const powerIterations =
    options.powerIterations ?? (components < 0.1 * Math.min(rows, cols) ? 7 : 4);
  const pause = checkpoints(hooks);
  const steps = powerIterations + 2;
  const report = (step: number) => hooks.onProgress?.({ step, steps });

  const rng = createRng(options.seed);
  const omega = new Float64Array(cols * width);
  for (let i = 0; i < omega.length; i++) omega[i] = rng.normal();
  const basis = await op.times(omega, width);
  orthonormalizeColumns(basis, rows, width);
  report(1);
  for (let it = 0; it < powerIterations; it++) {
    await pause();
    const back = await op.transposeTimes(basis, width);
    const forward = await op.times(back, width);
    basis.set(forward);
    orthonormalizeColumns(basis, rows, width);
    report(2 + it);
  }
  await pause();
  // B = Qᵀ A is width × cols; we hold Z = Bᵀ = Aᵀ Q. B Bᵀ = Zᵀ Z = V_B Σ² V_Bᵀ gives U = Q V_B.
  const z = await op.transposeTimes(basis, width);
  const eigen = symmetricEigen(transposeTimes(z, z, cols, width, width), width);
  const singularValues = new Float64Array(components);
  for (let c = 0; c < components; c++) singularValues[c] = Math.sqrt(Math.max(0, eigen.values[c]));
  const u = times(basis, eigen.vectors, rows, width, width);
  // Signs are arbitrary; fix them as scikit-learn's svd_flip does (largest |u| positive), flipping V_B's
  // column too so that the axes below agree.
  for (let c = 0; c < width; c++) {
    let largest = 0;
    for (let r = 0; r < rows; r++)
      if (Math.abs(u[r * width + c]) > Math.abs(largest)) largest = u[r * width + c];
    if (largest >= 0) continue;
    for (let r = 0; r < rows; r++) u[r * width + c] = -u[r * width + c];
    for (let q = 0; q < width; q++) eigen.vectors[q * width + c] = -eigen.vectors[q * width + c];
  }
  const scores = new Float64Array(rows * components);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < components; c++)
      scores[r * components + c] = u[r * width + c] * singularValues[c];

  // Principal axes V = Z V_B Σ⁻¹, only the few that are asked for.
  const axisCount = Math.min(options.axes, components);
  const axes = new Float64Array(cols * axisCount);
  for (let c = 0; c < axisCount; c++) {
    const inverse = singularValues[c] > 0 ? 1 / singularValues[c] : 0;
    for (let i = 0; i < cols; i++) {
      let sum = 0;
      for (let q = 0; q < width; q++) sum += z[i * width + q] * eigen.vectors[q * width + c];
      axes[i * axisCount + c] = sum * inverse;
    }
  }
  report(steps);

  const explainedVariance = singularValues.map((s) => (s * s) / Math.max(1, rows - 1));
  const explainedVarianceRatio = explainedVariance.map((v) =>
    totalVariance > 0 ? v / totalVariance : 0,
  );
  return {
    scores,
    components,
    singularValues,
    explainedVariance,
    explainedVarianceRatio,
    axes,
    powerIterations,
  };
}
