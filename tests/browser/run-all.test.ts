import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser/harness';
import { waitForCell } from '../helpers/browser/notebook-pages';
import { browserSession } from '../helpers/browser/session';

const session = browserSession();

const SMALL_BUDGET =
  'subset.users=300&subset.movies=100&cluster.kMin=6&cluster.kMax=8&cluster.nInit=2&cluster.k=6&sequences.cap=10&' +
  'lstm.units=8&lstm.epochs=2&dense.embedding=8&dense.epochs=2&baselines.epochs=3&' +
  'tune.maxEpochs=2&tune.factor=2&tune.unitsMin=4&tune.unitsMax=8&tune.layersMax=1';

describe('Run all', () => {
  it('brings every cell of the notebook to done on the sample, with no console errors', async () => {
    const { page, errors } = await openPage(
      await session.browser.newContext(),
      `${session.server.url}#v=1&seed=5&data=sample&${SMALL_BUDGET}`,
    );
    await waitForCell(page, 'subset');
    // The notebook's cells, in the order the page shows them (the cell list's order).
    const CELL_ORDER = await page.$$eval('section[data-cell]', (sections) =>
      sections.map((s) => s.getAttribute('data-cell') ?? ''),
    );
    expect(CELL_ORDER.length).toBeGreaterThanOrEqual(11);
    await page.getByRole('button', { name: 'Run all' }).click();
    for (const cell of CELL_ORDER) await waitForCell(page, cell, 'done', 240_000);
    const statuses = await page.$$eval('section[data-cell]', (sections) =>
      sections.map((s) => s.getAttribute('data-status')),
    );
    expect(statuses).toEqual(CELL_ORDER.map(() => 'done'));
    // Tune trains its best configuration in full, so Compare has the tuned LSTM's row.
    const tunedRow = page.getByTestId('comparison').locator('tr[data-model="lstm-tuned"]');
    expect(await tunedRow.count()).toBe(1);

    // A reload reopens the link the notebook wrote, which says what it will run and runs it on a click.
    await page.reload();
    await page.getByTestId('link-plan').getByRole('button', { name: 'Run them' }).click();
    await waitForCell(page, 'tune', 'done', 240_000);
    await waitForCell(page, 'compare', 'done', 240_000);
    expect(await tunedRow.count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
