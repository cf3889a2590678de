import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/lib/rng';
import {
  orthonormalizeColumns,
  symmetricEigen,
  times,
  transposeTimes,
} from '../../src/stages/explore/compute/small-linalg';

function randomMatrix(rows: number, cols: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: rows * cols }, () => rng.normal());
}

describe('small dense linear algebra', () => {
  it('orthonormalizes a block, keeping its span', () => {
    const block = randomMatrix(40, 6, 1);
    const q = Float64Array.from(block);
    orthonormalizeColumns(q, 40, 6);
    const gram = transposeTimes(q, q, 40, 6, 6);
    for (let i = 0; i < 6; i++)
      for (let j = 0; j < 6; j++) expect(gram[i * 6 + j]).toBeCloseTo(i === j ? 1 : 0, 12);
    // Projecting the original block onto span(Q) gives it back.
    const projected = times(q, transposeTimes(q, block, 40, 6, 6), 40, 6, 6);
    for (let i = 0; i < block.length; i++) expect(projected[i]).toBeCloseTo(block[i], 10);
  });

  it('decomposes a symmetric matrix exactly (Jacobi)', () => {
    const a = randomMatrix(12, 8, 2);
    const sym = transposeTimes(a, a, 12, 8, 8);
    const { values, vectors } = symmetricEigen(sym, 8);
    for (let i = 1; i < 8; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
    // V Λ Vᵀ = A and Vᵀ V = I.
    const vtv = transposeTimes(vectors, vectors, 8, 8, 8);
    for (let i = 0; i < 8; i++)
      for (let j = 0; j < 8; j++) {
        let sum = 0;
        for (let c = 0; c < 8; c++) sum += vectors[i * 8 + c] * values[c] * vectors[j * 8 + c];
        expect(sum).toBeCloseTo(sym[i * 8 + j], 9);
        expect(vtv[i * 8 + j]).toBeCloseTo(i === j ? 1 : 0, 12);
      }
  });

  it('finds hand-checked eigenvalues', () => {
    // [[2, 1], [1, 2]] has eigenvalues 3 and 1 with vectors (1, 1)/√2 and (1, −1)/√2.
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(Math.abs(vectors[0])).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors[0] * vectors[2]).toBeCloseTo(0.5, 14);
  });
});
