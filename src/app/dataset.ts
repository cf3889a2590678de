import type { LoadResult } from '../stages/ingest/contract';
import { cellDefinition, readResult } from './state/notebook';

/** The dataset in use: how the shell reads it (the Data cell's result), in one place. */
export function currentDataset(): LoadResult | null {
  return readResult('data');
}

/** Calls `listener` when the dataset in use may have changed. */
export function onDatasetChange(listener: () => void): () => void {
  return cellDefinition('data').result.subscribe(listener);
}
