import {
  bestTrial,
  endSearch,
  planNextTrial,
  recordTrial,
  type PlannedTrial,
  type TrialOutcome,
  type TrialRecord,
  type TrialRequest,
  type TunerState,
} from './hyperband-state';

/** Trains one trial. The real runner wraps the LSTM training core; tests use an analytic objective. */
export interface TrialRunner {
  runTrial(request: TrialRequest): Promise<TrialOutcome>;
}

export type TuneEvent =
  | { kind: 'trial-started'; trial: PlannedTrial }
  | { kind: 'trial-finished'; trial: TrialRecord; best: TrialRecord | null }
  | { kind: 'search-ended'; state: TunerState };

export interface RunHyperbandOptions {
  runner: TrialRunner;
  /** Milliseconds from any fixed origin (performance.now in a worker, Date.now in Node). */
  now: () => number;
  /** Asked before each trial and when a trial throws: true ends this session with the state resumable. */
  shouldStop?: () => boolean;
  onEvent?: (event: TuneEvent) => void;
  /** Ends the search after this many failed trials in a row (keras-tuner's `max_consecutive_failed_trials`). */
  maxConsecutiveFailures?: number;
}

/**
 * Runs trials until the schedule is done or a stop is asked for, and returns the new state. A trial that
 * throws while a stop is pending was interrupted: it is not recorded, and resuming from the returned state
 * runs it again from the start. A trial that throws otherwise is recorded as failed.
 */
export async function runHyperband(
  initial: TunerState,
  options: RunHyperbandOptions,
): Promise<TunerState> {
  const maxFailures = options.maxConsecutiveFailures ?? 3;
  const stop = options.shouldStop ?? (() => false);
  let state = initial;
  let failuresInARow = 0;
  for (;;) {
    if (stop()) return state;
    const plan = planNextTrial(state);
    if (plan.kind === 'end') {
      state = endSearch(state, plan.end);
      options.onEvent?.({ kind: 'search-ended', state });
      return state;
    }
    options.onEvent?.({ kind: 'trial-started', trial: plan });
    const startedAt = options.now();
    let outcome: TrialOutcome;
    try {
      outcome = await options.runner.runTrial(plan.request);
    } catch (error) {
      if (stop()) return state;
      const message = error instanceof Error ? error.message : String(error);
      state = recordTrial(state, plan, { error: message, ms: options.now() - startedAt });
      options.onEvent?.({
        kind: 'trial-finished',
        trial: state.trials.at(-1)!,
        best: bestTrial(state),
      });
      failuresInARow += 1;
      if (failuresInARow >= maxFailures) {
        state = endSearch(state, {
          reason: 'failures',
          message: `${failuresInARow} trials failed in a row; the last said: ${message}`,
        });
        options.onEvent?.({ kind: 'search-ended', state });
        return state;
      }
      continue;
    }
    failuresInARow = 0;
    state = recordTrial(state, plan, { outcome, ms: options.now() - startedAt });
    options.onEvent?.({
      kind: 'trial-finished',
      trial: state.trials.at(-1)!,
      best: bestTrial(state),
    });
  }
}
