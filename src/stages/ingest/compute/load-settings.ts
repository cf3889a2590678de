import type { LoadSettings } from './load-context';

const MS_PER_DAY = 86_400_000;

/** Settings for a load now: a rating may not be dated before 1970 or after today (UTC, plus a day of slack). */
export function todayLoadSettings(
  nowMs: number,
  overrides: Partial<LoadSettings> = {},
): LoadSettings {
  return {
    days: { firstDay: 0, lastDay: Math.floor(nowMs / MS_PER_DAY) + 1 },
    layouts: {},
    acceptProposedLayouts: false,
    ...overrides,
  };
}
