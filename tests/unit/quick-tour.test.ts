import { describe, expect, it } from 'vitest';
import { NOTEBOOK_CELLS } from '../../src/app/cells';
import { installNotebook, linkCatalog } from '../../src/app/state/notebook';
import { QUICK_TOUR_HASH } from '../../src/app/state/quick-tour';
import { parseLink } from '../../src/stages/notebook/compute/share-link';

installNotebook(NOTEBOOK_CELLS);
const CELL_ORDER = NOTEBOOK_CELLS.map((cell) => cell.id);
const PARAM_CATALOG = linkCatalog().params;

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
