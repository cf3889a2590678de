import { createStore } from '../../../ui-kit/store';
import type { RunId } from '../../../lib/ids';
import type { FileInspection, LoadProgress, LoadResult } from '../contract';

export interface LoadInProgress {
  runId: RunId;
  /** What is being loaded, for the progress line. */
  label: string;
  startedAt: number;
  progress: LoadProgress | null;
}

export interface DataCellState {
  /** The dataset in use. A failed or cancelled load leaves it as it was. */
  loaded: LoadResult | null;
  loading: LoadInProgress | null;
  /** Why the last load failed; cleared by the next one. */
  error: string | null;
  /** Uploaded files waiting for the person to confirm how their columns map to user/item/rating/time. */
  pendingMapping: { files: File[]; inspections: FileInspection[] } | null;
}

export const dataStore = createStore<DataCellState>({
  loaded: null,
  loading: null,
  error: null,
  pendingMapping: null,
});
