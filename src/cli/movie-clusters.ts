import type { RatingsData } from '../stages/ingest/compute/ratings-table';
import { UsageError } from './args';

/**
 * The movie → cluster assignment the sequence windows are built on (`clusterOfMovie[m]` in 0 … k − 1).
 * CONNECT WHEN MERGING: the clustering stage (issue 3, `src/stages/cluster/compute/`) is built on another
 * branch; this is the one place the CLI asks it for clusters (K-Means with `k` clusters over the movies of
 * `data`, seeded). Until it is merged the CLI refuses rather than invent an assignment.
 */
export async function clusterMoviesForWindows(
  _data: RatingsData,
  k: number,
  _seed: number,
): Promise<Int32Array> {
  throw new UsageError(
    `--k ${k} needs movie clusters from the clustering stage (issue 3), which this build does not include yet; ` +
      'leave out --k for the split counts alone',
  );
}
