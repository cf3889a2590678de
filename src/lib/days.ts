/**
 * Calendar dates as day numbers: whole days since 1970-01-01 (UTC), which fit a Uint16Array until 2149.
 * The conversions follow Howard Hinnant's civil-calendar algorithms, so they need no Date object.
 */

export const MAX_STORABLE_DAY = 0xffff;

/** Day number of a proleptic Gregorian date; `month` is 1–12. */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthIndex = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthIndex + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function civilFromDay(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` for a day number. */
export function formatDay(dayNumber: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Months since 1970-01 for a day number, for monthly histograms. */
export function monthIndexOfDay(dayNumber: number): number {
  const { year, month } = civilFromDay(dayNumber);
  return (year - 1970) * 12 + (month - 1);
}

/** `YYYY-MM` for a month index from `monthIndexOfDay`. */
export function formatMonthIndex(monthIndex: number): string {
  return `${1970 + Math.floor(monthIndex / 12)}-${pad2((monthIndex % 12) + 1)}`;
}
