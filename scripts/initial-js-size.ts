/**
 * The JavaScript a first visit downloads, from the production build in dist/: the entry chunk and what it
 * preloads, plus the data worker that starts at once (it loads the sample). Lazy chunks (plotly, tfjs) are
 * listed apart. Prints JSON; run after `npm run build`: `npm run --silent size`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const referenced = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const entryCode = referenced.map((file) => readFileSync(join(dist, file), 'utf8')).join('\n');
const all = readdirSync(join(dist, 'assets')).filter((file) => file.endsWith('.js'));
const worker = all.filter((file) => file.startsWith('data.worker') && entryCode.includes(file));

const size = (file: string) => {
  const bytes = readFileSync(join(dist, 'assets', file));
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
};
const initial = [...referenced.map((f) => f.replace('assets/', '')), ...worker].map(size);
const lazy = all.filter((file) => !initial.some((i) => i.file === file)).map(size);
const total = (list: { bytes: number; gzipBytes: number }[]) => ({
  bytes: list.reduce((s, f) => s + f.bytes, 0),
  gzipBytes: list.reduce((s, f) => s + f.gzipBytes, 0),
});
console.log(JSON.stringify({ initial, initialTotal: total(initial), lazy }, null, 2));
