import { csvField } from '../../../lib/csv';
import { formatDay } from '../../../lib/days';
import type { IdList } from '../../ingest/compute/id-index';
import {
  WINDOW_EXPORT_CHUNK_BYTES,
  windowsOfSplit,
  type WindowExportChunk,
  type WindowExportSource,
} from './export-source';
import { clusterNumber } from '../../../lib/cluster-number';

/**
 * Windows as CSV, one row per window, for reading with pandas or a spreadsheet:
 *
 * `split, user_id, s1_movie_id, s1_date, s1_cluster, s1_rating, [s1_days_gap_log1p], [s1_movie_mean], …,
 *  sW_…, label`
 *
 * Steps run from the oldest (s1) to the one whose rating is the label (sW). Ids are the dataset's own ids
 * (Netflix customer and movie ids), dates `YYYY-MM-DD`. `cluster` is the movie's cluster numbered from 1, as every cell
 * shows it (x's one-hot column is cluster − 1; empty for a movie without one). `sW_rating` is empty: that rating is the label, which the
 * model never sees (x holds 0 there). The two optional columns per step appear when the features are on, with
 * the values x holds.
 */
export function windowCsvColumns(source: Pick<WindowExportSource, 'windows'>): string[] {
  const { steps, featureOptions } = source.windows;
  const columns = ['split', 'user_id'];
  for (let s = 1; s <= steps; s++) {
    columns.push(`s${s}_movie_id`, `s${s}_date`, `s${s}_cluster`, `s${s}_rating`);
    if (featureOptions.daysSincePrevious) columns.push(`s${s}_days_gap_log1p`);
    if (featureOptions.movieMean) columns.push(`s${s}_movie_mean`);
  }
  columns.push('label');
  return columns;
}

/** Whole numbers as they are; others to 6 significant digits (float32 holds about 7). */
export function csvNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

function idFields(ids: IdList): (index: number) => string {
  const cache = new Map<number, string>();
  return (index) => {
    let text = cache.get(index);
    if (text === undefined) {
      text = csvField(String(ids.ids[index]));
      cache.set(index, text);
    }
    return text;
  };
}

/** Writes the row of window `k` of the source's split (without the line break). */
function rowWriter(source: WindowExportSource): (k: number) => string {
  const { windows, split } = source;
  const { steps, cluster, rating, daysGap, movieMean, user, movie, day } = windows;
  const ends = windows[split];
  const userId = idFields(source.userIds);
  const movieId = idFields(source.movieIds);
  const dates: string[] = [];
  const date = (d: number) => (dates[d] ??= formatDay(d));
  return (k) => {
    const end = ends[k];
    const fields = [split, userId(user[end])];
    for (let p = end - steps + 1; p <= end; p++) {
      fields.push(
        movieId(movie[p]),
        date(day[p]),
        clusterNumber(cluster[p]),
        p === end ? '' : csvNumber(rating[p]),
      );
      if (daysGap) fields.push(csvNumber(daysGap[p]));
      if (movieMean) fields.push(csvNumber(movieMean[p]));
    }
    fields.push(csvNumber(rating[end]));
    return fields.join(',');
  };
}

/**
 * The CSV of one split, in window order (users, each in time order), as UTF-8 chunks of about `chunkBytes`:
 * the header line, then rows, each line ended by `\n`.
 */
export function* windowCsvChunks(
  source: WindowExportSource,
  chunkBytes = WINDOW_EXPORT_CHUNK_BYTES,
): Generator<WindowExportChunk> {
  const encoder = new TextEncoder();
  const row = rowWriter(source);
  const count = windowsOfSplit(source);
  let lines = [`${windowCsvColumns(source).join(',')}\n`];
  let length = lines[0].length;
  for (let k = 0; k < count; k++) {
    const line = `${row(k)}\n`;
    lines.push(line);
    length += line.length;
    if (length >= chunkBytes) {
      yield { bytes: encoder.encode(lines.join('')), windowsDone: k + 1 };
      lines = [];
      length = 0;
    }
  }
  if (lines.length > 0) yield { bytes: encoder.encode(lines.join('')), windowsDone: count };
}

/** The CSV's size from the header and up to `sample` rows spread over the split. */
export function estimateWindowCsvBytes(source: WindowExportSource, sample = 256): number {
  const count = windowsOfSplit(source);
  const header = windowCsvColumns(source).join(',').length + 1;
  if (count === 0) return header;
  const row = rowWriter(source);
  const n = Math.min(count, sample);
  let total = 0;
  for (let i = 0; i < n; i++) total += row(Math.floor((i * count) / n)).length + 1;
  return header + Math.round((total / n) * count);
}
