import { createRng, shuffleInPlace, type Rng } from '../../../lib/rng';
import type { UserHistories } from './user-histories';
import type { WindowIndex } from './window-index';

/** Role codes in `WindowSplit.role` and `WindowSplit.ratingRole`. */
export const TRAIN = 0;
export const VALIDATION = 1;
export const TEST = 2;
export type SplitRole = typeof TRAIN | typeof VALIDATION | typeof TEST;

export type SplitKind = 'chrono' | 'random';

export interface SplitOptions {
  /**
   * `chrono`: each user's latest windows are held out (validation, then test, latest last), like the Netflix
   * Prize's hold-out of each user's last ratings. `random`: windows are shuffled across users.
   */
  kind: SplitKind;
  /** Share of windows for validation; per user in `chrono`, overall in `random`. */
  valFraction: number;
  testFraction: number;
  seed: number;
}

export const DEFAULT_SPLIT_OPTIONS: SplitOptions = {
  kind: 'chrono',
  valFraction: 0.1,
  testFraction: 0.1,
  seed: 7,
};

export interface SplitCounts {
  train: number;
  validation: number;
  test: number;
}

/**
 * A split of the windows, and the rating-level split it implies for the models that learn from single ratings:
 * a rating is a validation (test) rating when it is the label of a validation (test) window, and a training
 * rating otherwise: the labels of training windows, each user's first `steps − 1` ratings, ratings left out by
 * the stride or the cap, and the ratings of users too short for a window. So every model is scored on the same
 * (user, movie, date) triples, and no validation or test label is ever a training rating.
 */
export interface WindowSplit {
  options: SplitOptions;
  windows: WindowIndex;
  /** Role of each window. */
  role: Uint8Array;
  /** Role of each table row (rating). */
  ratingRole: Uint8Array;
  /** Table row of each window's label. */
  labelRow: Uint32Array;
  windowCounts: SplitCounts;
  ratingCounts: SplitCounts;
  /** Training windows that have a validation or test label among their inputs (always 0 in `chrono`). */
  trainingWindowsSeeingHeldOutLabels: number;
  /** One sentence for the cell about what training windows can see. */
  leakageNote: string;
}

export function checkSplitOptions(options: SplitOptions): void {
  const { valFraction, testFraction } = options;
  for (const [name, value] of [
    ['validation', valFraction],
    ['test', testFraction],
  ] as const) {
    if (!(value >= 0 && value < 1))
      throw new RangeError(`the ${name} fraction must be in [0, 1), not ${value}`);
  }
  if (valFraction + testFraction >= 1)
    throw new RangeError(
      'the validation and test fractions together must leave some training data',
    );
  if (!Number.isInteger(options.seed)) throw new RangeError('the seed must be a whole number');
}

/** Splits windows by `options`, derives the rating roles, and checks the chronological split for leaks. */
export function splitWindows(
  histories: UserHistories,
  windows: WindowIndex,
  ratingCount: number,
  options: SplitOptions,
): WindowSplit {
  checkSplitOptions(options);
  const rng = createRng(options.seed);
  const role =
    options.kind === 'chrono'
      ? chronologicalRoles(windows, options, rng)
      : randomRoles(windows.count, options, rng);
  const labelRow = new Uint32Array(windows.count);
  const ratingRole = new Uint8Array(ratingCount);
  for (let w = 0; w < windows.count; w++) {
    labelRow[w] = histories.row[windows.end[w]];
    ratingRole[labelRow[w]] = role[w];
  }
  const seeing = countTrainingWindowsSeeingHeldOut(histories, windows, role, ratingRole);
  if (options.kind === 'chrono' && seeing > 0)
    throw new Error(`chronological split leaks: ${seeing} training windows see held-out labels`);
  return {
    options,
    windows,
    role,
    ratingRole,
    labelRow,
    windowCounts: countRoles(role),
    ratingCounts: countRoles(ratingRole),
    trainingWindowsSeeingHeldOutLabels: seeing,
    leakageNote: leakageNote(options.kind, seeing, windows.options.steps),
  };
}

/**
 * Stochastic rounding (floor, plus one with probability equal to the remainder), so that the held-out share
 * is right on average even for users with only a few windows.
 */
function roundedShare(total: number, fraction: number, rng: Rng): number {
  const exact = total * fraction;
  const whole = Math.floor(exact);
  return whole + (rng.next() < exact - whole ? 1 : 0);
}

function chronologicalRoles(windows: WindowIndex, options: SplitOptions, rng: Rng): Uint8Array {
  const role = new Uint8Array(windows.count);
  for (let first = 0; first < windows.count;) {
    let last = first;
    while (last < windows.count && windows.user[last] === windows.user[first]) last++;
    const total = last - first;
    const test = Math.min(total, roundedShare(total, options.testFraction, rng));
    const validation = Math.min(total - test, roundedShare(total, options.valFraction, rng));
    role.fill(TEST, last - test, last);
    role.fill(VALIDATION, last - test - validation, last - test);
    first = last;
  }
  return role;
}

function randomRoles(count: number, options: SplitOptions, rng: Rng): Uint8Array {
  const order = shuffleInPlace(
    Uint32Array.from({ length: count }, (_, i) => i),
    rng,
  );
  const test = Math.round(count * options.testFraction);
  const validation = Math.round(count * options.valFraction);
  const role = new Uint8Array(count);
  for (let k = 0; k < test; k++) role[order[k]] = TEST;
  for (let k = test; k < test + validation; k++) role[order[k]] = VALIDATION;
  return role;
}

/** Training windows that have a held-out label at one of their input positions (every step but the last). */
export function countTrainingWindowsSeeingHeldOut(
  histories: UserHistories,
  windows: WindowIndex,
  role: Uint8Array,
  ratingRole: Uint8Array,
): number {
  const steps = windows.options.steps;
  let seeing = 0;
  for (let w = 0; w < windows.count; w++) {
    if (role[w] !== TRAIN) continue;
    for (let p = windows.end[w] - steps + 1; p < windows.end[w]; p++) {
      if (ratingRole[histories.row[p]] !== TRAIN) {
        seeing++;
        break;
      }
    }
  }
  return seeing;
}

export function countRoles(role: Uint8Array): SplitCounts {
  const counts: SplitCounts = { train: 0, validation: 0, test: 0 };
  for (let i = 0; i < role.length; i++) {
    if (role[i] === TEST) counts.test++;
    else if (role[i] === VALIDATION) counts.validation++;
    else counts.train++;
  }
  return counts;
}

function leakageNote(kind: SplitKind, seeing: number, steps: number): string {
  if (steps === 1) return 'Each rating is its own example: no inputs carry other ratings.';
  if (kind === 'chrono')
    return 'Chronological split: every training window ends before the user’s first held-out rating, so no validation or test label is an input of a training window.';
  return `Random split: ${seeing.toLocaleString('en-US')} training windows show a validation or test rating among their inputs, because a later window sees earlier labels (as in a random split of windows like the report’s).`;
}
