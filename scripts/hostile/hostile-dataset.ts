/**
 * A small rating dataset whose text is hostile: user ids, movie titles and a file name that try to run script
 * (script tags, event handlers, `javascript:` links), to be read as plotly markup (`<a>`, `<b>`, `<br>`, `%{}`)
 * or as spreadsheet formulas. Ratings as a MovieLens-style CSV (text user ids), titles as MovieLens movies.csv.
 * Every payload that runs would count in `window.__hostileRuns` or open a dialog; tests/browser/hostile.test.ts
 * loads it into the app and checks neither happens.
 */
import { createRng } from '../../src/lib/rng';

/** What a payload does if it ever runs. */
const RUN = 'window.__hostileRuns=(window.__hostileRuns||0)+1;alert(1)';

/** Hostile user ids: each also has to survive CSV quoting. */
export const HOSTILE_USER_IDS = [
  `<img src=x onerror="${RUN}">`,
  `<script>${RUN}</script>`,
  `javascript:${RUN}`,
  '<a href="javascript:alert(1)">user</a>',
  '<b>bold</b><br>%{x}',
  '=HYPERLINK("http://127.0.0.2/leak","open me")',
  '+SUM(1+1)',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '" onmouseover="' + RUN,
];

/** Hostile titles (MovieLens puts the year in parentheses after the title). */
export const HOSTILE_TITLES = [
  `<script>${RUN}</script>`,
  `<img src=x onerror="${RUN}">`,
  `<svg onload="${RUN}">`,
  '<a href="javascript:alert(1)">click me</a>',
  '<b>bold</b> <i>italic</i><br>line two',
  '%{x} %{y:.2f} %{text}',
  '<span style="font-size:80px">huge</span>',
  '=HYPERLINK("http://127.0.0.2/leak","open me")',
  '{{constructor.constructor("alert(1)")()}}',
  '&lt;escaped&gt; &amp; &#60;b&#62;',
];

/** A file name that is also a payload (names show in the Data cell and in messages). */
export const HOSTILE_FILE_NAME = `ratings<img src=x onerror="${RUN}">.csv`;

function csvQuote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface HostileDataset {
  ratingsCsv: string;
  moviesCsv: string;
}

/**
 * `users` users rate about 25 of `movies` movies each, at times spread over 2003–2005. The hostile users are
 * the most active ones, and every user rates the hostile-titled movies, so that every subset keeps them.
 */
export function hostileDataset(seed = 13, users = 240, movies = 40): HostileDataset {
  const rng = createRng(seed);
  const rows = ['userId,movieId,rating,timestamp'];
  const start = Date.UTC(2003, 0, 1) / 1000;
  const span = (Date.UTC(2005, 11, 31) / 1000 - start) | 0;
  for (let u = 0; u < users; u++) {
    const id = u < HOSTILE_USER_IDS.length ? HOSTILE_USER_IDS[u] : `user${u}`;
    const rated = new Set<number>();
    for (let m = 1; m <= HOSTILE_TITLES.length; m++) rated.add(m);
    const others = movies - HOSTILE_TITLES.length;
    const wanted = rated.size + Math.min(others, u < HOSTILE_USER_IDS.length ? 25 : 15);
    while (rated.size < wanted)
      rated.add(HOSTILE_TITLES.length + 1 + rng.int(movies - HOSTILE_TITLES.length));
    for (const m of rated)
      rows.push(`${csvQuote(id)},${m},${1 + rng.int(5)},${start + rng.int(span)}`);
  }
  const titles = ['movieId,title,genres'];
  for (let m = 1; m <= movies; m++) {
    const title = m <= HOSTILE_TITLES.length ? HOSTILE_TITLES[m - 1] : `Movie ${m}`;
    titles.push(`${m},${csvQuote(`${title} (${1990 + (m % 20)})`)},Drama`);
  }
  return { ratingsCsv: `${rows.join('\n')}\n`, moviesCsv: `${titles.join('\n')}\n` };
}
