import {
  bracketCount,
  hyperbandOptionProblems,
  roundEpochs,
  roundSize,
  type HyperbandOptions,
} from './hyperband-schedule';
import {
  configKey,
  drawConfig,
  searchSpaceProblems,
  type SearchSpace,
  type TrialConfig,
} from './search-space';

/**
 * The tuner as a pure state machine. The state is plain JSON (it can be stored and a stopped search resumed
 * from it); `planNextTrial` says what to run next and `recordTrial` folds a finished trial in. A trial that was
 * interrupted is never recorded, so planning again after a resume yields the very same trial.
 *
 * For one worker running trials one after another this makes the same choices as keras-tuner's
 * `HyperbandOracle.populate_space`: round 0 of a bracket draws random configurations; round r promotes the best
 * finished trial of round r − 1 not yet promoted while more of them are finished than the round would drop.
 */

/** Opaque reference to a trained model's best weights, understood by the trial runner (e.g. a storage key). */
export type CheckpointRef = string;

export interface TunerSettings extends HyperbandOptions {
  seed: number;
  space: SearchSpace;
}

export interface TrialRecord {
  /** keras-tuner style id: the 1-based trial number, zero-padded to 4 digits. */
  trialId: string;
  /** 1-based, in the order trials ran ("Trial 615 Complete"). */
  number: number;
  iteration: number;
  bracket: number;
  round: number;
  config: TrialConfig;
  initialEpoch: number;
  /** Cumulative epochs the trial was scheduled to reach. */
  epochs: number;
  /** The trial this one was promoted from and continues, or null in round 0. */
  parentId: string | null;
  status: 'completed' | 'failed';
  /** Best validation loss of the trial; null when it failed or the loss was not finite (diverged). */
  valLoss: number | null;
  /** Cumulative epoch (1-based) at which the best validation loss was reached. */
  bestEpoch: number | null;
  /** Epochs trained in this trial (fewer than scheduled when early stopping ended it). */
  epochsRun: number;
  checkpoint: CheckpointRef | null;
  /** Wall time of the trial. */
  ms: number;
  /** Why the trial failed. */
  error?: string;
}

export type SearchEnd =
  | { reason: 'complete' }
  | { reason: 'exhausted'; message: string }
  | { reason: 'failures'; message: string };

export interface TunerState {
  version: 1;
  settings: TunerSettings;
  /** The bracket being worked on. */
  position: { iteration: number; bracket: number };
  /** Random configurations drawn so far, duplicates included: the index of the next draw. */
  draws: number;
  trials: TrialRecord[];
  /** Set once nothing is left to run. */
  end: SearchEnd | null;
  /** Time spent in trials, over all sessions of this search. */
  elapsedMs: number;
}

/** keras-tuner gives up drawing a new configuration after this many duplicates in a row. */
export const MAX_COLLISIONS = 20;

export interface TrialRequest {
  trialId: string;
  config: TrialConfig;
  /** Epochs already trained (by the parent); the trial trains epochs initialEpoch + 1 … epochs. */
  initialEpoch: number;
  /** Cumulative epochs to reach. */
  epochs: number;
  /** The parent's best weights to start from, or null to start from fresh weights. */
  parentCheckpoint: CheckpointRef | null;
}

export interface PlannedTrial {
  kind: 'trial';
  request: TrialRequest;
  number: number;
  iteration: number;
  bracket: number;
  round: number;
  parentId: string | null;
  /** The draw counter once this trial is recorded. */
  drawsAfter: number;
}

export type Plan = PlannedTrial | { kind: 'end'; end: SearchEnd };

export function createTunerState(settings: TunerSettings): TunerState {
  const problems = [...hyperbandOptionProblems(settings), ...searchSpaceProblems(settings.space)];
  if (!Number.isInteger(settings.seed)) problems.push('The seed must be a whole number.');
  if (problems.length > 0) throw new RangeError(problems.join(' '));
  return {
    version: 1,
    settings,
    position: { iteration: 0, bracket: bracketCount(settings) - 1 },
    draws: 0,
    trials: [],
    end: null,
    elapsedMs: 0,
  };
}

/** Lower loss first; a missing (diverged) loss ranks last; ties go to the earlier trial. */
export function compareTrials(a: TrialRecord, b: TrialRecord): number {
  const la = a.valLoss ?? Infinity;
  const lb = b.valLoss ?? Infinity;
  return la !== lb ? la - lb : a.number - b.number;
}

/** The completed trial with the lowest validation loss, or null before there is one. */
export function bestTrial(state: TunerState): TrialRecord | null {
  let best: TrialRecord | null = null;
  for (const trial of state.trials) {
    if (trial.status !== 'completed' || trial.valLoss === null) continue;
    if (!best || compareTrials(trial, best) < 0) best = trial;
  }
  return best;
}

function trialId(number: number): string {
  return String(number).padStart(4, '0');
}

