import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/lib/rng';
import { sparseOperator, tensorOperator } from '../../src/stages/explore/compute/matrix-operator';
import { buildMovieUserMatrix, toDense } from '../../src/stages/explore/compute/movie-user-matrix';
import { nmf, DEFAULT_NMF_OPTIONS } from '../../src/stages/explore/compute/nmf';
import { ratingsFromTriples } from '../helpers/ratings';
import { tensorModule, useWasmBackend } from '../helpers/tensor-backend';

beforeAll(useWasmBackend);

function randomRatings(movies: number, users: number, seed: number) {
  const rng = createRng(seed);
  const triples: [number, number, number][] = [];
  for (let m = 0; m < movies; m++)
    for (let u = 0; u < users; u++) if (rng.next() < 0.3) triples.push([u, m, 1 + rng.int(5)]);
  return buildMovieUserMatrix(ratingsFromTriples(triples, { users, movies }), {
    values: 'raw',
    sampleRatings: null,
    seed: 1,
  }).matrix;
}

function squaredNorm(values: Float32Array): number {
  return values.reduce((s, x) => s + x * x, 0);
}

describe('NMF by multiplicative updates', () => {
  it('never increases the reconstruction error, which equals ‖A − WH‖ computed directly', async () => {
    for (const seed of [1, 2, 3]) {
      const matrix = randomRatings(40, 30, seed);
      const result = await nmf(sparseOperator(matrix), squaredNorm(matrix.values), {
        ...DEFAULT_NMF_OPTIONS,
        components: 4,
        maxIterations: 150,
        tolerance: 0,
        seed,
      });
      expect(result.errors.length).toBe(150);
      for (let i = 1; i < result.errors.length; i++)
        expect(result.errors[i]).toBeLessThanOrEqual(result.errors[i - 1] * (1 + 1e-12));
      expect(result.errors[149]).toBeLessThan(result.errors[0]);
      expect(result.w.every((x) => x >= 0) && result.ht.every((x) => x >= 0)).toBe(true);
      // ‖A − W H‖ from the dense matrix and the factors, cell by cell.
      const dense = toDense(matrix);
      let squares = 0;
      for (let m = 0; m < 40; m++)
        for (let u = 0; u < 30; u++) {
          let product = 0;
          for (let c = 0; c < 4; c++) product += result.w[m * 4 + c] * result.ht[u * 4 + c];
          squares += (dense[m * 30 + u] - product) ** 2;
        }
      expect(result.errors[149]).toBeCloseTo(Math.sqrt(squares), 8);
    }
  });

  it('gives the same factors on tfjs as with loops, up to float32 rounding', async () => {
    const matrix = randomRatings(30, 25, 9);
    const options = { ...DEFAULT_NMF_OPTIONS, components: 3, maxIterations: 40, tolerance: 0 };
    const loops = await nmf(sparseOperator(matrix), squaredNorm(matrix.values), options);
    const op = tensorOperator(matrix, tensorModule);
    const tensors = await nmf(op, squaredNorm(matrix.values), options);
    op.dispose();
    expect(Math.abs(tensors.errors[39] / loops.errors[39] - 1)).toBeLessThan(1e-4);
  });

  it('stops once the error no longer improves, and is identical for the same seed', async () => {
    const matrix = randomRatings(30, 20, 4);
    const run = () => nmf(sparseOperator(matrix), squaredNorm(matrix.values), DEFAULT_NMF_OPTIONS);
    const a = await run();
    const b = await run();
    expect(a.errors.length).toBeLessThan(DEFAULT_NMF_OPTIONS.maxIterations);
    expect(Array.from(a.w)).toEqual(Array.from(b.w));
  });
});
