import type * as tfjs from '@tensorflow/tfjs';
import { DEFAULT_BACKEND_OPTIONS, type BackendOptions, type BackendReport } from '../contract';
import { timeTrainingBatches, type TimedRequest } from '../compute/backend/time-training-batches';
import { tinyChecks } from './backend-check';
import { selectBackend } from './backend-select';

/**
 * The training worker's backend: selected once per forced choice, then used by every training, tuning and
 * prediction call. The worker's entry makes one and keeps it in its state.
 */
export class BackendSession {
  private current: {
    options: BackendOptions;
    report: Promise<BackendReport>;
    timed: boolean;
  } | null = null;

  constructor(private readonly tf: typeof tfjs) {}

  /**
   * Starts (once per choice) and reports the backend; a different forced choice restarts the selection.
   * Without options, keeps the backend already chosen (or selects with the defaults). With `timed` (the
   * request about to train) and no forced choice, a selection not yet timed is run again as a race: every
   * backend that passes is timed on that model and the fastest is kept.
   */
  init(choice?: BackendOptions, timed?: TimedRequest): Promise<BackendReport> {
    if (!choice && this.current) return this.current.report;
    choice ??= DEFAULT_BACKEND_OPTIONS;
    const race = timed !== undefined && choice.force === null;
    if (
      !this.current ||
      this.current.options.force !== choice.force ||
      (race && !this.current.timed)
    ) {
      const time = race ? (t: typeof tfjs) => timeTrainingBatches(t, timed) : undefined;
      const report = selectBackend(this.tf, choice, tinyChecks, time);
      this.current = { options: choice, report, timed: race };
      // A failed selection may be retried with another choice.
      report.catch(() => {
        if (this.current?.report === report) this.current = null;
      });
    }
    return this.current.report;
  }
}
