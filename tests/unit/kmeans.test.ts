import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/sklearn-fixture';
import { createRng } from '../../src/lib/rng';
import { adjustedRandIndex } from '../../src/stages/cluster/compute/agreement';
import { kMeans, kMeansPlusPlus } from '../../src/stages/cluster/compute/kmeans';
import { DensePoints, SparsePoints } from '../../src/stages/cluster/compute/point-set';
import { silhouetteBasis } from '../../src/stages/cluster/compute/silhouette';
import { buildMovieUserMatrix } from '../../src/stages/explore/compute/movie-user-matrix';
import { ratingsFromTriples } from '../helpers/ratings';

const options = { nInit: 4, maxIterations: 300, tolerance: 1e-4, seed: 7 };

/** `clusters` blobs of `size` points in `d` dimensions, spread 1, centres at least 12 apart. */
function blobs(clusters: number, size: number, d: number, seed: number) {
  const rng = createRng(seed);
  const centres: number[][] = [];
  while (centres.length < clusters) {
    const centre = Array.from({ length: d }, () => rng.normal() * 20);
    const apart = centres.every((c) => Math.hypot(...c.map((x, j) => x - centre[j])) >= 12);
    if (apart) centres.push(centre);
  }
  const values: number[] = [];
  const planted: number[] = [];
  for (let c = 0; c < clusters; c++)
    for (let i = 0; i < size; i++) {
      centres[c].forEach((x) => values.push(x + rng.normal()));
      planted.push(c);
    }
  return { points: new DensePoints(Float64Array.from(values), clusters * size, d), planted };
}

function squaredDistance(
  points: DensePoints,
  i: number,
  centre: ArrayLike<number>,
  offset: number,
) {
  let sum = 0;
  for (let j = 0; j < points.dimensions; j++)
    sum += (points.values[i * points.dimensions + j] - centre[offset + j]) ** 2;
  return sum;
}

/** Textbook Lloyd: assign every point to its nearest centre, move centres to the means, until no change. */
function plainLloyd(points: DensePoints, centres: Float64Array, k: number) {
  const d = points.dimensions;
  const labels = new Int32Array(points.count).fill(-1);
  for (;;) {
    let changed = false;
    for (let i = 0; i < points.count; i++) {
      let best = 0;
      for (let c = 1; c < k; c++)
        if (
          squaredDistance(points, i, centres, c * d) < squaredDistance(points, i, centres, best * d)
        )
          best = c;
      if (labels[i] !== best) changed = true;
      labels[i] = best;
    }
    if (!changed) return labels;
    centres.fill(0);
    const counts = new Array(k).fill(0);
    for (let i = 0; i < points.count; i++) {
      counts[labels[i]]++;
      for (let j = 0; j < d; j++) centres[labels[i] * d + j] += points.values[i * d + j];
    }
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) centres[c * d + j] /= counts[c];
  }
}

