import type { Page } from 'playwright-core';

/** Waits until a cell's status is `status` (the `data-status` attribute of its section). */
export async function waitForCell(page: Page, cell: string, status = 'done', timeout = 90_000) {
  await page.waitForSelector(`section[data-cell="${cell}"][data-status="${status}"]`, { timeout });
}

/** The traces of a plotly chart (its x and y arrays), as plotly holds them on the chart's div. */
export async function plotData(page: Page, title: string): Promise<unknown> {
  await page.waitForFunction(
    (name) => {
      const div = document.querySelector(`[data-plot="${name}"]`) as
        (HTMLElement & { data?: unknown[] }) | null;
      return !!div?.data && div.data.length > 0;
    },
    title,
    { timeout: 60_000 },
  );
  return page.evaluate((name) => {
    const div = document.querySelector(`[data-plot="${name}"]`) as HTMLElement & {
      data: { x: unknown; y: unknown; type: string }[];
    };
    return div.data.map((trace) => ({ type: trace.type, x: trace.x, y: trace.y }));
  }, title);
}

/** A stat grid's label → value pairs, as the person reads them. */
export async function statValues(page: Page, name: string): Promise<Record<string, string>> {
  return page.evaluate((gridName) => {
    const grid = document.querySelector(`[aria-label="${gridName}"]`);
    const out: Record<string, string> = {};
    grid?.querySelectorAll('.stat').forEach((stat) => {
      out[stat.querySelector('dt')?.textContent ?? ''] =
        stat.querySelector('dd')?.textContent ?? '';
    });
    return out;
  }, name);
}
