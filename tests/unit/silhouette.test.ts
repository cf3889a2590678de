import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/sklearn-fixture';
import { createRng } from '../../src/lib/rng';
import { bestSilhouetteK, elbowK } from '../../src/stages/cluster/compute/elbow';
import { DensePoints } from '../../src/stages/cluster/compute/point-set';
import { meanSilhouette, silhouetteBasis } from '../../src/stages/cluster/compute/silhouette';

/** Silhouette straight from its definition, O(n²) per point set. */
function directSilhouette(points: number[][], labels: number[]): number {
  const distance = (a: number[], b: number[]) =>
    Math.sqrt(a.reduce((s, x, j) => s + (x - b[j]) ** 2, 0));
  const clusters = [...new Set(labels)];
  let total = 0;
  points.forEach((p, i) => {
    const mean = (c: number) => {
      const others = points.filter((_, j) => labels[j] === c && j !== i);
      return others.reduce((s, q) => s + distance(p, q), 0) / others.length;
    };
    if (labels.filter((l) => l === labels[i]).length === 1) return; // a lone point scores 0
    const a = mean(labels[i]);
    const b = Math.min(...clusters.filter((c) => c !== labels[i]).map(mean));
    total += (b - a) / Math.max(a, b);
  });
  return total / points.length;
}

function randomPoints(n: number, d: number, k: number, seed: number) {
  const rng = createRng(seed);
  const rows = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
  const labels = Array.from({ length: n }, () => rng.int(k));
  labels[0] = k; // one cluster of a single point
  return { rows, labels, points: new DensePoints(Float64Array.from(rows.flat()), n, d) };
}

describe('silhouette', () => {
  it('equals a direct O(n²) computation', () => {
    for (const seed of [1, 2, 3]) {
      const { rows, labels, points } = randomPoints(80, 5, 4, seed);
      const basis = silhouetteBasis(points);
      expect(basis.sampleSize).toBeNull();
      expect(meanSilhouette(basis, Int32Array.from(labels), 5)).toBeCloseTo(
        directSilhouette(rows, labels),
        6,
      );
    }
  });

  it('matches scikit-learn’s silhouette_score', () => {
    const { points: rows, imperfectLabels, imperfectSilhouette } = fixture.blobs;
    const basis = silhouetteBasis(new DensePoints(Float64Array.from(rows.flat()), rows.length, 2));
    expect(meanSilhouette(basis, Int32Array.from(imperfectLabels), 3)).toBeCloseTo(
      imperfectSilhouette,
      6,
    );
  });

  it('above the limit, is the exact silhouette of a seeded sample of that size', () => {
    const { rows, labels, points } = randomPoints(120, 3, 3, 4);
    const basis = silhouetteBasis(points, 50, 9);
    expect(basis.sampleSize).toBe(50);
    expect(basis.chosen.length).toBe(50);
    expect(new Set(basis.chosen).size).toBe(50);
    const chosen = Array.from(basis.chosen);
    expect(meanSilhouette(basis, Int32Array.from(labels), 4)).toBeCloseTo(
      directSilhouette(
        chosen.map((i) => rows[i]),
        chosen.map((i) => labels[i]),
      ),
      6,
    );
    expect(Array.from(silhouetteBasis(points, 50, 9).chosen)).toEqual(chosen);
  });

  it('is undefined (NaN) for a single cluster', () => {
    const { points } = randomPoints(10, 2, 1, 5);
    expect(meanSilhouette(silhouetteBasis(points), new Int32Array(10), 1)).toBeNaN();
  });
});

describe('choosing k', () => {
  it('finds the elbow where the inertia curve bends most', () => {
    // Scaled: x = 0, .2, …, 1; y = 1, .444, .111, .056, .022, 0; the chord 1 − x is highest above k = 3.
    expect(elbowK([1, 2, 3, 4, 5, 6], [100, 50, 20, 15, 12, 10])).toBe(3);
    expect(elbowK([1, 2], [5, 1])).toBeNull();
    expect(elbowK([1, 2, 3], [5, 5, 5])).toBeNull();
  });

  it('suggests the best silhouette, the smaller k on ties', () => {
    expect(bestSilhouetteK([7, 8, 9, 10], [0.2, 0.4, 0.4, 0.1])).toBe(8);
    expect(bestSilhouetteK([7, 8], [NaN, NaN])).toBeNull();
  });
});