describe('K-Means', () => {
  it('finds planted, well-separated blobs exactly', async () => {
    for (const [clusters, d, seed] of [
      [5, 10, 1],
      [12, 50, 2],
      [20, 3, 3],
    ]) {
      const { points, planted } = blobs(clusters, 40, d, seed);
      const result = await kMeans(points, { ...options, k: clusters, nInit: 10 });
      expect(adjustedRandIndex(planted, result.labels)).toBe(1);
    }
  });

  it('reaches scikit-learn’s inertia on its blobs', async () => {
    const { points: rows, planted, kmeansInertia } = fixture.blobs;
    const points = new DensePoints(Float64Array.from(rows.flat()), rows.length, 2);
    const result = await kMeans(points, { ...options, k: 3 });
    expect(adjustedRandIndex(planted, result.labels)).toBe(1);
    expect(result.inertia).toBeCloseTo(kmeansInertia, 9);
  });

  it('reports an inertia that matches a brute-force evaluation, with centres at the cluster means', async () => {
    const { points } = blobs(6, 30, 4, 9);
    // Overlapping clusters (k ≠ planted), so that the assignment is not trivial.
    const result = await kMeans(points, { ...options, k: 9, tolerance: 0 });
    const d = points.dimensions;
    let bruteForce = 0;
    for (let i = 0; i < points.count; i++) {
      const distances = Array.from({ length: 9 }, (_, c) =>
        squaredDistance(points, i, result.centres, c * d),
      );
      bruteForce += Math.min(...distances);
      expect(distances[result.labels[i]]).toBe(Math.min(...distances));
    }
    expect(result.inertia).toBeCloseTo(bruteForce, 8);
    for (let c = 0; c < 9; c++) {
      const members = Array.from(result.labels.keys()).filter((i) => result.labels[i] === c);
      for (let j = 0; j < d; j++) {
        const mean = members.reduce((s, i) => s + points.values[i * d + j], 0) / members.length;
        expect(result.centres[c * d + j]).toBeCloseTo(mean, 9);
      }
    }
  });

  it('gives the same clustering as plain Lloyd from the same seeding (Elkan’s bounds skip, never change)', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const { points } = blobs(8, 25, 6, seed + 20);
      const k = 11;
      const result = await kMeans(points, { ...options, k, nInit: 1, tolerance: 0, seed });
      const seeds = kMeansPlusPlus(points, k, createRng(seed).fork(0));
      const centres = new Float64Array(k * points.dimensions);
      seeds.forEach((s, c) => points.addTo(s, centres, c * points.dimensions, 1));
      expect(Array.from(result.labels)).toEqual(Array.from(plainLloyd(points, centres, k)));
    }
  });

  it('seeds from a matrix of point distances, when given one, and still ends where plain Lloyd does', async () => {
    const { points } = blobs(8, 25, 6, 31);
    const distances = silhouetteBasis(points).distances;
    const k = 11;
    const result = await kMeans(
      points,
      { ...options, k, nInit: 1, tolerance: 0, seed: 2 },
      {},
      distances,
    );
    const seeds = kMeansPlusPlus(points, k, createRng(2).fork(0), distances);
    const centres = new Float64Array(k * points.dimensions);
    seeds.forEach((s, c) => points.addTo(s, centres, c * points.dimensions, 1));
    expect(Array.from(result.labels)).toEqual(Array.from(plainLloyd(points, centres, k)));
    await expect(kMeans(points, { ...options, k }, {}, new Float32Array(4))).rejects.toThrow(
      /does not match/,
    );
  });

  it('gives the same result on sparse rows as on dense ones', async () => {
    const rng = createRng(5);
    const triples: [number, number, number][] = [];
    for (let m = 0; m < 60; m++)
      for (let u = 0; u < 40; u++)
        if (rng.next() < (u % 3 === m % 3 ? 0.7 : 0.1)) triples.push([u, m, 1 + rng.int(5)]);
    const { matrix } = buildMovieUserMatrix(
      ratingsFromTriples(triples, { users: 40, movies: 60 }),
      {
        values: 'raw',
        sampleRatings: null,
        seed: 1,
      },
    );
    const dense = new Float64Array(60 * 40);
    for (let r = 0; r < 60; r++)
      for (let p = matrix.rowStart[r]; p < matrix.rowStart[r + 1]; p++)
        dense[r * 40 + matrix.columns[p]] = matrix.values[p];
    const a = await kMeans(new SparsePoints(matrix), { ...options, k: 3 });
    const b = await kMeans(new DensePoints(dense, 60, 40), { ...options, k: 3 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.inertia).toBeCloseTo(b.inertia, 8);
  });

  it('is identical for the same seed', async () => {
    const { points } = blobs(6, 30, 4, 11);
    const a = await kMeans(points, { ...options, k: 8 });
    const b = await kMeans(points, { ...options, k: 8 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.inertia).toBe(b.inertia);
  });

  it('refuses more clusters than points', async () => {
    const { points } = blobs(2, 3, 2, 1);
    await expect(kMeans(points, { ...options, k: 7 })).rejects.toThrow(/7 clusters of 6 points/);
  });
});
