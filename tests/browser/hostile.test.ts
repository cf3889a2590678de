import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  HOSTILE_FILE_NAME,
  HOSTILE_TITLES,
  HOSTILE_USER_IDS,
  hostileDataset,
} from '../../scripts/hostile/hostile-dataset';
import { openPage } from '../helpers/browser/harness';
import { waitForCell } from '../helpers/browser/notebook-pages';
import { browserSession } from '../helpers/browser/session';

// Hostile ids, titles and a hostile file name go through the cheap cells (Data, Subset, Explore, Cluster,
// Sequences, Recommend's history): hover labels, tables, chart titles, the windows CSV. Nothing may run (no
// dialog, no `window.__hostileRuns`), nothing may be injected (no handler attributes, no scripts, no
// javascript: links, no plotly markup), and the guard (./guard.ts) fails the test on any CSP violation or
// off-origin request.

const session = browserSession();

const SMALL =
  '#v=1&seed=5&subset.users=2000&subset.movies=400&cluster.kMin=3&cluster.kMax=4&cluster.nInit=1&cluster.k=3&' +
  'sequences.cap=20';

const cell = (page: Page, id: string) => page.locator(`section[data-cell="${id}"]`);

/** Hovers every point of a plotly chart and returns the hover labels' text. */
async function hoverAll(page: Page, title: string): Promise<string[]> {
  const chart = page.locator(`[data-plot="${title}"]`);
  await chart.locator('.main-svg').first().waitFor();
  await chart.scrollIntoViewIfNeeded();
  const points = await chart.evaluate((div) => {
    const gd = div as unknown as {
      data: { x: number[] | string[]; y: number[] }[];
      _fullLayout: {
        xaxis: { l2p(v: number): number; d2l(v: unknown): number; _offset: number };
        yaxis: { l2p(v: number): number; _offset: number };
      };
    };
    const { xaxis, yaxis } = gd._fullLayout;
    const box = div.getBoundingClientRect();
    const trace = gd.data[0];
    return trace.y.map((y, i) => ({
      x: box.left + xaxis._offset + xaxis.l2p(xaxis.d2l(trace.x[i])),
      y: box.top + yaxis._offset + yaxis.l2p(y),
    }));
  });
  const labels: string[] = [];
  for (const point of points) {
    await page.mouse.move(point.x, point.y);
    const label = chart.locator('.hoverlayer .hovertext');
    if ((await label.count()) > 0) labels.push((await label.first().textContent()) ?? '');
  }
  await page.mouse.move(0, 0);
  return labels;
}

/** Saves the download `click` starts and returns its text. */
async function downloadText(page: Page, button: Locator): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFileSync(await download.path(), 'utf8');
}

/** Everything in the page that would be an injection if the data had put it there. */
async function injected(page: Page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      handlerAttributes: all.flatMap((element) =>
        [...element.attributes]
          .filter((attribute) => /^on/i.test(attribute.name))
          .map((attribute) => `${element.tagName} ${attribute.name}`),
      ),
      scripts: document.querySelectorAll('script').length,
      javascriptLinks: all.filter((element) =>
        ['href', 'xlink:href', 'src', 'action'].some((name) =>
          /^\s*javascript:/i.test(element.getAttribute(name) ?? ''),
        ),
      ).length,
      svgLinks: document.querySelectorAll('svg a').length,
      hugeSpans: [...document.querySelectorAll('svg [style]')].filter((element) =>
        /80px/.test(element.getAttribute('style') ?? ''),
      ).length,
      runs: (window as { __hostileRuns?: number }).__hostileRuns ?? 0,
    };
  });
}

