import { describeBadLine } from '../stages/ingest/compute/bad-lines';
import { loadRatingFiles, type LoadOutcome } from '../stages/ingest/compute/load-files';
import { todayLoadSettings } from '../stages/ingest/compute/load-settings';
import type { RatingsData } from '../stages/ingest/compute/ratings-table';
import { UsageError } from './args';
import { fileSource } from './node-sources';

/** Loads files named on the command line, printing every skipped line on stderr. */
export async function loadPaths(paths: string[]): Promise<LoadOutcome> {
  if (paths.length === 0) throw new UsageError('name at least one ratings file');
  return loadRatingFiles(
    paths.map(fileSource),
    todayLoadSettings(Date.now(), { acceptProposedLayouts: true }),
    {
      onBadLine: (bad) => process.stderr.write(`skipped ${describeBadLine(bad)}\n`),
    },
  );
}

/** Loads and insists on ratings (a titles-only load is a usage error for commands that need ratings). */
export async function loadRatingsFromPaths(
  paths: string[],
): Promise<{ data: RatingsData; outcome: LoadOutcome }> {
  const outcome = await loadPaths(paths);
  if (!outcome.data) throw new UsageError('the files hold titles but no ratings');
  return { data: outcome.data, outcome };
}
