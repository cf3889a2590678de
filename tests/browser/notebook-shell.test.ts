import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  openPage,
  startPreview,
  type PreviewServer,
} from '../helpers/browser/harness';
import { plotData, waitForCell } from '../helpers/browser/notebook-pages';
import { startStaticHost } from '../helpers/browser/static-host';

let preview: PreviewServer;
let staticHost: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  preview = await startPreview();
  staticHost = await startStaticHost('/someone/demos/prize-lab/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await staticHost?.close();
});

const statusOf = (page: Page, cell: string) =>
  page.locator(`section[data-cell="${cell}"]`).getAttribute('data-status');

/** WCAG contrast ratio of two CSS colours as the page computes them. */
async function contrast(page: Page, foreground: string, background: string): Promise<number> {
  return page.evaluate(
    ([fg, bg]) => {
      const probe = document.createElement('div');
      document.body.append(probe);
      const rgb = (value: string) => {
        probe.style.color = `var(${value})`;
        return getComputedStyle(probe)
          .color.match(/\d+(\.\d+)?/g)!
          .slice(0, 3)
          .map(Number);
      };
      const luminance = (channels: number[]) => {
        const [r, g, b] = channels.map((c) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const [a, b] = [luminance(rgb(fg)), luminance(rgb(bg))].sort((x, y) => y - x);
      probe.remove();
      return (a + 0.05) / (b + 0.05);
    },
    [foreground, background] as const,
  );
}

describe('the notebook shell', () => {
  it('marks a cell stale when its parameter changes and brings it up to date with Run all', async () => {
    const context = await browser.newContext();
    const { page, errors } = await openPage(context, preview.url);
    await waitForCell(page, 'subset');
    const before = await plotData(page, 'History lengths of kept users');
    await page.getByLabel('Top users').fill('150');
    await waitForCell(page, 'subset', 'stale');
    expect(await page.locator('section[data-cell="subset"] .stale-note').count()).toBe(1);
    expect(await statusOf(page, 'data')).toBe('done');
    await page.getByRole('button', { name: 'Run all' }).click();
    await waitForCell(page, 'subset');
    expect(await plotData(page, 'History lengths of kept users')).not.toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says which cell to run first when a cell has no input', async () => {
    const context = await browser.newContext();
    const { page, errors } = await openPage(context, `${preview.url}#v=1&data=upload:gone.csv`);
    await page.waitForSelector('[data-testid="requested-files"]');
    await page
      .locator('section[data-cell="subset"]')
      .getByRole('button', { name: 'Run from here' })
      .click();
    await waitForCell(page, 'subset', 'error');
    expect(await page.locator('section[data-cell="subset"] [role="alert"]').textContent()).toBe(
      'Run the Data cell first: Subset reads its result, and it has no result yet.',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves between cells and runs them from the keyboard', async () => {
    const context = await browser.newContext();
    const { page, errors } = await openPage(context, preview.url);
    await waitForCell(page, 'subset');
    const focused = () =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cell ?? null);
    await page.keyboard.press('Alt+ArrowDown');
    expect(await focused()).toBe('data');
    await page.keyboard.press('j');
    expect(await focused()).toBe('subset');
    await page.keyboard.press('k');
    expect(await focused()).toBe('data');
    await page.keyboard.press('Alt+ArrowDown');
    expect(await focused()).toBe('subset');

    await page.getByLabel('Top movies').fill('77');
    await waitForCell(page, 'subset', 'stale');
    await page.keyboard.press('Escape');
    expect(await focused()).toBe('subset');
    await page.keyboard.press('Control+Enter');
    await waitForCell(page, 'subset');
    expect(await page.locator('[data-stat="Movies"]').nth(1).textContent()).toBe('77');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits a phone screen and stays readable in dark mode', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 800 },
      colorScheme: 'dark',
    });
    const { page, errors } = await openPage(context, preview.url);
    await waitForCell(page, 'subset');
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await page.getByRole('button', { name: /^Storage/ }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    const background = await page.evaluate(
      () => getComputedStyle(document.documentElement).backgroundColor,
    );
    expect(background).toBe('rgb(21, 23, 26)');
    expect(await contrast(page, '--text', '--panel')).toBeGreaterThan(7);
    expect(await contrast(page, '--muted', '--panel')).toBeGreaterThan(4.5);
    expect(await contrast(page, '--accent-text', '--accent')).toBeGreaterThan(3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works from a sub-path of a plain static host, single-threaded, and says so', async () => {
    const context = await browser.newContext();
    const { page, errors } = await openPage(context, staticHost.url);
    await waitForCell(page, 'subset');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    expect(await page.getByTestId('isolation').textContent()).toBe('Threads: single-threaded WASM');
    expect(errors).toEqual([]);

    const isolated = await openPage(context, preview.url);
    await waitForCell(isolated.page, 'data');
    expect(await isolated.page.getByTestId('isolation').textContent()).toBe(
      'Threads: multi-threaded WASM available',
    );
    await context.close();
  });
});
