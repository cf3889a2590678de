import type { MfOptions } from '../baselines/compute/biased-mf';
import type { RatingModelKind } from '../baselines/compute/rating-model';
import type { StaticBaselineOptions } from '../baselines/compute/static-baseline';
import type { TimeAwareBaselineOptions } from '../baselines/compute/time-aware-baseline';
import type { ClusterSpace } from '../cluster/compute/cluster-movies';
import type { MatrixValues } from '../explore/compute/movie-user-matrix';
import type { DelimitedLayout } from '../ingest/compute/delimited-layout';
import type { SubsetOptions } from '../subset/compute/top-subset';
import type { DenseCellOptions, LstmCellOptions } from '../train/compute/cell-defaults';
import type { HyperbandOptions } from '../tune/compute/hyperband-schedule';
import type { SearchSpace } from '../tune/compute/search-space';
import type { SequenceOptions } from '../windows/compute/sequence-options';

/** One file of the exported project: its path inside the project folder (or zip) and its text. */
export interface ExportedFile {
  path: string;
  text: string;
}

/** A rating file the exported project reads, and how: the Netflix Prize format, or delimited columns. */
export type ExportDataFile =
  | { path: string; format: 'netflix' }
  | { path: string; format: 'delimited'; layout: DelimitedLayout };

/** The Cluster cell's choices that the export needs (the k the windows use included). */
export interface ExportClusterOptions {
  kMin: number;
  kMax: number;
  nInit: number;
  values: MatrixValues;
  space: ClusterSpace;
  /** PCA components the movies are clustered on (space 'pca'). */
  components: number;
  /** The k the Sequences cell's one-hot block uses. */
  k: number;
}

export interface ExportExploreOptions {
  values: MatrixValues;
  /** Ratings the page's Explore plot sub-samples (null: all). */
  sampleRatings: number | null;
  sparseDensity: number;
  nmfComponents: number;
}

/** Everything `exportPythonProject` writes into the project's config.json: one notebook's parameters. */
export interface PythonExportParams {
  /** The notebook's seed (split, shuffles, initial weights, K-Means). */
  seed: number;
  files: ExportDataFile[];
  subset: SubsetOptions;
  explore: ExportExploreOptions;
  cluster: ExportClusterOptions;
  sequences: SequenceOptions;
  lstm: LstmCellOptions;
  dense: DenseCellOptions;
  baselines: {
    models: RatingModelKind[];
    bias: StaticBaselineOptions;
    timebias: TimeAwareBaselineOptions;
    mf: MfOptions;
  };
  tune: { schedule: HyperbandOptions; space: SearchSpace };
  /** The models the project's `run.py compare` trains, in order. */
  models: (RatingModelKind | 'lstm' | 'dense')[];
}
