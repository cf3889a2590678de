import { describe, expect, it } from 'vitest';
import { createRng, shuffleInPlace } from '../../src/lib/rng';

describe('seeded random numbers', () => {
  it('repeat for a seed and differ between seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('are uniform and normal enough for simulation', () => {
    const rng = createRng(7);
    const n = 200_000;
    let sum = 0;
    let sumNormal = 0;
    let sumSquares = 0;
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      sum += u;
      buckets[Math.floor(u * 10)]++;
      const z = rng.normal();
      sumNormal += z;
      sumSquares += z * z;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    buckets.forEach((count) => expect(Math.abs(count / n - 0.1)).toBeLessThan(0.005));
    expect(sumNormal / n).toBeCloseTo(0, 1);
    expect(sumSquares / n).toBeCloseTo(1, 1);
  });

  it('shuffle keeps every element and depends on the seed', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = shuffleInPlace([...items], createRng(1));
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    expect(shuffleInPlace([...items], createRng(1))).toEqual(shuffled);
  });
});
