import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const TSX = join(import.meta.dirname, '../../node_modules/tsx/dist/cli.mjs');
const MAIN = join(import.meta.dirname, '../../src/cli/main.ts');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [TSX, MAIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'prize-lab-cli-'));
const good = join(dir, 'combined_data_9.txt');
writeFileSync(
  good,
  [
    '1:',
    '10,3,2005-01-01',
    '11,4,2005-01-02',
    '12,5,2005-03-01',
    '2:',
    '10,1,2004-12-31',
    '99,7,2005-01-01',
    ...Array.from({ length: 20 }, (_, i) => `${20 + i},2,2005-02-0${1 + (i % 9)}`),
    '',
  ].join('\n'),
);
const bad = join(dir, 'notes.txt');
writeFileSync(bad, 'Just some notes\nabout movies\n');

describe('the command line', () => {
  it('summary prints one JSON object and every skipped line on stderr', async () => {
    const { code, stdout, stderr } = await cli('summary', good);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      ratings: 24,
      users: 23,
      movies: 2,
      firstDate: '2004-12-31',
      lastDate: '2005-03-01',
      skippedLines: 1,
    });
    expect(stderr).toBe(
      'skipped combined_data_9.txt:7: rating 7 is out of range 1–5 (“99,7,2005-01-01”)\n',
    );
  });

  it('summary exits 1 with the reason when a file cannot be read as ratings', async () => {
    const { code, stdout, stderr } = await cli('summary', bad);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(
      'notes.txt cannot be loaded: it is in no format Prize Lab reads (it has no delimited columns and no `MovieID:` blocks).',
    );
  });

  it('subset prints kept ratings, users, movies and share', async () => {
    const { code, stdout } = await cli('subset', good, '--users', '3', '--movies', '1');
    expect(code).toBe(0);
    // Movie 2 has 21 ratings (movie 1 has 3); the top 3 users by count are 10 (2 ratings), then 11 and 12 (ids break ties).
    expect(JSON.parse(stdout)).toEqual({ ratings: 1, users: 3, movies: 1, share: 1 / 24 });
  });

  it('rejects bad options and unknown commands with usage', async () => {
    const badOption = await cli('subset', good, '--users', 'many');
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('--users must be a number');
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command “frobnicate”');
  });

  it('prints the usage on stdout for --help, of every command or of one', async () => {
    const all = await cli('--help');
    expect(all.code).toBe(0);
    for (const command of ['summary', 'subset', 'cluster', 'windows', 'train', 'compare', 'tune'])
      expect(all.stdout).toContain(`  ${command} `);
    const one = await cli('tune', '--help');
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^usage: npm run --silent cli -- tune FILE\.\.\. --max-epochs E/);
  });
});
