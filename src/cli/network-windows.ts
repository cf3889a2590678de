import type { RatingsData } from '../stages/ingest/compute/ratings-table';
import {
  buildCompactWindows,
  type CompactWindows,
} from '../stages/windows/compute/compact-windows';
import type { PreparedSplit } from '../stages/windows/compute/prepare-split';
import { integerOption, type ParsedArgs } from './args';
import { clusterMoviesForWindows } from './movie-clusters';
import { switchOn } from './split-args';

/** The flags that shape the windows' features (the Sequences cell's). */
export const WINDOW_FEATURE_FLAGS = ['k', 'days', 'movie-mean'] as const;

/**
 * The compact windows the training worker gets, built as the Sequences cell builds them: the movies clustered
 * into `--k` clusters (default 20, the report's) with the Cluster cell's defaults, seeded by `--seed`.
 */
export async function windowsForNetworks(
  data: RatingsData,
  prepared: PreparedSplit,
  args: ParsedArgs,
  seed: number,
  needsClusters = true,
): Promise<CompactWindows> {
  // The embedding model reads only (user, movie) pairs: its windows need no clusters (one empty block).
  const k = needsClusters ? integerOption(args, 'k', 20, 2) : 1;
  const clusterOfMovie = needsClusters
    ? await clusterMoviesForWindows(data, k, seed)
    : new Int32Array(data.movieIds.ids.length);
  return buildCompactWindows({
    table: data.table,
    histories: prepared.histories,
    split: prepared.split,
    clusterOfMovie,
    options: {
      clusters: k,
      daysSincePrevious: switchOn(args, 'days'),
      movieMean: switchOn(args, 'movie-mean'),
    },
  });
}
