import { summarizeRatings } from '../../stages/ingest/compute/summarize';
import type { ParsedArgs } from '../args';
import { loadRatingsFromPaths } from '../load-paths';

/** `summary FILE...`: what the Data cell shows, as one JSON object. */
export async function summaryCommand(args: ParsedArgs): Promise<unknown> {
  const { data, outcome } = await loadRatingsFromPaths(args.positional);
  const summary = summarizeRatings(data);
  return {
    ratings: summary.ratings,
    users: summary.users,
    movies: summary.movies,
    firstDate: summary.firstDate,
    lastDate: summary.lastDate,
    skippedLines: outcome.report.skippedLines,
  };
}
