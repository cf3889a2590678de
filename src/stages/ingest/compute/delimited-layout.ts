import Papa from 'papaparse';
import { guessTimeFormat, type TimeFormat } from './time-parse';

/** Which column holds what, in a delimited ratings file. Proposed by `proposeLayout`, confirmed by a person. */
export interface DelimitedLayout {
  delimiter: string;
  hasHeader: boolean;
  /** 0-based column indices. */
  userColumn: number;
  itemColumn: number;
  ratingColumn: number;
  timeColumn: number;
  timeFormat: TimeFormat;
  /** Inclusive range of valid ratings; values outside it are bad lines. */
  ratingMin: number;
  ratingMax: number;
}

export interface LayoutProposal {
  /** Column names from the header, or `column 1`, `column 2`, … without one. */
  columns: string[];
  /** The first few data rows, as text, for the person to check the mapping against. */
  preview: string[][];
  /** The proposed layout, or null with a reason when no user/item/rating/time columns could be found. */
  layout: DelimitedLayout | null;
  problem: string | null;
}

const ROLE_PATTERNS = {
  user: /^(user|users|userid|user_id|uid|customer|customerid|customer_id|cust_id|reviewer|reviewerid)$/i,
  item: /^(item|items|itemid|item_id|iid|movie|movieid|movie_id|film|filmid|product|productid|asin|title_id)$/i,
  rating: /^(rating|ratings|score|stars|rate|value)$/i,
  time: /^(time|timestamp|date|datetime|ts|rated_at|time_stamp|unixreviewtime)$/i,
};

function detectDelimiter(text: string): string {
  const firstLine = text.split('\n', 1)[0];
  if (firstLine.includes('::')) return '::';
  const counts = [',', '\t', ';', '|'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0].n > 0 ? counts[0].d : ',';
}

/** Proposes how to read a delimited file, from its first lines. */
export function proposeLayout(firstText: string): LayoutProposal {
  const delimiter = detectDelimiter(firstText);
  const rows = Papa.parse<string[]>(firstText, { delimiter, skipEmptyLines: true }).data.slice(
    0,
    50,
  );
  if (rows.length === 0)
    return { columns: [], preview: [], layout: null, problem: 'the file has no rows' };
  const header = rows[0].map((name) => name.trim());
  const hasHeader =
    header.some((name) => /[a-z]/i.test(name) && !/^\d/.test(name)) &&
    !header.every((name) => /^[-\d.:/ T]+$/.test(name));
  const data = hasHeader ? rows.slice(1) : rows;
  const width = rows[0].length;
  const columns = hasHeader ? header : header.map((_, i) => `column ${i + 1}`);
  const preview = data.slice(0, 5);

  const byName = (pattern: RegExp): number =>
    hasHeader ? header.findIndex((n) => pattern.test(n.replace(/\s/g, ''))) : -1;
  let userColumn = byName(ROLE_PATTERNS.user);
  let itemColumn = byName(ROLE_PATTERNS.item);
  let ratingColumn = byName(ROLE_PATTERNS.rating);
  let timeColumn = byName(ROLE_PATTERNS.time);
  // Without names, fall back to the common user,item,rating,time order (MovieLens, Amazon, most dumps).
  if (userColumn < 0 && itemColumn < 0 && ratingColumn < 0 && timeColumn < 0 && width >= 4) {
    [userColumn, itemColumn, ratingColumn, timeColumn] = [0, 1, 2, 3];
  }
  const missing = Object.entries({
    user: userColumn,
    item: itemColumn,
    rating: ratingColumn,
    'date or timestamp': timeColumn,
  })
    .filter(([, column]) => column < 0)
    .map(([role]) => role);
  if (width < 4 || missing.length > 0) {
    const needs =
      missing.length > 0 ? `found no ${missing.join(', ')} column` : `has ${width} columns`;
    return {
      columns,
      preview,
      layout: null,
      problem: `it ${needs}; ratings need user, item, rating and a date or timestamp`,
    };
  }
  const timeFormat = guessTimeFormat(data.map((row) => row[timeColumn] ?? ''));
  if (!timeFormat) {
    return {
      columns,
      preview,
      layout: null,
      problem: `column “${columns[timeColumn]}” holds neither dates nor unix timestamps`,
    };
  }
  const ratingTexts = data.map((row) => (row[ratingColumn] ?? '').trim()).filter((t) => t !== '');
  const ratings = ratingTexts.map(Number).filter(Number.isFinite);
  if (ratings.length === 0) {
    return {
      columns,
      preview,
      layout: null,
      problem: `column “${columns[ratingColumn]}” holds no numbers`,
    };
  }
  const [ratingMin, ratingMax] = proposeRatingRange(
    ratings,
    ratingTexts.some((t) => t.includes('.')),
  );
  return {
    columns,
    preview,
    layout: {
      delimiter,
      hasHeader,
      userColumn,
      itemColumn,
      ratingColumn,
      timeColumn,
      timeFormat,
      ratingMin,
      ratingMax,
    },
    problem: null,
  };
}

/**
 * The usual scale that holds the sample: whole stars 1–5, else 0–5 (half stars, written `4.0`), 0–10 or 0–100.
 * The person can widen it before loading.
 */
function proposeRatingRange(ratings: number[], writtenWithDecimals: boolean): [number, number] {
  const lo = Math.min(...ratings);
  const hi = Math.max(...ratings);
  const max = hi <= 5 ? 5 : hi <= 10 ? 10 : 100;
  return [max === 5 && lo >= 1 && !writtenWithDecimals ? 1 : 0, max];
}

const ROLE_NAMES = {
  userColumn: 'user',
  itemColumn: 'item',
  ratingColumn: 'rating',
  timeColumn: 'date / time',
} as const;

/**
 * Why `layout` cannot be used on a file with columns `columns`, as a sentence fragment, or null when it can:
 * each role needs a column of its own (one column as both user and item would load nonsense without a single
 * bad line), inside the file, and the rating range must be a range.
 */
export function layoutProblem(layout: DelimitedLayout, columns: string[]): string | null {
  const roles = Object.keys(ROLE_NAMES) as (keyof typeof ROLE_NAMES)[];
  for (const role of roles) {
    const column = layout[role];
    if (!Number.isInteger(column) || column < 0 || (columns.length > 0 && column >= columns.length))
      return `the ${ROLE_NAMES[role]} column (${column + 1}) is not a column of the file`;
  }
  for (let a = 0; a < roles.length; a++) {
    for (let b = a + 1; b < roles.length; b++) {
      if (layout[roles[a]] !== layout[roles[b]]) continue;
      const name = columns[layout[roles[a]]] ?? `column ${layout[roles[a]] + 1}`;
      return `column “${name}” is chosen as both ${ROLE_NAMES[roles[a]]} and ${ROLE_NAMES[roles[b]]}; each needs a column of its own`;
    }
  }
  if (!Number.isFinite(layout.ratingMin) || !Number.isFinite(layout.ratingMax))
    return 'the lowest and highest rating must be numbers';
  if (layout.ratingMin >= layout.ratingMax)
    return `the lowest rating (${layout.ratingMin}) must be below the highest (${layout.ratingMax})`;
  return null;
}
