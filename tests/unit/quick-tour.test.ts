import { describe, expect, it } from 'vitest';
import { CELL_ORDER } from '../../src/app/state/notebook';
import { PARAM_CATALOG } from '../../src/stages/notebook/compute/param-catalog';
import { QUICK_TOUR_HASH } from '../../src/app/state/quick-tour';
import { parseLink } from '../../src/stages/notebook/compute/share-link';

describe('the quick tour link', () => {
  it('parses without a warning, on the sample, and runs every cell', () => {
    const parsed = parseLink(QUICK_TOUR_HASH, { params: PARAM_CATALOG, cells: [...CELL_ORDER] });
    expect(parsed.warnings).toEqual([]);
    expect(parsed.source).toEqual({ kind: 'sample' });
    expect(parsed.run).toEqual([...CELL_ORDER]);
    expect(parsed.params.get('lstm.units')).toBe(64);
    expect(parsed.params.size).toBe(16);
  });
});
