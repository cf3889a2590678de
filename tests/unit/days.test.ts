import { describe, expect, it } from 'vitest';
import {
  civilFromDay,
  dayFromCivil,
  formatDay,
  isCalendarDate,
  monthIndexOfDay,
  formatMonthIndex,
} from '../../src/lib/days';

describe('day numbers', () => {
  it('match hand-checked dates', () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    expect(dayFromCivil(1970, 1, 2)).toBe(1);
    expect(dayFromCivil(2000, 3, 1)).toBe(11017); // 30 years of 365 days + 7 leap days + Jan + Feb 2000 (29)
    expect(dayFromCivil(2005, 12, 31)).toBe(Date.UTC(2005, 11, 31) / 86_400_000);
    expect(dayFromCivil(1999, 11, 11)).toBe(Date.UTC(1999, 10, 11) / 86_400_000);
  });

  it('round-trip every day from 1970 to 2149', () => {
    for (let day = 0; day <= 0xffff; day += 1) {
      const { year, month, day: d } = civilFromDay(day);
      expect(dayFromCivil(year, month, d)).toBe(day);
    }
    expect(formatDay(dayFromCivil(2004, 2, 29))).toBe('2004-02-29');
  });

  it('know which dates exist', () => {
    expect(isCalendarDate(2004, 2, 29)).toBe(true);
    expect(isCalendarDate(2005, 2, 29)).toBe(false);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(2005, 4, 31)).toBe(false);
    expect(isCalendarDate(2005, 13, 1)).toBe(false);
  });

  it('name months', () => {
    expect(formatMonthIndex(monthIndexOfDay(dayFromCivil(2005, 12, 31)))).toBe('2005-12');
    expect(formatMonthIndex(monthIndexOfDay(0))).toBe('1970-01');
  });
});
