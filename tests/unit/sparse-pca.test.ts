import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/lib/rng';
import { centredOperator, sparseOperator } from '../../src/stages/explore/compute/matrix-operator';
import {
  buildMovieUserMatrix,
  columnMeans,
  totalVariance,
} from '../../src/stages/explore/compute/movie-user-matrix';
import {
  DEFAULT_PCA_OPTIONS,
  randomizedPca,
} from '../../src/stages/explore/compute/randomized-pca';
import { DEFAULT_SPARSE_PCA_OPTIONS, sparsePca } from '../../src/stages/explore/compute/sparse-pca';
import { ratingsFromTriples } from '../helpers/ratings';

/** Movies of two kinds, each liked by its own third of 60 users; the rest rate at random. */
function twoGroups(seed: number) {
  const rng = createRng(seed);
  const triples: [number, number, number][] = [];
  for (let m = 0; m < 40; m++) {
    const group = m % 2;
    for (let u = 0; u < 60; u++) {
      const fan = group === 0 ? u < 20 : u >= 20 && u < 40;
      if (rng.next() < (fan ? 0.9 : 0.2)) triples.push([u, m, fan ? 5 : 1 + rng.int(3)]);
    }
  }
  return buildMovieUserMatrix(ratingsFromTriples(triples, { users: 60, movies: 40 }), {
    values: 'raw',
    sampleRatings: null,
    seed: 1,
  }).matrix;
}

describe('sparse PCA (sPCA-rSVD with a density target)', () => {
  it('loads on the chosen share of users, and those are the fans', async () => {
    const matrix = twoGroups(1);
    const op = centredOperator(sparseOperator(matrix), columnMeans(matrix));
    const total = totalVariance(matrix);
    const pca = await randomizedPca(op, total, { ...DEFAULT_PCA_OPTIONS, components: 2, axes: 2 });
    const result = await sparsePca(op, total, pca.axes, {
      ...DEFAULT_SPARSE_PCA_OPTIONS,
      density: 0.25,
    });
    expect(Array.from(result.nonZeros)).toEqual([15, 15]);
    // Movies of the two groups fall on opposite sides of the first sparse axis.
    const first = Array.from({ length: 40 }, (_, m) => result.scores[m * 2]);
    const groupMeans = [0, 1].map(
      (g) => first.filter((_, m) => m % 2 === g).reduce((s, x) => s + x, 0) / 20,
    );
    expect(Math.sign(groupMeans[0])).toBe(-Math.sign(groupMeans[1]));
    first.forEach((x, m) => expect(Math.sign(x)).toBe(Math.sign(groupMeans[m % 2])));
    // Every user the first axis loads on is a fan of one of the groups (users 0–39), none of the others.
    const loaded = Array.from({ length: 60 }, (_, u) => u).filter((u) => result.axes[u * 2] !== 0);
    expect(loaded.length).toBe(15);
    expect(loaded.every((u) => u < 40)).toBe(true);
    // A sparse axis explains no more variance than the dense one.
    expect(result.varianceRatio[0]).toBeLessThanOrEqual(pca.explainedVarianceRatio[0] + 1e-12);
  });

  it('with density 1 is ordinary PCA', async () => {
    const matrix = twoGroups(2);
    const op = centredOperator(sparseOperator(matrix), columnMeans(matrix));
    const total = totalVariance(matrix);
    const pca = await randomizedPca(op, total, { ...DEFAULT_PCA_OPTIONS, components: 2, axes: 2 });
    const result = await sparsePca(op, total, pca.axes, {
      ...DEFAULT_SPARSE_PCA_OPTIONS,
      density: 1,
      tolerance: 1e-12,
      maxIterations: 500,
    });
    for (let c = 0; c < 2; c++)
      expect(result.varianceRatio[c]).toBeCloseTo(pca.explainedVarianceRatio[c], 6);
  });
});
