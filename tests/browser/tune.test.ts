import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser/harness';
import { statValues, waitForCell } from '../helpers/browser/notebook-pages';
import { browserSession } from '../helpers/browser/session';

const session = browserSession();

/** A search small enough for CI: 6 trials of at most 3 epochs over tiny LSTMs on few windows. */
const BUDGET =
  'subset.users=300&subset.movies=100&cluster.kMin=6&cluster.kMax=8&cluster.nInit=2&cluster.k=6&sequences.cap=10&' +
  'tune.maxEpochs=3&tune.unitsMin=4&tune.unitsMax=12&tune.layersMax=2&lstm.epochs=2';

describe('the Tune cell', () => {
  it('shows the schedule, fills the trial table live, stops, and offers the best configuration for full training', async () => {
    const { page, errors } = await openPage(
      await session.browser.newContext(),
      `${session.server.url}#v=1&seed=3&data=sample&${BUDGET}&run=data,subset`,
    );
    await waitForCell(page, 'subset');
    const tune = page.locator('section[data-cell="tune"]');
    expect(await tune.getByTestId('tune-schedule').locator('caption').textContent()).toContain(
      '6 trials',
    );
    await page.locator('section[data-cell="cluster"] button.run').click();
    await waitForCell(page, 'sequences');

    // Before a search: an epoch of a middle configuration is timed and the schedule's time estimated.
    await tune.getByRole('button', { name: 'Measure an epoch' }).click();
    await expect
      .poll(() => tune.getByTestId('tune-estimate').textContent(), { timeout: 60_000 })
      .toMatch(/middle configuration \(2 × 7 units\) took .+ so the whole schedule takes about/);

    await tune.getByRole('button', { name: 'New search' }).click();
    await expect
      .poll(() => tune.getByTestId('trial-table').locator('tbody tr').count(), { timeout: 120_000 })
      .toBeGreaterThanOrEqual(2);
    expect(await tune.getByTestId('best-so-far').textContent()).toContain('Best val_loss So Far');
    expect(await tune.getByTestId('tune-estimate').textContent()).toMatch(
      /s per epoch measured in this search/,
    );
    await tune.getByRole('button', { name: 'Stop' }).click();
    await page.waitForSelector('section[data-cell="tune"]:not([data-status="running"])', {
      timeout: 120_000,
    });
    const rows = await tune.getByTestId('trial-table').locator('tbody tr').count();
    expect(rows).toBeLessThan(6);
    expect(await tune.locator('.cell-status').textContent()).toContain('(stopped)');

    await tune.getByRole('button', { name: /Train the best configuration in full/ }).click();
    await waitForCell(page, 'tune', 'done', 120_000);
    expect(Number((await statValues(page, 'LSTM (tuned) result'))['Test RMSE'])).toBeGreaterThan(0);
    expect(
      await page.getByTestId('comparison').locator('tr[data-model="lstm-tuned"]').count(),
    ).toBe(1);

    // Resume continues the schedule from where it stopped.
    await tune.getByRole('button', { name: 'Resume' }).click();
    await waitForCell(page, 'tune', 'done', 180_000);
    expect(await tune.getByTestId('trial-table').locator('tbody tr').count()).toBe(6);
    expect(errors).toEqual([]);
  });
});
