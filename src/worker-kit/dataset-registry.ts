import type { DatasetId } from '../lib/ids';
import type { RatingsData } from '../stages/ingest/compute/ratings-table';
import type { DataSource } from '../stages/ingest/contract';

/** A dataset held by the data worker: the typed arrays never leave it. */
export interface HeldDataset {
  id: DatasetId;
  data: RatingsData;
  source: DataSource;
  /** For a subset, the dataset it was cut from and the parent index of each user and movie. */
  parent?: { id: DatasetId; user: Uint32Array; movie: Uint32Array };
}

/**
 * The data worker's datasets by id. A new load replaces the current one only once it has fully succeeded,
 * so a failed or cancelled load leaves what was there.
 */
export class DatasetRegistry {
  private readonly datasets = new Map<DatasetId, HeldDataset>();
  private counter = 0;
  /** The dataset the notebook works on: the last load that fully succeeded, or a restored one. */
  current: DatasetId | null = null;

  /** Makes `id` the current dataset, dropping the one before and what was derived from it. */
  setCurrent(id: DatasetId): void {
    if (this.current && this.current !== id) this.drop(this.current);
    this.current = id;
  }

  newId(prefix: string): DatasetId {
    return `${prefix}-${++this.counter}` as DatasetId;
  }

  add(dataset: HeldDataset): void {
    this.datasets.set(dataset.id, dataset);
  }

  get(id: DatasetId): HeldDataset {
    const dataset = this.datasets.get(id);
    if (!dataset) throw new Error(`Dataset ${id} is no longer loaded; run the Data cell again.`);
    return dataset;
  }

  /** Drops every dataset derived from `id` (its subsets), keeping `id` itself. */
  dropDerived(id: DatasetId): void {
    for (const [key, dataset] of this.datasets) if (dataset.parent?.id === id) this.drop(key);
  }

  /** Drops a dataset and, recursively, what was derived from it. */
  drop(id: DatasetId): void {
    this.dropDerived(id);
    this.datasets.delete(id);
  }

  has(id: DatasetId): boolean {
    return this.datasets.has(id);
  }

  ids(): DatasetId[] {
    return [...this.datasets.keys()];
  }
}

/** Held datasets that are subsets; the matrix and sequence stages work on a subset, never on a whole dataset. */
export function heldSubset(registry: DatasetRegistry, subsetId: DatasetId): HeldDataset {
  // A new subset, or a new dataset, drops the subset before it: the Subset cell is the one to run, not Data.
  if (!registry.has(subsetId))
    throw new Error('This subset is no longer loaded: run the Subset cell again.');
  const held = registry.get(subsetId);
  if (!held.parent) throw new Error('This stage works on a subset: run the Subset cell first.');
  return held;
}
