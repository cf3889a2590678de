/**
 * Loads every malformed input through the real loaders and prints how each was handled, as the Markdown table
 * in tests/fixtures/HOSTILE.md: `npx tsx scripts/hostile/report.ts`. With a directory argument it also writes
 * the files there, to drop them on the page by hand.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRatingFiles } from '../../src/stages/ingest/compute/load-files';
import { todayLoadSettings } from '../../src/stages/ingest/compute/load-settings';
import { malformedInputs } from './malformed-inputs';

const dir = process.argv[2];
const settings = todayLoadSettings(Date.UTC(2026, 0, 1), { acceptProposedLayouts: true });
console.log('| Input | What it is | Handled | ms |');
console.log('| --- | --- | --- | --- |');
for (const c of malformedInputs()) {
  if (dir) {
    mkdirSync(dir, { recursive: true });
    for (const f of c.files) writeFileSync(join(dir, f.name), f.bytes);
  }
  const sources = c.files.map((f) => ({
    name: f.name,
    byteLength: f.bytes.length,
    async *open(onSourceBytes: (n: number) => void) {
      for (let i = 0; i < f.bytes.length; i += 1 << 16) {
        onSourceBytes(Math.min(1 << 16, f.bytes.length - i));
        yield f.bytes.slice(i, i + (1 << 16));
      }
    },
  }));
  const started = performance.now();
  let handled: string;
  try {
    const { data, report } = await loadRatingFiles(sources, settings);
    const first = report.badLines[0];
    handled =
      `loaded ${data?.table.user.length ?? 0} ratings, ${report.skippedLines} lines skipped` +
      (first ? ` (first: ${first.file}:${first.line}: ${first.reason})` : '');
  } catch (error) {
    handled = `refused: “${(error as Error).message}”`;
  }
  const ms = Math.round(performance.now() - started);
  console.log(`| ${c.id} | ${c.description} | ${handled.replace(/\|/g, '\\|')} | ${ms} |`);
}
