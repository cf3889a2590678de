import { formatDay } from '../../../lib/days';
import type { MovieMeta, RatingsTable } from '../../ingest/compute/ratings-table';
import type { UserHistories } from './user-histories';
import type { WindowSplit } from './window-split';

/** One step of a window, as a row of the small table the Sequences cell shows. */
export interface ExampleStepRow {
  step: number;
  /** `YYYY-MM-DD`. */
  date: string;
  movie: number;
  title: string | null;
  /** −1 where the movie has no cluster. */
  cluster: number;
  /** The rating the model sees at this step; null at the last step, where it is hidden. */
  shownRating: number | null;
  /** The true rating at this step (at the last step: the label). */
  rating: number;
}

export interface ExampleWindow {
  window: number;
  user: number;
  role: 'train' | 'validation' | 'test';
  rows: ExampleStepRow[];
  label: number;
}

const ROLE_NAMES = ['train', 'validation', 'test'] as const;

/** Window `w` step by step, for display. */
export function exampleWindow(
  table: RatingsTable,
  histories: UserHistories,
  split: WindowSplit,
  clusterOfMovie: Int32Array,
  movies: (MovieMeta | null)[],
  w: number,
): ExampleWindow {
  if (!(w >= 0 && w < split.windows.count))
    throw new RangeError(`there is no window ${w}; there are ${split.windows.count}`);
  const steps = split.windows.options.steps;
  const rows: ExampleStepRow[] = [];
  for (let s = 0; s < steps; s++) {
    const r = histories.row[split.windows.end[w] - steps + 1 + s];
    const movie = table.movie[r];
    const rating = table.ratingValues[table.code[r]];
    rows.push({
      step: s + 1,
      date: formatDay(table.day[r]),
      movie,
      title: movies[movie]?.title ?? null,
      cluster: clusterOfMovie[movie] ?? -1,
      shownRating: s === steps - 1 ? null : rating,
      rating,
    });
  }
  return {
    window: w,
    user: split.windows.user[w],
    role: ROLE_NAMES[split.role[w]],
    rows,
    label: rows[steps - 1].rating,
  };
}

/** The first window with the given role, or −1. */
export function firstWindowWithRole(split: WindowSplit, role: number): number {
  return split.role.indexOf(role);
}
