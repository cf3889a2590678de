import type { UserHistories } from './user-histories';

export interface WindowOptions {
  /** W: ratings per window; the last one is the label. 1 makes every rating a window of its own. */
  steps: number;
  /** Positions between the labels of consecutive windows of one user. */
  stride: number;
  /** Keep at most this many windows per user (the latest), so heavy users do not dominate; null keeps all. */
  maxPerUser: number | null;
}

/** The report's window of 10, stride 1, no cap. */
export const DEFAULT_WINDOW_OPTIONS: WindowOptions = { steps: 10, stride: 1, maxPerUser: null };

/**
 * Where the windows are, without their features: window w covers the positions
 * `end[w] − steps + 1 … end[w]` of `UserHistories.row` (all of one user, `user[w]`), and its label is the
 * rating at `end[w]`. Windows are ordered by user, then by time.
 */
export interface WindowIndex {
  options: WindowOptions;
  count: number;
  user: Uint32Array;
  /** Position (index into `UserHistories.row`) of the label. */
  end: Uint32Array;
}

export function checkWindowOptions(options: WindowOptions): void {
  const { steps, stride, maxPerUser } = options;
  if (!Number.isInteger(steps) || steps < 1)
    throw new RangeError(`a window needs a whole number of steps ≥ 1, not ${steps}`);
  if (!Number.isInteger(stride) || stride < 1)
    throw new RangeError(`the stride must be a whole number ≥ 1, not ${stride}`);
  if (maxPerUser !== null && (!Number.isInteger(maxPerUser) || maxPerUser < 1))
    throw new RangeError(
      `the cap on windows per user must be a whole number ≥ 1, not ${maxPerUser}`,
    );
}

/** Windows a user with `length` ratings gets: labels counted back from the latest rating, `stride` apart. */
export function windowsOfLength(length: number, options: WindowOptions): number {
  if (length < options.steps) return 0;
  const all = Math.floor((length - options.steps) / options.stride) + 1;
  return options.maxPerUser === null ? all : Math.min(all, options.maxPerUser);
}

/**
 * Every user's windows. Labels are anchored at the user's latest rating and go back `stride` at a time, so the
 * latest rating is always a label (the chronological hold-out needs it) and a cap keeps the latest windows.
 * Users with fewer than `steps` ratings get none.
 */
export function indexWindows(histories: UserHistories, options: WindowOptions): WindowIndex {
  checkWindowOptions(options);
  let count = 0;
  for (let u = 0; u < histories.users; u++)
    count += windowsOfLength(histories.start[u + 1] - histories.start[u], options);
  const user = new Uint32Array(count);
  const end = new Uint32Array(count);
  let w = 0;
  for (let u = 0; u < histories.users; u++) {
    const first = histories.start[u];
    const windows = windowsOfLength(histories.start[u + 1] - first, options);
    const last = histories.start[u + 1] - 1;
    for (let j = windows - 1; j >= 0; j--, w++) {
      user[w] = u;
      end[w] = last - j * options.stride;
    }
  }
  return { options, count, user, end };
}
