import { describe, expect, it } from 'vitest';
import { malformedInputs, type HostileCase } from '../../scripts/hostile/malformed-inputs';
import { loadRatingFiles, type LoadOutcome } from '../../src/stages/ingest/compute/load-files';
import { FileRefusedError } from '../../src/stages/ingest/compute/load-errors';
import { memorySource, testSettings } from '../helpers/memory-source';

/** A hang guard, not a timing claim: every case finishes in well under a second to a few seconds. */
const HANG_MS = 60_000;

/** Loads the case's files as the app does (64 KiB chunks), or rejects after HANG_MS. */
async function load(c: HostileCase): Promise<LoadOutcome> {
  const sources = c.files.map((f) => memorySource(f.name, f.bytes));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${c.id} did not finish in ${HANG_MS / 1000} s`)),
      HANG_MS,
    );
  });
  try {
    return await Promise.race([loadRatingFiles(sources, testSettings()), hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** A fingerprint of a loaded dataset: its counts and a sum over every column of the table. */
function fingerprint(outcome: LoadOutcome): string {
  const { table, userIds, movieIds } = outcome.data!;
  let sum = 0;
  for (const values of [table.user, table.movie, table.code, table.day, table.ratingValues])
    for (let i = 0; i < values.length; i++) sum = (sum * 31 + values[i]) % 1_000_000_007;
  return JSON.stringify([sum, table.user.length, userIds, movieIds, outcome.report.skippedLines]);
}

const cases = malformedInputs();

describe('hostile inputs through the real loaders', () => {
  const before = { outcome: null as LoadOutcome | null, print: '' };

  it('load a good dataset first, to check later that nothing touched it', async () => {
    const good = `${['1:', '1,3,2005-01-01', '2,4,2005-02-01', '2:', '1,5,2005-03-01'].join('\n')}\n`;
    before.outcome = await loadRatingFiles([memorySource('good.txt', good)], testSettings());
    before.print = fingerprint(before.outcome);
    expect(before.outcome.data!.table.user.length).toBe(3);
  });

  it.each(cases.map((c) => [c.id, c] as const))(
    '%s: loads with counted skips or is refused naming the file',
    async (_, c) => {
      let outcome: LoadOutcome | null = null;
      let refusal: FileRefusedError | null = null;
      try {
        outcome = await load(c);
      } catch (error) {
        if (!(error instanceof FileRefusedError)) throw error;
        refusal = error;
      }
      const names = c.files.map((f) => f.name);
      if (refusal) {
        // A sentence that names the file (or the archive entry inside it), never a stack trace.
        expect(names.some((n) => refusal.message.startsWith(n.replace(/\.gz$/, '')))).toBe(true);
        expect(refusal.message.length).toBeLessThan(400);
      }
      switch (c.expect.kind) {
        case 'loads':
          expect(refusal?.message ?? null).toBeNull();
          if (c.expect.exact) expect(outcome!.report.skippedLines).toBe(c.expect.skips);
          break;
        case 'refused':
          expect(outcome).toBeNull();
          expect(refusal!.message).toMatch(c.expect.message);
          break;
        case 'loads-or-refused':
          if (outcome) {
            expect(outcome.report.skippedLines).toBeLessThanOrEqual(c.expect.maxSkips);
            // Every skipped line is reported with its file, line number and a bounded reason.
            for (const bad of outcome.report.badLines) {
              expect(names).toContain(bad.file);
              expect(bad.line).toBeGreaterThan(0);
              expect(bad.text.length).toBeLessThanOrEqual(81);
              expect(bad.reason.length).toBeLessThanOrEqual(161);
            }
          }
          break;
      }
    },
    HANG_MS + 10_000,
  );

  it('leave the dataset loaded before exactly as it was', () => {
    expect(fingerprint(before.outcome!)).toBe(before.print);
  });
});
