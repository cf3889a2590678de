/** What crosses the data worker's boundary for the Explore cell. */
import type { DatasetId, RunId } from '../../lib/ids';
import type { ExploreOptions, ExploreProjections } from './compute/explore-projections';
import type { MovieInfo } from './compute/movie-info';

export type { ExploreOptions, ExploreProgress, Plane } from './compute/explore-projections';
export type { MovieInfo } from './compute/movie-info';
export type { MatrixValues } from './compute/movie-user-matrix';

export interface ExploreRequest {
  /** The subset whose matrix is projected (the Subset cell's `subsetId`). */
  subsetId: DatasetId;
  runId: RunId;
  options: ExploreOptions;
}

export interface ExploreResult extends ExploreProjections {
  subsetId: DatasetId;
  options: ExploreOptions;
  /** Every subset movie, for hover text; points refer to it through `rowMovie`. */
  movies: MovieInfo;
  ms: number;
}
