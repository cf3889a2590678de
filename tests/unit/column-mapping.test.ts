import { describe, expect, it } from 'vitest';
import { layoutProblem, proposeLayout } from '../../src/stages/ingest/compute/delimited-layout';
import { loadRatingFiles } from '../../src/stages/ingest/compute/load-files';
import { memorySource, testSettings } from '../helpers/memory-source';

const CSV = 'reviewer,film,stars,date\nann,Heat,4,2004-03-01\nbob,Heat,2,2005-07-09\n';
const proposal = proposeLayout(CSV);
const layout = proposal.layout!;

describe('the column mapping of a delimited file', () => {
  it('accepts the proposed layout', () => {
    expect(layoutProblem(layout, proposal.columns)).toBeNull();
  });

  it('refuses one column for two roles, naming the column and both roles', () => {
    expect(layoutProblem({ ...layout, itemColumn: 0 }, proposal.columns)).toBe(
      'column “reviewer” is chosen as both user and item; each needs a column of its own',
    );
    expect(layoutProblem({ ...layout, timeColumn: 2 }, proposal.columns)).toBe(
      'column “stars” is chosen as both rating and date / time; each needs a column of its own',
    );
  });

  it('refuses a column the file does not have, and a rating range that is not one', () => {
    expect(layoutProblem({ ...layout, ratingColumn: 9 }, proposal.columns)).toBe(
      'the rating column (10) is not a column of the file',
    );
    expect(layoutProblem({ ...layout, ratingMin: 5, ratingMax: 1 }, proposal.columns)).toBe(
      'the lowest rating (5) must be below the highest (1)',
    );
    expect(layoutProblem({ ...layout, ratingMax: NaN }, proposal.columns)).toBe(
      'the lowest and highest rating must be numbers',
    );
  });

  it('makes the loader refuse a confirmed layout with a role twice, instead of loading nonsense', async () => {
    const settings = testSettings({
      acceptProposedLayouts: false,
      layouts: { 'r.csv': { ...layout, itemColumn: layout.userColumn } },
    });
    await expect(loadRatingFiles([memorySource('r.csv', CSV)], settings)).rejects.toThrow(
      'r.csv cannot be loaded this way: column “reviewer” is chosen as both user and item; each needs a column of its own.',
    );
  });
});
