import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  openPage,
  startPreview,
  type PreviewServer,
} from '../helpers/browser/harness';

/** What the tests read of a plotly chart's div: gd.data. */
interface PlotNode {
  data?: { name?: string; x: unknown[]; type: string; marker?: { color?: unknown[] } }[];
}

/** The page's DOM as the callbacks below use it (they run in the page; this project has no DOM types). */
interface PageGlobal {
  document: {
    querySelector(selector: string): PlotNode | null;
    querySelectorAll(selector: string): { length: number };
  };
}

let server: PreviewServer;
let browser: Browser;
let page: Page;
let errors: string[];

/** The traces of the chart titled `title`, reduced to what the tests look at. */
function traces(title: string) {
  return page.evaluate((plotTitle) => {
    const { document } = globalThis as unknown as PageGlobal;
    const node = document.querySelector(`[data-plot="${plotTitle}"]`);
    return (node?.data ?? []).map((trace) => ({
      name: trace.name ?? null,
      type: trace.type,
      points: trace.x.length,
      coloursByCluster:
        Array.isArray(trace.marker?.color) && typeof trace.marker.color[0] === 'string',
    }));
  }, title);
}

function status(cell: string) {
  return page.getAttribute(`section[data-cell="${cell}"]`, 'data-status');
}

async function waitForStatus(cell: string, wanted: string, timeout = 120_000) {
  await page.waitForSelector(`section[data-cell="${cell}"][data-status="${wanted}"]`, { timeout });
}

const clusterRows = 'table[aria-label="Clusters"] tbody tr';

beforeAll(async () => {
  server = await startPreview();
  browser = await launchBrowser();
  ({ page, errors } = await openPage(await browser.newContext(), server.url));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Explore and Cluster on the bundled sample', () => {
  it('projects the subset’s movies on the PCA, sparse PCA and NMF planes once the subset is cut', async () => {
    await waitForStatus('subset', 'done');
    await waitForStatus('explore', 'done'); // Explore follows the Subset cell
    const movies = Number(
      (await page.textContent('[data-stat="Movies (points)"]'))?.replace(/,/g, ''),
    );
    expect(movies).toBeGreaterThan(300); // most of the 400 movies have a rating among the 20,000 sampled
    for (const title of ['PCA', 'Sparse PCA', 'NMF']) {
      await page.waitForFunction((plotTitle) => {
        const { document } = globalThis as unknown as PageGlobal;
        return (document.querySelector(`[data-plot="${plotTitle}"]`)?.data?.length ?? 0) > 0;
      }, title);
      const [scatter] = await traces(title);
      expect(scatter.points).toBe(movies);
      expect(scatter.type).toBe('scatter'); // few points: SVG; above 1,000 it is scattergl
    }
    expect(await status('cluster')).toBe('idle');
  });

  it('sweeps k with live curves, marks the suggestion, and updates the table when k changes', async () => {
    // More restarts than the default, so that the sweep lasts long enough to watch the curves grow.
    await page.fill('section[data-cell="cluster"] label:has-text("Restarts") input', '40');
    await page.click('section[data-cell="cluster"] header button.run');
    const seen = new Set<number>();
    while ((await status('cluster')) === 'running') {
      const [silhouette] = await traces('Silhouette by k');
      if (silhouette) seen.add(silhouette.points);
      await page.waitForTimeout(30);
    }
    expect(await status('cluster')).toBe('done');
    // The curve was drawn part-way at least once before the sweep finished.
    expect([...seen].some((n) => n > 0 && n < 24)).toBe(true);

    const inertia = await traces('Elbow: inertia by k');
    const silhouette = await traces('Silhouette by k');
    expect(inertia.find((t) => t.name === 'inertia')?.points).toBe(24);
    expect(silhouette.find((t) => t.name === 'silhouette')?.points).toBe(24);
    expect(silhouette.some((t) => t.name?.startsWith('best silhouette k ='))).toBe(true);
    expect(inertia.some((t) => t.name?.startsWith('elbow k ='))).toBe(true);

    // The PCA's products ran on tfjs-wasm in the built data worker (its .wasm files were found).
    const timing = await page.getAttribute(
      'section[data-cell="cluster"] .stat[title^="PCA"]',
      'title',
    );
    expect(timing).toContain('tfjs wasm');

    const chooser = 'section[data-cell="cluster"] label:has-text("Clusters k") select';
    expect(await page.inputValue(chooser)).toBe('20');
    await page.waitForSelector(clusterRows);
    expect(await page.locator(clusterRows).count()).toBe(20);

    await page.selectOption(chooser, '12');
    await page.waitForFunction((rows) => {
      const { document } = globalThis as unknown as PageGlobal;
      return document.querySelectorAll(rows).length === 12;
    }, clusterRows);
    const sizes = (await page.locator(`${clusterRows} td:nth-child(2)`).allTextContents()).map(
      (text) => Number(text.replace(/,/g, '')),
    );
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(400);
    expect(await page.textContent('[data-testid="status-cluster"]')).toContain('k = 12');
  });

  it('colours the Explore plots by the chosen clusters', async () => {
    await page.waitForFunction(() => {
      const { document } = globalThis as unknown as PageGlobal;
      return (
        typeof document.querySelector('[data-plot="PCA"]')?.data?.[0]?.marker?.color?.[0] ===
        'string'
      );
    });
    const [pca] = await traces('PCA');
    expect(pca.coloursByCluster).toBe(true);
    expect(errors).toEqual([]);
  });
});
