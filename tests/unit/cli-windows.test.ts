import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { windowsCommand } from '../../src/cli/commands/windows';

const SAMPLE = join(import.meta.dirname, '../../public/sample/sample_ratings.txt.gz');

describe('cli windows', () => {
  it('counts windows and ratings per split without needing clusters', async () => {
    const result = (await windowsCommand(
      parseArgs([SAMPLE, '--users', '300', '--movies', '100', '--cap', '20']),
    )) as {
      windows: number;
      windowCounts: { train: number; validation: number; test: number };
      ratingCounts: { train: number; validation: number; test: number };
      ratings: number;
      trainingWindowsSeeingHeldOutLabels: number;
    };
    const { train, validation, test } = result.windowCounts;
    expect(train + validation + test).toBe(result.windows);
    expect(result.windows).toBeLessThanOrEqual(300 * 20);
    expect(result.ratingCounts.test).toBe(test);
    expect(
      result.ratingCounts.train + result.ratingCounts.validation + result.ratingCounts.test,
    ).toBe(result.ratings);
    expect(result.trainingWindowsSeeingHeldOutLabels).toBe(0);
  });
});
