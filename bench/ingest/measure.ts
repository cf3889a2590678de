/**
 * One measurement in a fresh process, so that peak memory belongs to this parser alone:
 * `tsx bench/ingest/measure.ts project|papaparse FILE` prints {seconds, ratings, peakBytesPerRating, …}.
 */
import { statSync } from 'node:fs';
import { fileSource } from '../../src/cli/node-sources';
import { loadRatingFiles } from '../../src/stages/ingest/compute/load-files';
import { todayLoadSettings } from '../../src/stages/ingest/compute/load-settings';
import { parseWithPapaparse } from './papaparse-netflix';

const [parser, path] = process.argv.slice(2);
const bytes = statSync(path).size;
global.gc?.();
const rssBefore = process.memoryUsage().rss;
const started = process.hrtime.bigint();
let ratings: number;
let tableBytes: number;
if (parser === 'project') {
  const { data } = await loadRatingFiles([fileSource(path)], todayLoadSettings(Date.now()));
  ratings = data!.table.user.length;
  const t = data!.table;
  tableBytes = t.user.byteLength + t.movie.byteLength + t.code.byteLength + t.day.byteLength;
} else {
  const table = await parseWithPapaparse(path);
  ratings = table.user.length;
  tableBytes =
    table.user.byteLength + table.movie.byteLength + table.code.byteLength + table.day.byteLength;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const peakRss = process.resourceUsage().maxRSS * 1024;
process.stdout.write(
  `${JSON.stringify({
    parser,
    bytes,
    ratings,
    seconds,
    mbPerSecond: bytes / 1e6 / seconds,
    storedBytesPerRating: tableBytes / ratings,
    peakBytesPerRating: (peakRss - rssBefore) / ratings,
    peakRssMb: peakRss / 1e6,
  })}\n`,
);
