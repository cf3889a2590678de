import type * as tfjs from '@tensorflow/tfjs';
import { DEFAULT_BACKEND_OPTIONS, type BackendOptions, type BackendReport } from '../contract';
import { tinyChecks } from './backend-check';
import { selectBackend } from './backend-select';

/**
 * The training worker's backend: selected once per forced choice, then used by every training, tuning and
 * prediction call. The worker's entry makes one and keeps it in its state.
 */
export class BackendSession {
  private current: { options: BackendOptions; report: Promise<BackendReport> } | null = null;

  constructor(private readonly tf: typeof tfjs) {}

  /**
   * Starts (once per choice) and reports the backend; a different forced choice restarts the selection.
   * Without options, keeps the backend already chosen (or selects with the defaults).
   */
  init(choice?: BackendOptions): Promise<BackendReport> {
    if (!choice && this.current) return this.current.report;
    choice ??= DEFAULT_BACKEND_OPTIONS;
    if (!this.current || this.current.options.force !== choice.force) {
      const report = selectBackend(this.tf, choice, tinyChecks);
      this.current = { options: choice, report };
      // A failed selection may be retried with another choice.
      report.catch(() => {
        if (this.current?.report === report) this.current = null;
      });
    }
    return this.current.report;
  }
}
