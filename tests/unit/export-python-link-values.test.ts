import { describe, expect, it } from 'vitest';
import { catalogValues, defaultExportParams } from '../../src/stages/export/compute/export-params';
import { withLinkValues } from '../../src/stages/export/compute/with-link-values';

const base = defaultExportParams([{ path: 'ratings.txt', format: 'netflix' }], {
  users: 4000,
  movies: 800,
});

describe('the page’s parameters in the export', () => {
  it('change nothing when the link sets nothing', () => {
    expect(withLinkValues(base, new Map())).toEqual(base);
  });

  it('take every value a link sets, under its catalog key, and nothing else', () => {
    const values = new Map<string, unknown>([
      ['subset.users', 1000],
      ['lstm.units', 64],
      ['sequences.cap', 0],
      ['sequences.gap', 'off'],
      ['explore.sample', 20_000],
      ['tune.activations', ['gelu']],
      ['cluster.k', 12],
      ['no.such', 3],
    ]);
    const p = withLinkValues(base, values);
    const after = catalogValues(p);
    const before = catalogValues(base);
    for (const key of Object.keys(before)) {
      if (values.has(key)) expect(after[key], key).toEqual(values.get(key));
      else expect(after[key], key).toEqual(before[key]);
    }
    expect(p.sequences.maxPerUser).toBeNull();
    expect(p.sequences.daysSincePrevious).toBe(false);
    expect(p.explore.sampleRatings).toBe(20_000);
    expect(p.cluster.components).toBe(base.cluster.components);
  });
});
