import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/lib/rng';

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

// 60 customers (ids 100…159) rating 20 movies, 6 ratings each, on distinct days of 2005.
const dir = mkdtempSync(join(tmpdir(), 'prize-cli-'));
const rng = createRng(11);
const byMovie = new Map<number, string[]>();
for (let c = 100; c < 160; c++)
  for (let n = 0; n < 6; n++) {
    const movie = 1 + ((c * 7 + n * 3) % 20);
    const date = `2005-0${1 + n}-${String(1 + (c % 28)).padStart(2, '0')}`;
    const list = byMovie.get(movie) ?? [];
    list.push(`${c},${1 + rng.int(5)},${date}`);
    byMovie.set(movie, list);
  }
const training = join(dir, 'combined_data_1.txt');
writeFileSync(training, [...byMovie].map(([m, rows]) => `${m}:\n${rows.join('\n')}\n`).join(''));
const ratings = [...byMovie.values()].reduce((n, rows) => n + rows.length, 0);
// The probe: the first customer line of each movie block.
const probe = join(dir, 'probe.txt');
writeFileSync(probe, [...byMovie].map(([m, rows]) => `${m}:\n${rows[0].split(',')[0]}\n`).join(''));
const qualifying = join(dir, 'qualifying.txt');
writeFileSync(qualifying, '3:\n100,2005-12-01\n999,2005-12-02\n7:\n101,2005-12-03\n');

describe('npm run cli -- prize', () => {
  it('prints one row per model under the probe protocol and writes a submission file', async () => {
    const out = join(dir, 'predictions.txt');
    const { code, stdout, stderr } = await cli(
      'prize',
      training,
      '--probe',
      probe,
      '--models',
      'mean,bias,timesvdpp',
      '--factors',
      '4',
      '--epochs',
      '3',
      '--qualifying',
      qualifying,
      '--predictions',
      out,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      protocol: 'probe',
      trainRatings: ratings - byMovie.size,
      heldOutRatings: byMovie.size,
      probePairsNotFound: 0,
    });
    expect(result.models.map((m: { model: string }) => m.model)).toEqual([
      'mean',
      'bias',
      'timesvdpp',
    ]);
    for (const row of result.models) {
      expect(Object.keys(row)).toEqual([
        'model',
        'heldOutRmse',
        'recallAt10',
        'ndcgAt10',
        'coverageAt10',
        'epochs',
        'bestEpoch',
        'params',
        'seconds',
      ]);
      expect(row.heldOutRmse).toBeGreaterThan(0);
      expect(row.recallAt10).toBeGreaterThanOrEqual(0);
      expect(row.recallAt10).toBeLessThanOrEqual(1);
    }
    expect(result.models[2].epochs).toBe(3);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines[0]).toBe('3:');
    expect(lines[3]).toBe('7:');
    expect(lines.filter((l) => /^[1-5]\.\d{3}$/.test(l))).toHaveLength(3);
  });

  it('holds out each customer’s last ratings without a probe', async () => {
    const { code, stdout } = await cli('prize', training, '--models', 'mean', '--rank-users', '0');
    expect(code).toBe(0);
    // 6 ratings per customer: floor(6 / 2) = 3 held out each.
    expect(JSON.parse(stdout)).toMatchObject({
      protocol: 'last-9',
      trainRatings: ratings - 60 * 3,
      heldOutRatings: 60 * 3,
      models: [{ model: 'mean', recallAt10: null, epochs: 0 }],
    });
  });

  it('exits 2 on a usage error and 1 on a file that is not a probe, saying why', async () => {
    // Four processes at once: each spends most of its time starting tsx.
    const [badModel, half, notProbe, help] = await Promise.all([
      cli('prize', training, '--models', 'mf,knn'),
      cli('prize', training, '--qualifying', qualifying),
      cli('prize', training, '--probe', training),
      cli('prize', '--help'),
    ]);
    expect(badModel.code).toBe(2);
    expect(badModel.stderr).toMatch(/^--models: unknown model “knn”/);
    expect(half.code).toBe(2);
    expect(half.stderr).toMatch(/^--qualifying and --predictions go together/);
    expect(notProbe.code).toBe(1);
    expect(notProbe.stderr).toMatch(/^combined_data_1\.txt is not a probe file/);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(
      /^usage: npm run --silent cli -- prize FILE\.\.\. \[--probe probe\.txt\]/,
    );
  });
});
