import { formatDay, formatMonthIndex, monthIndexOfDay } from '../../../lib/days';
import type { RatingsData, RatingsTable } from './ratings-table';

/** How many users (or movies) have how many ratings, in bins that double in width: 1, 2–3, 4–7, 8–15, … */
export interface CountDistribution {
  /** Inclusive bin bounds. */
  binStarts: number[];
  binEnds: number[];
  counts: number[];
  min: number;
  median: number;
  mean: number;
  max: number;
}

export interface DatasetSummary {
  ratings: number;
  users: number;
  movies: number;
  /** `YYYY-MM-DD`. */
  firstDate: string;
  lastDate: string;
  /** ratings / (users × movies). */
  density: number;
  meanRating: number;
  ratingHistogram: { values: number[]; counts: number[] };
  /** Ratings per calendar month, every month from the first to the last. */
  monthly: { months: string[]; counts: number[] };
  perUser: CountDistribution;
  perMovie: CountDistribution;
  /** Movies that have a title. */
  titledMovies: number;
  /** Bytes held by the rating columns. */
  bytes: number;
}

/** Number of ratings per index of `column` (users or movies). */
export function countPerIndex(column: Uint32Array, size: number): Uint32Array {
  const counts = new Uint32Array(size);
  for (let i = 0; i < column.length; i++) counts[column[i]]++;
  return counts;
}

export function countDistribution(counts: Uint32Array): CountDistribution {
  const sorted = Uint32Array.from(counts).sort();
  const n = sorted.length;
  const max = n > 0 ? sorted[n - 1] : 0;
  const binStarts = [1];
  const binEnds = [1];
  for (let start = 2; start <= max; start *= 2) {
    binStarts.push(start);
    binEnds.push(start * 2 - 1);
  }
  const binCounts = new Array<number>(binStarts.length).fill(0);
  let sum = 0;
  let bin = 0;
  for (let i = 0; i < n; i++) {
    const value = sorted[i];
    sum += value;
    if (value === 0) continue;
    while (value > binEnds[bin]) bin++;
    binCounts[bin]++;
  }
  return {
    binStarts,
    binEnds,
    counts: binCounts,
    min: n > 0 ? sorted[0] : 0,
    median: n > 0 ? (n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2) : 0,
    mean: n > 0 ? sum / n : 0,
    max,
  };
}

function ratingHistogram(table: RatingsTable): DatasetSummary['ratingHistogram'] {
  const counts = new Array<number>(table.ratingValues.length).fill(0);
  for (let i = 0; i < table.code.length; i++) counts[table.code[i]]++;
  return { values: Array.from(table.ratingValues), counts };
}

function monthlyCounts(
  day: Uint16Array,
  firstDay: number,
  lastDay: number,
): DatasetSummary['monthly'] {
  const perDay = new Uint32Array(lastDay - firstDay + 1);
  for (let i = 0; i < day.length; i++) perDay[day[i] - firstDay]++;
  const firstMonth = monthIndexOfDay(firstDay);
  const counts = new Array<number>(monthIndexOfDay(lastDay) - firstMonth + 1).fill(0);
  for (let d = 0; d < perDay.length; d++) {
    if (perDay[d] > 0) counts[monthIndexOfDay(firstDay + d) - firstMonth] += perDay[d];
  }
  return { months: counts.map((_, m) => formatMonthIndex(firstMonth + m)), counts };
}

export function summarizeRatings(data: RatingsData): DatasetSummary {
  const { table } = data;
  const ratings = table.user.length;
  const users = data.userIds.ids.length;
  const movies = data.movieIds.ids.length;
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (let i = 0; i < ratings; i++) {
    const d = table.day[i];
    if (d < firstDay) firstDay = d;
    if (d > lastDay) lastDay = d;
  }
  const histogram = ratingHistogram(table);
  const total = histogram.counts.reduce((sum, c, i) => sum + c * histogram.values[i], 0);
  return {
    ratings,
    users,
    movies,
    firstDate: ratings > 0 ? formatDay(firstDay) : '',
    lastDate: ratings > 0 ? formatDay(lastDay) : '',
    density: users * movies > 0 ? ratings / (users * movies) : 0,
    meanRating: ratings > 0 ? total / ratings : 0,
    ratingHistogram: histogram,
    monthly: ratings > 0 ? monthlyCounts(table.day, firstDay, lastDay) : { months: [], counts: [] },
    perUser: countDistribution(countPerIndex(table.user, users)),
    perMovie: countDistribution(countPerIndex(table.movie, movies)),
    titledMovies: data.movies.filter((m) => m !== null).length,
    bytes:
      table.user.byteLength + table.movie.byteLength + table.code.byteLength + table.day.byteLength,
  };
}
