import type { BadLineLog } from './bad-lines';
import { MAX_RATINGS_LINE_BYTES, type ByteSink } from './byte-sink';
import type { DelimitedLayout } from './delimited-layout';
import type { DayRange } from './netflix-ratings-parser';
import type { RatingsBuilder } from './ratings-builder';
import { delimitedRowSink } from './text-pieces';
import { parseDay } from './time-parse';

export interface DelimitedParseStats {
  lines: number;
  ratings: number;
}

/** Reads user,item,rating,time rows from any delimited text (MovieLens ratings.csv and the like) with papaparse. */
export function createDelimitedRatingsSink(
  file: string,
  layout: DelimitedLayout,
  builder: RatingsBuilder,
  badLines: BadLineLog,
  days: DayRange,
  stats: DelimitedParseStats,
): ByteSink {
  const needed =
    Math.max(layout.userColumn, layout.itemColumn, layout.ratingColumn, layout.timeColumn) + 1;
  const config = { delimiter: layout.delimiter, maxLineBytes: MAX_RATINGS_LINE_BYTES };
  return delimitedRowSink(file, config, (fields, line) => {
    stats.lines++;
    if (line === 1 && layout.hasHeader) return;
    const reject = (reason: string) =>
      badLines.add(file, line, fields.join(layout.delimiter), reason);
    if (fields.length < needed) {
      reject(`expected at least ${needed} fields, found ${fields.length}`);
      return;
    }
    const user = fields[layout.userColumn].trim();
    const item = fields[layout.itemColumn].trim();
    if (user === '' || item === '') {
      reject(user === '' ? 'the user id is empty' : 'the item id is empty');
      return;
    }
    const ratingText = fields[layout.ratingColumn].trim();
    const rating = Number(ratingText);
    if (ratingText === '' || !Number.isFinite(rating)) {
      reject(`rating “${ratingText}” is not a number`);
      return;
    }
    if (rating < layout.ratingMin || rating > layout.ratingMax) {
      reject(`rating ${ratingText} is out of range ${layout.ratingMin}–${layout.ratingMax}`);
      return;
    }
    const day = parseDay(fields[layout.timeColumn], layout.timeFormat);
    if (typeof day === 'string') {
      reject(day);
      return;
    }
    if (day < days.firstDay || day > days.lastDay) {
      reject(`time ${fields[layout.timeColumn].trim()} is outside the possible range`);
      return;
    }
    let code: number;
    try {
      code = builder.codeOf(rating);
    } catch (error) {
      reject((error as Error).message);
      return;
    }
    builder.add(builder.users.indexOfKey(user), builder.movies.indexOfKey(item), code, day);
    stats.ratings++;
  });
}
