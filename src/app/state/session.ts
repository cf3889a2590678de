import type { LinkSource } from '../../stages/notebook/compute/share-link';
import type { CellId } from './notebook';
import { createStore } from '../../ui-kit/store';

/** What this page session knows about how it was opened. */
export interface SessionState {
  /** Opened with `#fresh`: browser storage is neither read nor written. */
  fresh: boolean;
  /** The data source the opened link named, until a dataset is loaded. */
  linkSource: LinkSource | null;
  /** Uploaded files the opened link was made with and that this browser does not hold: asked for. */
  requestedFiles: string[] | null;
  /** Cells the opened link names, still to run once the data is in. */
  pendingRun: CellId[];
  /**
   * Cells the opened link names that would start work of their own (not just follow the data): shown with
   * their rough cost, and run only when the person says so.
   */
  linkPlan: CellId[] | null;
  /** Things the person should know about the opened link (parameters left out, and why). */
  notices: string[];
}

export const sessionStore = createStore<SessionState>({
  fresh: false,
  linkSource: null,
  requestedFiles: null,
  pendingRun: [],
  linkPlan: null,
  notices: [],
});