/** The next trial of one bracket, or null when the bracket can do nothing more. */
function planInBracket(
  state: TunerState,
  iteration: number,
  bracket: number,
): PlannedTrial | SearchEnd | null {
  const { settings } = state;
  const inRound = (round: number) =>
    state.trials.filter(
      (t) => t.iteration === iteration && t.bracket === bracket && t.round === round,
    );
  const number = state.trials.length + 1;
  const base = { kind: 'trial' as const, number, iteration, bracket };

  if (inRound(0).length < roundSize(settings, bracket, 0)) {
    const tried = new Set(state.trials.map((t) => configKey(t.config)));
    for (let collisions = 0; collisions <= MAX_COLLISIONS; collisions++) {
      const drawIndex = state.draws + collisions;
      const config = drawConfig(settings.space, settings.seed, drawIndex);
      if (tried.has(configKey(config))) continue;
      return {
        ...base,
        round: 0,
        parentId: null,
        drawsAfter: drawIndex + 1,
        request: {
          trialId: trialId(number),
          config,
          initialEpoch: 0,
          epochs: roundEpochs(settings, bracket, 0),
          parentCheckpoint: null,
        },
      };
    }
    return {
      reason: 'exhausted',
      message: `No new configuration in ${MAX_COLLISIONS + 1} draws: the search space has been tried out. Widen it to search on.`,
    };
  }

  for (let round = 1; round <= bracket; round++) {
    const promoted = new Set(inRound(round).map((t) => t.parentId));
    const candidates = inRound(round - 1)
      .filter((t) => t.status === 'completed' && !promoted.has(t.trialId))
      .sort(compareTrials);
    const dropped = roundSize(settings, bracket, round - 1) - roundSize(settings, bracket, round);
    if (candidates.length > dropped) {
      const parent = candidates[0];
      return {
        ...base,
        round,
        parentId: parent.trialId,
        drawsAfter: state.draws,
        request: {
          trialId: trialId(number),
          config: parent.config,
          initialEpoch: roundEpochs(settings, bracket, round - 1),
          epochs: roundEpochs(settings, bracket, round),
          parentCheckpoint: parent.checkpoint,
        },
      };
    }
  }
  return null;
}

/** What to run next: a trial, or the end of the search. Pure: planning twice gives the same answer. */
export function planNextTrial(state: TunerState): Plan {
  if (state.end) return { kind: 'end', end: state.end };
  const brackets = bracketCount(state.settings);
  let { iteration, bracket } = state.position;
  for (;;) {
    const step = planInBracket(state, iteration, bracket);
    if (step && 'kind' in step) return step;
    if (step) return { kind: 'end', end: step };
    if (bracket === 0 && iteration + 1 >= state.settings.iterations)
      return { kind: 'end', end: { reason: 'complete' } };
    bracket -= 1;
    if (bracket < 0) {
      bracket = brackets - 1;
      iteration += 1;
    }
  }
}

export interface TrialOutcome {
  /** Best validation loss over the trial's epochs. */
  valLoss: number;
  /** Cumulative epoch (1-based) of the best validation loss. */
  bestEpoch: number;
  /** Where the runner kept the best weights. */
  checkpoint: CheckpointRef;
  /** Epochs trained in this trial. */
  epochsRun: number;
}

/** Folds a finished (or failed) planned trial into the state. */
export function recordTrial(
  state: TunerState,
  plan: PlannedTrial,
  result: { outcome: TrialOutcome; ms: number } | { error: string; ms: number },
): TunerState {
  if (plan.number !== state.trials.length + 1)
    throw new Error(`Trial ${plan.number} was planned for another state of the search.`);
  const { request } = plan;
  const common = {
    trialId: request.trialId,
    number: plan.number,
    iteration: plan.iteration,
    bracket: plan.bracket,
    round: plan.round,
    config: request.config,
    initialEpoch: request.initialEpoch,
    epochs: request.epochs,
    parentId: plan.parentId,
    ms: result.ms,
  };
  let record: TrialRecord;
  if ('error' in result) {
    record = {
      ...common,
      status: 'failed',
      valLoss: null,
      bestEpoch: null,
      epochsRun: 0,
      checkpoint: null,
      error: result.error,
    };
  } else {
    const { outcome } = result;
    const maxRun = request.epochs - request.initialEpoch;
    if (!Number.isInteger(outcome.epochsRun) || outcome.epochsRun < 0 || outcome.epochsRun > maxRun)
      throw new RangeError(
        `Trial ${plan.number} reports ${outcome.epochsRun} epochs run; it was given ${maxRun}.`,
      );
    record = {
      ...common,
      status: 'completed',
      valLoss: Number.isFinite(outcome.valLoss) ? outcome.valLoss : null,
      bestEpoch: outcome.bestEpoch,
      epochsRun: outcome.epochsRun,
      checkpoint: outcome.checkpoint,
    };
  }
  return {
    ...state,
    position: { iteration: plan.iteration, bracket: plan.bracket },
    draws: plan.drawsAfter,
    trials: [...state.trials, record],
    elapsedMs: state.elapsedMs + result.ms,
  };
}

/** Marks the search as over (once `planNextTrial` says so, or after too many failures). */
export function endSearch(state: TunerState, end: SearchEnd): TunerState {
  return { ...state, end };
}
