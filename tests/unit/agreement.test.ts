import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/sklearn-fixture';
import {
  adjustedRandIndex,
  normalizedMutualInformation,
} from '../../src/stages/cluster/compute/agreement';

describe('agreement between labellings', () => {
  it('matches scikit-learn', () => {
    const { a, b, adjustedRand, normalizedMutualInformation: nmi } = fixture.agreement;
    expect(adjustedRandIndex(a, b)).toBeCloseTo(adjustedRand, 12);
    expect(normalizedMutualInformation(a, b)).toBeCloseTo(nmi, 12);
  });

  it('is 1 for the same partition under other names', () => {
    const a = [0, 0, 1, 1, 2, 2, 2];
    const renamed = [5, 5, 9, 9, 1, 1, 1];
    expect(adjustedRandIndex(a, renamed)).toBe(1);
    expect(normalizedMutualInformation(a, renamed)).toBeCloseTo(1, 12);
  });

  it('refuses labellings of different lengths', () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow(/same length/);
  });
});
