import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser/harness';
import { browserSession } from '../helpers/browser/session';

const session = browserSession();
const dir = mkdtempSync(join(tmpdir(), 'prize-lab-upload-'));

const stat = (page: Page, label: string) =>
  page.locator(`[data-cell="data"] [data-stat="${label}"]`).textContent();
const subsetStat = (page: Page, label: string) =>
  page.locator(`[data-cell="subset"] [data-stat="${label}"]`).textContent();

/** Bars plotted in a chart, read from plotly's own data on the chart's element. */
async function plottedValues(page: Page, title: string): Promise<number[]> {
  const chart = page.locator(`[data-plot="${title}"]`);
  await chart.locator('.main-svg').first().waitFor();
  return chart.evaluate((element) =>
    ((element as unknown as { data: { y: number[] }[] }).data[0].y as number[]).slice(),
  );
}

async function openNotebook(): Promise<{ page: Page; errors: string[] }> {
  const context = await session.browser.newContext();
  const opened = await openPage(context, session.server.url);
  await opened.page
    .locator('[data-cell="subset"][data-status="done"]')
    .waitFor({ timeout: 60_000 });
  return opened;
}

describe('Data and Subset cells', () => {
  it('open on the bundled sample, labelled as generated, with its summary and charts', async () => {
    const { page, errors } = await openNotebook();
    const sample = readFileSync('public/sample/sample_genres.json', 'utf8');
    expect(JSON.parse(sample).movieGenre).toHaveLength(800);
    expect(await page.getByTestId('data-source').textContent()).toContain('Generated sample');
    expect(await stat(page, 'Users')).toBe('4,000');
    expect(await stat(page, 'Movies')).toBe('800');
    expect(await stat(page, 'First date')).toMatch(/^1999-11-1\d$/);
    expect(await stat(page, 'Skipped lines')).toBe('0');
    const stars = await plottedValues(page, 'Rating histogram');
    expect(stars).toHaveLength(5);
    const total = stars.reduce((a, b) => a + b, 0);
    expect((await stat(page, 'Ratings'))?.replace(/,/g, '')).toBe(String(total));
    expect((await plottedValues(page, 'Ratings per month')).length).toBeGreaterThan(70);
    expect(await subsetStat(page, 'Users')).toBe('2,000');
    expect(await subsetStat(page, 'Movies')).toBe('400');
    expect(await page.getByTestId('status-subset').textContent()).toMatch(/ratings \(\d+\.\d%\)/);
    expect(errors).toEqual([]);
  });

  it('load uploaded files through the file input, then keep them when a malformed file is refused', async () => {
    const { page, errors } = await openNotebook();
    const ratings = join(dir, 'combined_data_1.txt');
    const rows = [
      '1:',
      ...Array.from(
        { length: 30 },
        (_, i) => `${100 + i},${1 + (i % 5)},2005-0${1 + (i % 9)}-1${i % 10}`,
      ),
      '2:',
      '100,4,2005-06-01',
      '101,2,2005-06-02',
      '',
    ];
    writeFileSync(ratings, rows.join('\n'));
    const titles = join(dir, 'movie_titles.csv');
    writeFileSync(
      titles,
      Buffer.from('1,2003,Dinosaur Planet\n2,2004,Isle of Man TT 2004 Review\n', 'latin1'),
    );
    await page.getByLabel('Choose rating files').setInputFiles([ratings, titles]);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-cell="data"] [data-stat="Ratings"]')?.textContent === '32',
    );
    expect(await stat(page, 'Users')).toBe('30');
    expect(await stat(page, 'Movies')).toBe('2');
    expect(await stat(page, 'Titled movies')).toBe('2');
    expect(await page.getByTestId('data-source').textContent()).toContain(
      'combined_data_1.txt, movie_titles.csv',
    );
    await page.locator('[data-cell="subset"][data-status="done"]').waitFor();
    expect(await subsetStat(page, 'Movies')).toBe('1');

    const malformed = join(dir, 'broken_ratings.txt');
    writeFileSync(
      malformed,
      ['1:', '7,3,2005-01-01', '8,9,2005-01-01', '9,3,2005-02-30', '10,x,2005-01-01', ''].join(
        '\n',
      ),
    );
    await page.getByLabel('Choose rating files').setInputFiles(malformed);
    const alert = page.locator('[data-cell="data"]').getByRole('alert');
    await alert.waitFor();
    const message = await alert.textContent();
    expect(message).toContain('broken_ratings.txt was not loaded');
    expect(message).toContain('broken_ratings.txt:3: rating 9 is out of range 1–5');
    expect(message).toContain('The dataset loaded before is still in use.');
    expect(await stat(page, 'Ratings')).toBe('32');
    expect(await page.getByTestId('data-source').textContent()).toContain('combined_data_1.txt');
    expect(errors).toEqual([]);
  });

  it('ask to confirm the columns of a delimited file, then load it', async () => {
    const { page, errors } = await openNotebook();
    const csv = join(dir, 'my_ratings.csv');
    writeFileSync(
      csv,
      'reviewer,film,stars,date\nann,Heat,4,2004-03-01\nann,Alien,5,2004-03-02\nbob,Heat,2,2005-07-09\n',
    );
    await page.getByLabel('Choose rating files').setInputFiles(csv);
    const form = page.getByRole('form', { name: 'Column mapping' });
    await form.waitFor();
    expect(await form.locator('table.preview tbody tr').count()).toBe(3);
    await form.getByRole('button', { name: 'Load with these columns' }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-cell="data"] [data-stat="Ratings"]')?.textContent === '3',
    );
    expect(await stat(page, 'Users')).toBe('2');
    expect(await stat(page, 'Last date')).toBe('2005-07-09');
    expect(errors).toEqual([]);
  });
});