describe('hostile titles, ids and file names', () => {
  it('show as text everywhere, run nothing and inject nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prize-lab-hostile-'));
    const { ratingsCsv, moviesCsv } = hostileDataset();
    const ratingsPath = join(dir, HOSTILE_FILE_NAME);
    const moviesPath = join(dir, 'movies.csv');
    writeFileSync(ratingsPath, ratingsCsv);
    writeFileSync(moviesPath, moviesCsv);

    const context = await session.browser.newContext({ acceptDownloads: true });
    const { page, errors } = await openPage(context, `${session.server.url}${SMALL}`);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await waitForCell(page, 'subset');
    const before = await injected(page);

    await page.getByLabel('Choose rating files').setInputFiles([ratingsPath, moviesPath]);
    const form = page.getByRole('form', { name: 'Column mapping' });
    await form.getByRole('button', { name: 'Load with these columns' }).click();
    await expect
      .poll(() => page.getByTestId('data-source').textContent(), { timeout: 60_000 })
      .toContain(HOSTILE_FILE_NAME);
    await waitForCell(page, 'subset');
    await waitForCell(page, 'explore');

    // The mode bar holds zoom, pan, reset and PNG only: no cloud upload, no logo.
    const buttons = await page
      .locator('[data-plot="PCA"] .modebar-btn')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-title')));
    expect(buttons).toEqual(['Zoom', 'Pan', 'Reset axes', 'Download plot as a PNG']);
    expect(await page.locator('.modebar a[href*="plotly"], .modebar-btn--logo').count()).toBe(0);

    // Explore: every movie's hover label, hostile titles as written.
    // Explore: every movie's hover label; the hostile titles that come up show as written (points that lie
    // on top of one another show one label, so not every title need come up).
    const hovers = await hoverAll(page, 'PCA');
    const shown = HOSTILE_TITLES.filter((title) => hovers.some((l) => l.startsWith(`${title} (`)));
    expect(shown.length).toBeGreaterThanOrEqual(2);
    for (const label of hovers) expect(label).toMatch(/ \(\d{4}\)\d+ ratings, mean \d\.\d\d$/);

    // Cluster: the table of most-rated titles.
    await cell(page, 'cluster').locator('header button.run').click();
    await waitForCell(page, 'cluster', 'done', 120_000);
    const clusterTable = (await page.locator('table[aria-label="Clusters"]').textContent()) ?? '';
    expect(clusterTable).toContain(HOSTILE_TITLES[0]);

    // Sequences (runs after Cluster): the example window and the windows CSV.
    await waitForCell(page, 'sequences', 'done', 120_000);
    const csv = await downloadText(
      page,
      page.getByRole('button', { name: 'Download the training windows as CSV' }),
    );
    const userIds = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[1]);
    expect(userIds.some((id) => /^"?'=HYPERLINK/.test(id))).toBe(true);
    expect(userIds.some((id) => id === "'+SUM(1+1)")).toBe(true);
    expect(userIds.some((id) => id === "'@SUM(1+1)")).toBe(true);
    expect(csv.split('\n').every((line) => !/(^|,)"?[=+@-][^0-9.]/.test(line))).toBe(true);

    // Recommend: a hostile user's history, with the id in the chart title and the titles on hover.
    for (const userId of [HOSTILE_USER_IDS[0], HOSTILE_USER_IDS[3]]) {
      await cell(page, 'recommend').getByLabel('User id').fill(userId);
      await cell(page, 'recommend').getByRole('button', { name: 'Find' }).click();
      const title = `Ratings of user ${userId} over time`;
      await page
        .locator(`[data-plot="${title.replace(/"/g, '\\"')}"] .main-svg`)
        .first()
        .waitFor();
      const drawnTitle = await page
        .locator(`[data-plot="${title.replace(/"/g, '\\"')}"] .gtitle`)
        .textContent();
      expect(drawnTitle).toBe(title);
      const history = await hoverAll(page, title.replace(/"/g, '\\"'));
      expect(history.some((label) => HOSTILE_TITLES.some((t) => label.startsWith(t)))).toBe(true);
    }

    const after = await injected(page);
    expect(dialogs).toEqual([]);
    expect(after).toEqual(before);
    expect(after.runs).toBe(0);
    expect(after.handlerAttributes).toEqual([]);
    expect(after.javascriptLinks).toBe(0);
    expect(after.svgLinks).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
