import type { BadLineLog } from './bad-lines';
import { MAX_TEXT_LINE_BYTES, type ByteSink } from './byte-sink';
import type { MovieMeta } from './ratings-table';
import { delimitedRowSink } from './text-pieces';

export interface TitlesStats {
  lines: number;
  titles: number;
  titlesWithCommas: number;
  nullYears: number;
}

/** Titles from every titles file of a load, keyed by the movie id as written in the file. */
export type TitleMap = Map<string, MovieMeta>;

/** A character that never occurs in text files, so that papaparse treats quotes as plain characters. */
const NO_QUOTE = '\u0000';

/**
 * Netflix `movie_titles.csv`/`.txt`: `MovieID,YearOfRelease,Title` with no header and no quoting, so a title's
 * own commas are split off by the CSV parser and joined back (the title is everything after the second comma).
 */
export function createNetflixTitlesSink(
  file: string,
  titles: TitleMap,
  badLines: BadLineLog,
  stats: TitlesStats,
): ByteSink {
  return delimitedRowSink(
    file,
    { delimiter: ',', quoteChar: NO_QUOTE, maxLineBytes: MAX_TEXT_LINE_BYTES },
    (fields, line) => {
      stats.lines++;
      const [id, year, ...titleParts] = fields;
      const title = titleParts.join(',').trim();
      if (!/^\d+$/.test(id) || !/^(\d{4}|NULL)$/.test(year ?? '') || title === '') {
        badLines.add(file, line, fields.join(','), 'expected `MovieID,YearOfRelease,Title`');
        return;
      }
      if (titleParts.length > 1) stats.titlesWithCommas++;
      if (year === 'NULL') stats.nullYears++;
      titles.set(String(Number(id)), { title, year: year === 'NULL' ? null : Number(year) });
      stats.titles++;
    },
  );
}

/** MovieLens `movies.csv`: `movieId,title,genres`, quoted CSV, the year in parentheses at the end of the title. */
export function createMovieLensTitlesSink(
  file: string,
  titles: TitleMap,
  badLines: BadLineLog,
  stats: TitlesStats,
): ByteSink {
  return delimitedRowSink(
    file,
    { delimiter: ',', maxLineBytes: MAX_TEXT_LINE_BYTES },
    (fields, line) => {
      stats.lines++;
      if (line === 1) return; // the header
      const [id, rawTitle, genres] = fields;
      if (!/^\d+$/.test(id ?? '') || !rawTitle) {
        badLines.add(file, line, fields.join(','), 'expected `movieId,title,genres`');
        return;
      }
      const match = /^(.*?)\s*\((\d{4})\)\s*$/.exec(rawTitle);
      const meta: MovieMeta = {
        title: match ? match[1] : rawTitle.trim(),
        year: match ? Number(match[2]) : null,
      };
      if (genres && genres !== '(no genres listed)') meta.genres = genres;
      if (meta.title.includes(',')) stats.titlesWithCommas++;
      if (meta.year === null) stats.nullYears++;
      titles.set(String(Number(id)), meta);
      stats.titles++;
    },
  );
}
