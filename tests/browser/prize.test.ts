import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser/harness';
import { plotData, waitForCell } from '../helpers/browser/notebook-pages';
import { browserSession } from '../helpers/browser/session';

const session = browserSession();

/** A probe file for the bundled sample: each of the first 300 customers' latest rating, by movie block. */
async function sampleProbe(): Promise<string> {
  const text = gunzipSync(await readFile('public/sample/sample_ratings.txt.gz')).toString('latin1');
  const latest = new Map<string, { movie: string; date: string }>();
  let movie = '';
  for (const line of text.split('\n')) {
    if (line.endsWith(':')) movie = line.slice(0, -1);
    else if (line) {
      const [customer, , date] = line.split(',');
      const held = latest.get(customer);
      if (!held || date > held.date) latest.set(customer, { movie, date });
    }
  }
  const byMovie = new Map<string, string[]>();
  for (const [customer, { movie: m }] of [...latest].slice(0, 300))
    byMovie.set(m, [...(byMovie.get(m) ?? []), customer]);
  const lines = [...byMovie].flatMap(([m, customers]) => [`${m}:`, ...customers]);
  const dir = await mkdtemp(join(tmpdir(), 'prize-probe-'));
  const path = join(dir, 'probe.txt');
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

describe('the Prize models cell', () => {
  it('trains two models on every rating against a probe file, live, and Compare names the protocol', async () => {
    const probe = await sampleProbe();
    const { page, errors } = await openPage(
      await session.browser.newContext(),
      `${session.server.url}#v=1&seed=3&data=sample&prize.models=mean,mf&prize.factors=10&prize.epochs=3&prize.rankUsers=200`,
    );
    await waitForCell(page, 'data');
    const cell = page.locator('section[data-cell="prize"]');
    // Before anything trains: the protocol (last 9 without a probe) and the memory the models take.
    await expect
      .poll(() => cell.getByTestId('prize-plan').textContent(), { timeout: 60_000 })
      .toMatch(/each user’s last 9 ratings.*Memory: the split .+, the largest model/);
    await cell.getByLabel('Choose probe.txt').setInputFiles(probe);
    await expect
      .poll(() => cell.getByTestId('prize-plan').textContent(), { timeout: 60_000 })
      .toMatch(/Prize probe set, all ratings.*ratings train, 300 are held out/);

    await cell.locator('button.run').click();
    await waitForCell(page, 'prize', 'done', 180_000);
    // One point for the mean, one per epoch for MF (live charts redraw at most every 250 ms).
    await expect
      .poll(async () =>
        ((await plotData(page, 'Held-out RMSE per epoch')) as { y: number[] }[]).map(
          (c) => c.y.length,
        ),
      )
      .toEqual([1, 3]);
    const results = cell.getByTestId('prize-results');
    expect(await results.locator('tbody tr').count()).toBe(2);

    const compare = page.getByTestId('prize-comparison');
    await compare.waitFor();
    const rows = await compare
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.getAttribute('data-model'), tr.getAttribute('data-protocol')]),
      );
    expect(rows).toEqual(
      expect.arrayContaining([
        ['prize-mean', 'Prize probe set, all ratings'],
        ['prize-mf', 'Prize probe set, all ratings'],
      ]),
    );
    expect(await compare.locator('caption').textContent()).toContain('300 held-out ratings');
    expect(errors).toEqual([]);
  });
});
