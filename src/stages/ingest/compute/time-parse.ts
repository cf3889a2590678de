import { dayFromCivil, isCalendarDate } from '../../../lib/days';

/** How a time column is written. */
export type TimeFormat = 'unix-seconds' | 'unix-milliseconds' | 'iso-date';

const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*)?$/;

/** Day number of a time value, or a reason why it is not one. */
export function parseDay(raw: string, format: TimeFormat): number | string {
  const text = raw.trim();
  if (format === 'iso-date') {
    const match = ISO_DATE.exec(text);
    if (!match) return `“${text}” is not a date (expected YYYY-MM-DD)`;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (!isCalendarDate(year, month, day)) return `${text} is not a calendar date`;
    return dayFromCivil(year, month, day);
  }
  if (!/^-?\d+(\.\d+)?$/.test(text)) return `“${text}” is not a unix timestamp`;
  const seconds = format === 'unix-seconds' ? Number(text) : Number(text) / 1000;
  return Math.floor(seconds / 86400);
}

/** Guesses the format of a time column from sample values; null when the values fit none. */
export function guessTimeFormat(samples: string[]): TimeFormat | null {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (values.length === 0) return null;
  if (values.every((v) => ISO_DATE.test(v))) return 'iso-date';
  if (values.every((v) => /^\d{12,14}(\.\d+)?$/.test(v))) return 'unix-milliseconds';
  if (values.every((v) => /^\d{8,11}(\.\d+)?$/.test(v))) return 'unix-seconds';
  return null;
}
