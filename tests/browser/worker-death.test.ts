import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser/harness';
import { waitForCell } from '../helpers/browser/notebook-pages';
import { browserSession } from '../helpers/browser/session';

const session = browserSession();

const BUDGET =
  'subset.users=400&subset.movies=120&cluster.kMin=6&cluster.kMax=14&cluster.nInit=6&cluster.k=8&' +
  'sequences.cap=30&lstm.units=64&lstm.epochs=40&lstm.patience=40';

/** The page's worker whose script is `name`'s entry (prize-lab-data, prize-lab-train). */
async function workerOf(page: Page, workers: Worker[], script: string): Promise<Worker> {
  await expect
    .poll(() => workers.some((w) => w.url().includes(script)), { timeout: 60_000 })
    .toBe(true);
  return workers.filter((w) => w.url().includes(script)).at(-1)!;
}

const statusText = (page: Page, cell: string) =>
  page
    .locator(`section[data-cell="${cell}"] .error-box, section[data-cell="${cell}"] [role="alert"]`)
    .first()
    .textContent();

describe('a worker that dies in the middle of a run', () => {
  it('is noticed, named in the cell, and restarted by running the cell again', async () => {
    const { page, errors } = await openPage(
      await session.browser.newContext(),
      `${session.server.url}#v=1&seed=4&data=sample&${BUDGET}`,
    );
    const workers: Worker[] = [];
    page.on('worker', (worker) => workers.push(worker));
    await waitForCell(page, 'subset');
    const cluster = page.locator('section[data-cell="cluster"]');

    // The training worker dies while the LSTM trains: the LSTM cell says so, and Train starts a new one.
    await cluster.locator('button.run').click();
    await waitForCell(page, 'sequences', 'done', 120_000);
    const lstm = page.locator('section[data-cell="lstm"]');
    await lstm.locator('button.run').click();
    await waitForCell(page, 'lstm', 'running');
    const train = await workerOf(page, workers, 'train.worker');
    await page.waitForTimeout(1_000);
    await train.evaluate(() => self.close()).catch(() => undefined);
    await waitForCell(page, 'lstm', 'error', 60_000);
    expect(await statusText(page, 'lstm')).toMatch(
      /The training worker stopped: it did not answer for 15 s\. Run the cell again to restart it\./,
    );
    await page.locator('section[data-cell="lstm"] input').first().fill('8');
    await lstm.locator('button.run').click();
    await waitForCell(page, 'lstm', 'done', 180_000);

    // The data worker dies during a sweep: the sweep says so, the Data cell says the ratings are gone, and
    // running the Data cell again reloads the sample on a fresh worker.
    await cluster.locator('button.run').click();
    await waitForCell(page, 'cluster', 'running');
    const data = await workerOf(page, workers, 'data.worker');
    await data.evaluate(() => self.close()).catch(() => undefined);
    await waitForCell(page, 'cluster', 'error', 60_000);
    expect(await statusText(page, 'cluster')).toMatch(/The data worker stopped/);
    await waitForCell(page, 'data', 'error');
    expect(await statusText(page, 'data')).toMatch(/data worker stopped.*run the Data cell again/);
    await page.locator('section[data-cell="data"] button.run-from').click();
    await waitForCell(page, 'data', 'done', 120_000);
    await waitForCell(page, 'subset', 'done', 120_000);
    expect(errors.filter((e) => !/worker/i.test(e))).toEqual([]);
  });
});
