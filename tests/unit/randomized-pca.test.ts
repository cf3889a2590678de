import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/sklearn-fixture';
import { createRng } from '../../src/lib/rng';
import {
  centredOperator,
  sparseOperator,
  tensorOperator,
  type MatrixOperator,
} from '../../src/stages/explore/compute/matrix-operator';
import {
  buildMovieUserMatrix,
  columnMeans,
  totalVariance,
  type CsrMatrix,
} from '../../src/stages/explore/compute/movie-user-matrix';
import { randomizedPca, type PcaOptions } from '../../src/stages/explore/compute/randomized-pca';
import { symmetricEigen } from '../../src/stages/explore/compute/small-linalg';
import { ratingsFromTriples, triplesFromDense } from '../helpers/ratings';
import { tensorModule, useWasmBackend } from '../helpers/tensor-backend';

beforeAll(useWasmBackend);

function csrFromDense(rows: number[][]): CsrMatrix {
  return buildMovieUserMatrix(
    ratingsFromTriples(triplesFromDense(rows), { users: rows[0].length, movies: rows.length }),
    {
      values: 'raw',
      sampleRatings: null,
      seed: 1,
    },
  ).matrix;
}

/** A random sparse-ish matrix with a few strong directions, so that the top components are well separated. */
function randomRows(rows: number, cols: number, seed: number): number[][] {
  const rng = createRng(seed);
  const factors = Array.from({ length: 3 }, () => Array.from({ length: cols }, () => rng.normal()));
  return Array.from({ length: rows }, () => {
    const weights = factors.map((_, f) => rng.normal() * (4 - f));
    return Array.from({ length: cols }, (_, c) => {
      if (rng.next() < 0.4) return 0;
      const value =
        3 + weights.reduce((s, w, f) => s + w * factors[f][c] * 0.3, 0) + rng.normal() * 0.3;
      return Math.min(5, Math.max(1, Math.round(value)));
    });
  });
}

const options: PcaOptions = {
  components: 5,
  oversamples: 10,
  powerIterations: null,
  axes: 5,
  seed: 3,
};

async function pcaOf(
  matrix: CsrMatrix,
  make: (m: CsrMatrix) => MatrixOperator,
  pcaOptions = options,
) {
  const base = make(matrix);
  try {
    return await randomizedPca(
      centredOperator(base, columnMeans(matrix)),
      totalVariance(matrix),
      pcaOptions,
    );
  } finally {
    base.dispose();
  }
}

/** Largest absolute difference of two vectors compared up to sign (PCA axes have no sign of their own). */
function differenceUpToSign(a: number[], b: number[]): number {
  const same = Math.max(...a.map((x, i) => Math.abs(x - b[i])));
  const flipped = Math.max(...a.map((x, i) => Math.abs(x + b[i])));
  return Math.min(same, flipped);
}

function column(values: ArrayLike<number>, width: number, c: number): number[] {
  return Array.from({ length: values.length / width }, (_, r) => values[r * width + c]);
}

// Tolerances: relative for variances, absolute for unit axes and for scores (which are of order 1–10).
describe.each([
  ['typed-array loops (float64)', sparseOperator, { variance: 1e-9, axis: 1e-7 }],
  [
    'tfjs wasm (float32 products)',
    (matrix: CsrMatrix) => tensorOperator(matrix, tensorModule),
    { variance: 1e-5, axis: 1e-3 },
  ],
])('randomized PCA with %s', (_name, make, tolerance) => {
  it('matches scikit-learn’s exact PCA on the fixture', async () => {
    const reference = fixture.pca;
    // 5 + 15 random directions span all 20 columns, so the result is exact, as scikit-learn's 'full' PCA.
    const pca = await pcaOf(csrFromDense(reference.matrix), make, { ...options, oversamples: 15 });
    const referenceScores = reference.scores.flat();
    for (let c = 0; c < 5; c++) {
      expect(Math.abs(pca.explainedVariance[c] / reference.explainedVariance[c] - 1)).toBeLessThan(
        tolerance.variance,
      );
      expect(
        Math.abs(pca.explainedVarianceRatio[c] / reference.explainedVarianceRatio[c] - 1),
      ).toBeLessThan(tolerance.variance);
      expect(differenceUpToSign(column(pca.axes, 5, c), reference.axes[c])).toBeLessThan(
        tolerance.axis,
      );
      expect(
        differenceUpToSign(column(pca.scores, 5, c), column(referenceScores, 5, c)),
      ).toBeLessThan(tolerance.axis * 10);
    }
  });

  // With as many random directions as columns the range finder spans everything and the result is exact;
  // with the default 10 extra directions it is an approximation, checked more loosely.
  it.each([
    ['all directions', 40, tolerance],
    ['10 extra directions', 10, { variance: 1e-4, axis: 1e-2 }],
  ])(
    'matches an exact eigen-decomposition of random matrices (%s)',
    async (_label, oversamples, within) => {
      for (const seed of [11, 12, 13]) {
        const rows = randomRows(60, 40, seed);
        const pca = await pcaOf(csrFromDense(rows), make, {
          ...options,
          components: 3,
          axes: 3,
          oversamples,
        });
        // The covariance of the columns, exactly, and its eigenvectors.
        const n = rows.length;
        const means = Array.from(
          { length: 40 },
          (_, c) => rows.reduce((s, row) => s + row[c], 0) / n,
        );
        const covariance = new Float64Array(40 * 40);
        for (let i = 0; i < 40; i++)
          for (let j = 0; j < 40; j++)
            covariance[i * 40 + j] =
              rows.reduce((s, row) => s + (row[i] - means[i]) * (row[j] - means[j]), 0) / (n - 1);
        const exact = symmetricEigen(covariance, 40);
        const total = exact.values.reduce((s, v) => s + v, 0);
        for (let c = 0; c < 3; c++) {
          expect(Math.abs(pca.explainedVariance[c] / exact.values[c] - 1)).toBeLessThan(
            within.variance,
          );
          expect(
            Math.abs(pca.explainedVarianceRatio[c] / (exact.values[c] / total) - 1),
          ).toBeLessThan(within.variance);
          expect(
            differenceUpToSign(column(pca.axes, 3, c), column(exact.vectors, 40, c)),
          ).toBeLessThan(within.axis);
        }
      }
    },
  );
});

describe('randomized PCA', () => {
  it('is identical for the same seed', async () => {
    const matrix = csrFromDense(randomRows(50, 30, 5));
    const a = await pcaOf(matrix, sparseOperator);
    const b = await pcaOf(matrix, sparseOperator);
    expect(Array.from(a.scores)).toEqual(Array.from(b.scores));
  });
});
