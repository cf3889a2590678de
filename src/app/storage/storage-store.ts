import type { StoredEntry } from '../../stages/notebook/compute/storage-schema';
import type { StoredModelInfo } from '../../stages/train/contract';
import { createStore } from '../../ui-kit/store';

export interface StorageState {
  /** What is stored, newest first; null until listed. */
  entries: StoredEntry[] | null;
  /**
   * Trained models tfjs saved (listed by the training worker, so only once the panel is opened or the worker
   * runs: listing must not load tfjs at page open); null until listed.
   */
  models: StoredModelInfo[] | null;
  /** What the browser reports for the whole site, when it does. */
  estimate: { usage: number; quota: number } | null;
  /** The last thing done, for the person to see ("Saved …", "Deleted …"). */
  message: string | null;
  /** Why the last storage action failed. */
  error: string | null;
  /** Whether the Storage panel is shown. */
  panelOpen: boolean;
  /** A dataset too large to keep without asking, waiting for the person's yes. */
  askToKeep: { label: string; bytes: number } | null;
}

export const storageStore = createStore<StorageState>({
  entries: null,
  models: null,
  estimate: null,
  message: null,
  error: null,
  panelOpen: false,
  askToKeep: null,
});
