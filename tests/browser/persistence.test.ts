import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser/harness';
import { statValues, waitForCell } from '../helpers/browser/notebook-pages';
import { browserSession } from '../helpers/browser/session';

const session = browserSession();

/** A small ratings file in the Netflix Prize format: 12 movies, 40 customers, deterministic. */
function writeRatingsFile(): string {
  const lines: string[] = [];
  for (let movie = 1; movie <= 12; movie++) {
    lines.push(`${movie}:`);
    for (let customer = 1; customer <= 40; customer++) {
      if ((customer * 7 + movie * 3) % 4 === 0) continue;
      const stars = 1 + ((customer + movie * 2) % 5);
      const day = 1 + ((customer * movie) % 28);
      lines.push(
        `${1000 + customer},${stars},2004-0${1 + (movie % 9)}-${String(day).padStart(2, '0')}`,
      );
    }
  }
  const path = join(mkdtempSync(join(tmpdir(), 'prize-lab-')), 'my_ratings.txt');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('browser storage', () => {
  it('keeps an upload across reloads, leaves it alone with #fresh, and deletes it from the Storage panel', async () => {
    const context = await session.browser.newContext();
    const { page, errors } = await openPage(context, session.server.url);
    await waitForCell(page, 'subset');

    await page.getByLabel('Choose rating files').setInputFiles(writeRatingsFile());
    await page.waitForSelector('[data-testid="data-source"]:has-text("my_ratings.txt")');
    await waitForCell(page, 'data');
    await expect
      .poll(() => page.getByTestId('storage-message').textContent())
      .toContain('Kept my_ratings.txt');
    const uploaded = await statValues(page, 'Dataset summary');
    expect(uploaded['Ratings']).toBe('360');
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toBe('#v=1&seed=42&data=upload:my_ratings.txt&run=data,subset,explore');

    // A reload reads the dataset back from IndexedDB: no upload.
    await page.reload();
    await waitForCell(page, 'subset');
    expect(await page.getByTestId('data-source').textContent()).toContain('my_ratings.txt');
    expect(await statValues(page, 'Dataset summary')).toEqual(uploaded);
    expect(await page.getByTestId('storage-message').textContent()).toContain(
      'Restored my_ratings.txt',
    );

    // #fresh neither reads nor deletes it: the link asks for the files instead.
    const fresh = await openPage(
      context,
      `${session.server.url}#v=1&data=upload:my_ratings.txt&fresh=1`,
    );
    await fresh.page.waitForSelector('[data-testid="requested-files"]');
    expect(await fresh.page.locator('section[data-cell="data"]').getAttribute('data-status')).toBe(
      'idle',
    );
    await fresh.page.getByRole('button', { name: /^Storage/ }).click();
    expect(await fresh.page.locator('.storage-panel').textContent()).toContain('#fresh');
    await fresh.page.close();

    await page.getByRole('button', { name: /^Storage/ }).click();
    const row = page.locator('tr[data-storage-key]', { hasText: 'my_ratings.txt' });
    await expect.poll(() => row.count()).toBe(1);
    await page.getByRole('button', { name: 'Delete my_ratings.txt' }).click();
    await expect.poll(() => row.count()).toBe(0);
    await page.waitForSelector('.storage-panel :text("Nothing is stored.")');

    // Gone: reloading the upload's link now asks for the files, and data never came from anywhere else.
    await page.reload();
    await page.waitForSelector('[data-testid="requested-files"]:has-text("my_ratings.txt")');
    expect(await page.locator('section[data-cell="data"]').getAttribute('data-status')).toBe(
      'idle',
    );

    // Choosing the files again rebuilds the notebook, with the cells the link named.
    await page
      .getByLabel('Choose the files this link was made with')
      .setInputFiles(writeRatingsFile());
    await waitForCell(page, 'subset');
    expect(await statValues(page, 'Dataset summary')).toEqual(uploaded);
    expect(errors).toEqual([]);
    await context.close();
  });
});
