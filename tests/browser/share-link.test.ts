import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser/harness';
import { plotData, statValues, waitForCell } from '../helpers/browser/notebook-pages';
import { browserSession } from '../helpers/browser/session';

const CHARTS = [
  'Rating histogram',
  'Ratings per month',
  'Ratings per user',
  'Ratings per movie',
  'History lengths of kept users',
  // Explore's scatter plots: projections of the sub-sample the seed draws.
  'PCA',
  'Sparse PCA',
  'NMF',
];

const session = browserSession();

describe('share links', () => {
  it('reopen the sample in a fresh session.browser with the same parameters, seed and figures', async () => {
    const origin = new URL(session.server.url).origin;
    const sender = await session.browser.newContext();
    await sender.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const { page, errors } = await openPage(sender, session.server.url);
    // Explore follows Subset on its own, so it is among the cells a link says have run.
    await waitForCell(page, 'explore');
    expect(await page.evaluate(() => location.hash)).toBe(
      '#v=1&seed=42&data=sample&run=data,subset,explore',
    );

    await page.getByLabel('Top users').fill('300');
    await page.getByLabel('Top movies').fill('120');
    await waitForCell(page, 'subset', 'stale');
    await page.getByLabel('Seed').fill('7');
    await page.locator('[data-cell="subset"]').getByRole('button', { name: 'Apply' }).click();
    await waitForCell(page, 'explore');

    await page.getByRole('button', { name: 'Copy share link' }).click();
    const shown = await page.getByTestId('share-link').inputValue();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);
    expect(new URL(copied).hash).toBe(
      '#v=1&seed=7&data=sample&subset.users=300&subset.movies=120&run=data,subset,explore',
    );
    const figures = await Promise.all(CHARTS.map((title) => plotData(page, title)));
    const stats = await statValues(page, 'Subset summary');
    expect(stats['Users']).toBe('300');

    const receiver = await session.browser.newContext();
    const opened = await openPage(receiver, copied);
    await waitForCell(opened.page, 'explore');
    expect(await opened.page.getByLabel('Top users').inputValue()).toBe('300');
    expect(await opened.page.getByLabel('Top movies').inputValue()).toBe('120');
    expect(await opened.page.getByLabel('Seed').inputValue()).toBe('7');
    expect(await Promise.all(CHARTS.map((title) => plotData(opened.page, title)))).toEqual(figures);
    expect(await statValues(opened.page, 'Subset summary')).toEqual(stats);
    expect(await opened.page.evaluate(() => location.hash)).toBe(new URL(copied).hash);

    expect(errors).toEqual([]);
    expect(opened.errors).toEqual([]);
    await sender.close();
    await receiver.close();
  });

  it('open a version-0 link through its migration and say what they left out', async () => {
    const context = await session.browser.newContext();
    const { page, errors } = await openPage(
      context,
      `${session.server.url}#u=200&m=90&seed=5&sample&zoom=3`,
    );
    await waitForCell(page, 'subset');
    expect(await page.getByLabel('Top users').inputValue()).toBe('200');
    expect((await statValues(page, 'Subset summary'))['Movies']).toBe('90');
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toBe('#v=1&seed=5&data=sample&subset.users=200&subset.movies=90&run=data,subset,explore');
    await expect(
      page.getByRole('status').filter({ hasText: 'zoom' }).textContent(),
    ).resolves.toContain("The old link's “zoom” is not known any more");
    expect(errors).toEqual([]);
    await context.close();
  });

  it('open a link pasted into a tab that is already open', async () => {
    const context = await session.browser.newContext();
    const { page, errors } = await openPage(context, session.server.url);
    await waitForCell(page, 'subset');
    await page.evaluate(() => {
      location.hash = 'v=1&seed=3&data=sample&subset.users=111&subset.movies=55&run=data,subset';
    });
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('label.seed input')?.value === '3',
    );
    await waitForCell(page, 'subset');
    expect(await page.getByLabel('Top users').inputValue()).toBe('111');
    expect((await statValues(page, 'Subset summary'))['Movies']).toBe('55');
    expect(errors).toEqual([]);
    await context.close();
  });
});
