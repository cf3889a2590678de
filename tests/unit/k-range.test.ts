import { describe, expect, it } from 'vitest';
import { fitKRange } from '../../src/stages/cluster/compute/k-range';

describe('the k range fitted to the subset', () => {
  it('keeps the study’s 7–30 where there are movies enough (60 or more)', () => {
    expect(fitKRange(7, 30, 2000)).toEqual({ kMin: 7, kMax: 30, note: null });
    expect(fitKRange(7, 30, 60)).toEqual({ kMin: 7, kMax: 30, note: null });
  });

  it('lowers k to to half the movies, and k from when it no longer fits below', () => {
    // 50 movies: k to 25; k from 7 still fits under it.
    const fifty = fitKRange(7, 30, 50);
    expect([fifty.kMin, fifty.kMax]).toEqual([7, 25]);
    expect(fifty.note).toBe(
      'The subset has 50 movies, so the sweep runs k to 30 → 25 (at most half the movies: more clusters would mostly hold one movie).',
    );
    // 15 movies (Subset's default on the 30 real Netflix movies): k to 7, k from ⌈7 / 2⌉ = 4.
    const fifteen = fitKRange(7, 30, 15);
    expect([fifteen.kMin, fifteen.kMax]).toEqual([4, 7]);
    expect(fifteen.note).toContain('k from 7 → 4, k to 30 → 7');
    // 4 movies: k 2 only.
    expect(fitKRange(7, 30, 4)).toMatchObject({ kMin: 2, kMax: 2 });
  });

  it('refuses a subset too small to cluster, naming what to raise', () => {
    expect(() => fitKRange(7, 30, 3)).toThrow(
      'Cluster needs at least 4 movies to compare ks; the subset has 3: raise the movies in Subset.',
    );
  });
});
