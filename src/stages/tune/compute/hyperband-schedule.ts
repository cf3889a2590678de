/**
 * The Hyperband schedule exactly as keras-tuner's `HyperbandOracle` lays it out, so that a run here is
 * comparable with the report's: brackets from the most aggressive (many trials, few epochs) down to bracket 0
 * (plain random search at `maxEpochs`), each bracket a successive-halving run whose rounds keep the best
 * `1 / factor` of the previous round and train them `factor` times longer.
 *
 * keras-tuner computes `ceil(1 + log(maxEpochs, factor))` in floating point. For exact powers the float log
 * lands on either side of the integer (in JavaScript log(9)/log(3) is 2.0000000000000004, which would make
 * the ceiling 4 instead of 3), so this module does the same arithmetic exactly with integers.
 */

export interface HyperbandOptions {
  /** The most epochs one model is trained for (keras-tuner `max_epochs`). */
  maxEpochs: number;
  /** Reduction factor between rounds (keras-tuner `factor`): an integer ≥ 2. */
  factor: number;
  /** Full sweeps over all brackets (keras-tuner `hyperband_iterations`): an integer ≥ 1. */
  iterations: number;
}

export const defaultHyperbandOptions: HyperbandOptions = {
  maxEpochs: 10,
  factor: 3,
  iterations: 1,
};

/** Limits that keep a schedule within what a browser tab can sensibly run. */
export const HYPERBAND_LIMITS = { maxEpochs: 1000, factor: 10, iterations: 10 } as const;

/** What is wrong with the options, one sentence each; empty when they are usable. */
export function hyperbandOptionProblems(options: HyperbandOptions): string[] {
  const problems: string[] = [];
  const { maxEpochs, factor, iterations } = options;
  if (!Number.isInteger(maxEpochs) || maxEpochs < 1 || maxEpochs > HYPERBAND_LIMITS.maxEpochs)
    problems.push(`Max epochs must be a whole number from 1 to ${HYPERBAND_LIMITS.maxEpochs}.`);
  if (!Number.isInteger(factor) || factor < 2 || factor > HYPERBAND_LIMITS.factor)
    problems.push(`The factor must be a whole number from 2 to ${HYPERBAND_LIMITS.factor}.`);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > HYPERBAND_LIMITS.iterations)
    problems.push(`Iterations must be a whole number from 1 to ${HYPERBAND_LIMITS.iterations}.`);
  return problems;
}

function assertUsable(options: HyperbandOptions): void {
  const problems = hyperbandOptionProblems(options);
  if (problems.length > 0) throw new RangeError(problems.join(' '));
}

/** Number of brackets: how many of 1, factor, factor², … are ≤ maxEpochs (keras-tuner `_get_num_brackets`). */
export function bracketCount(options: HyperbandOptions): number {
  assertUsable(options);
  let brackets = 0;
  for (let power = 1; power <= options.maxEpochs; power *= options.factor) brackets++;
  return brackets;
}

/** `ceil(1 + log_factor(maxEpochs))`, exactly: the number of trials bracket 0 runs. */
export function bracketZeroSize(options: HyperbandOptions): number {
  const brackets = bracketCount(options);
  const isExactPower = options.factor ** (brackets - 1) === options.maxEpochs;
  return isExactPower ? brackets : brackets + 1;
}

/** Integer ceil(a / b) for non-negative a and positive b, exact where floats are not. */
function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}

/** Trials in round `round` of bracket `bracket`: ceil(bracketZeroSize / (bracket + 1) × factor^(bracket − round)). */
export function roundSize(options: HyperbandOptions, bracket: number, round: number): number {
  return ceilDiv(bracketZeroSize(options) * options.factor ** (bracket - round), bracket + 1);
}

/** Cumulative epochs a trial of round `round` of bracket `bracket` is trained to: ceil(maxEpochs / factor^(bracket − round)). */
export function roundEpochs(options: HyperbandOptions, bracket: number, round: number): number {
  return ceilDiv(options.maxEpochs, options.factor ** (bracket - round));
}

export interface ScheduledRound {
  iteration: number;
  bracket: number;
  round: number;
  trials: number;
  /** Epoch a trial starts from: 0 in round 0, else the epochs of the round before (its parent's). */
  initialEpoch: number;
  /** Cumulative epochs a trial of this round is trained to. */
  epochs: number;
}

export interface HyperbandSchedule {
  options: HyperbandOptions;
  rounds: ScheduledRound[];
  /** All trials of all iterations. */
  trials: number;
  /** Epochs actually trained, summed over trials: a promoted trial trains only from its initial epoch on. */
  trainedEpochs: number;
}

/** The whole schedule in the order a single worker runs it: iteration by iteration, bracket by bracket, round by round. */
export function hyperbandSchedule(options: HyperbandOptions): HyperbandSchedule {
  const brackets = bracketCount(options);
  const rounds: ScheduledRound[] = [];
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    for (let bracket = brackets - 1; bracket >= 0; bracket--) {
      for (let round = 0; round <= bracket; round++) {
        rounds.push({
          iteration,
          bracket,
          round,
          trials: roundSize(options, bracket, round),
          initialEpoch: round === 0 ? 0 : roundEpochs(options, bracket, round - 1),
          epochs: roundEpochs(options, bracket, round),
        });
      }
    }
  }
  return {
    options,
    rounds,
    trials: rounds.reduce((sum, r) => sum + r.trials, 0),
    trainedEpochs: rounds.reduce((sum, r) => sum + r.trials * (r.epochs - r.initialEpoch), 0),
  };
}

/**
 * The longest the schedule can take at a measured time per epoch. It is an upper bound: early stopping ends
 * trials sooner, and the epoch time was measured on one configuration while bigger ones are slower.
 */
export function estimateScheduleMs(schedule: HyperbandSchedule, msPerEpoch: number): number {
  return schedule.trainedEpochs * msPerEpoch;
}
