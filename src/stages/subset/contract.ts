/** What crosses the data worker's boundary for the Subset cell. */
import type { DatasetId } from '../../lib/ids';
import type { SubsetOptions, SubsetStats } from './compute/top-subset';

export type { SubsetOptions, SubsetStats } from './compute/top-subset';

export interface SubsetRequest {
  datasetId: DatasetId;
  options: SubsetOptions;
}

export interface SubsetResult {
  /** The subset is a dataset of its own in the worker; later stages ask for it by this id. */
  subsetId: DatasetId;
  parentId: DatasetId;
  options: SubsetOptions;
  stats: SubsetStats;
}
