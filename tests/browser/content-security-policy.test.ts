import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  HEADER_CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
} from '../../src/lib/content-security-policy';
import { takeFindings } from '../helpers/browser/guard';
import { launchBrowser, openPage, WEBGPU_ARGS } from '../helpers/browser/harness';
import { statValues, waitForCell } from '../helpers/browser/notebook-pages';
import { browserSession } from '../helpers/browser/session';

// The guard (./guard.ts, ./setup.ts) fails each test here on any violation; these tests make sure the policy
// is in force and that the backends it has to allow for actually run under it.

const session = browserSession();

const SMALL =
  '#v=1&seed=3&data=sample&subset.users=300&subset.movies=100&sequences.cap=3&lstm.units=8&lstm.epochs=1&' +
  'lstm.batch=512&cluster.kMin=6&cluster.kMax=7&cluster.nInit=1&cluster.k=6&run=data,subset';

const cell = (page: Page, id: string) => page.locator(`section[data-cell="${id}"]`);

/** Opens the notebook on a small budget, builds the windows and trains the LSTM on `backend`. */
async function trainOn(page: Page, backend: string): Promise<string> {
  await waitForCell(page, 'subset');
  // Cluster's run also builds the windows the LSTM trains on (as in models.test.ts).
  await cell(page, 'cluster').locator('button.run').click();
  await waitForCell(page, 'sequences');
  await cell(page, 'lstm').getByLabel('Backend').selectOption(backend);
  await cell(page, 'lstm').locator('button.run').click();
  await waitForCell(page, 'lstm', 'done', 240_000);
  expect(Number((await statValues(page, 'LSTM result'))['Test RMSE'])).toBeGreaterThan(0);
  return (await cell(page, 'lstm').getByTestId('backend-in-use').textContent()) ?? '';
}

describe('the Content-Security-Policy', () => {
  it('comes as a header from the preview and as the first element of the built page', async () => {
    const response = await fetch(session.server.url);
    expect(response.headers.get('content-security-policy')).toBe(HEADER_CONTENT_SECURITY_POLICY);
    const context = await session.browser.newContext();
    const { page, errors } = await openPage(context, session.server.url);
    const meta = await page.evaluate(() => {
      const first = document.head.firstElementChild;
      return first?.getAttribute('http-equiv') === 'Content-Security-Policy'
        ? first.getAttribute('content')
        : null;
    });
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    // An inline script is refused: the violation is the guard's to see, so take it back here.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
    });
    expect(await page.evaluate(() => (window as { __inlineRan?: boolean }).__inlineRan)).toBe(
      undefined,
    );
    expect(takeFindings().some((f) => f.detail.includes('script-src'))).toBe(true);
    // No 'unsafe-eval' (the guard's eval violations would show a chart needing it: plotly's strict bundle
    // draws its WebGL traces without). DevTools' evaluate is exempt from the policy, so it is read, not tried.
    expect(meta).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
    expect(response.headers.get('content-security-policy')).not.toContain("'unsafe-eval'");
    errors.splice(0); // Chromium's own console line for the refused script
    await context.close();
  });

  it('lets the LSTM train on threaded WASM in the cross-origin isolated preview', async () => {
    const { page, errors } = await openPage(
      await session.browser.newContext(),
      `${session.server.url}${SMALL}`,
    );
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const inUse = await trainOn(page, 'wasm');
    expect(inUse).toMatch(/In use: WASM \((\d+) threads\)/);
    expect(Number(/\((\d+) threads\)/.exec(inUse)?.[1])).toBeGreaterThan(1);
    expect(errors).toEqual([]);
  });

  it('lets the LSTM train on WebGL', async () => {
    const { page, errors } = await openPage(
      await session.browser.newContext(),
      `${session.server.url}${SMALL}`,
    );
    expect(await trainOn(page, 'webgl')).toMatch(/In use: WebGL/);
    expect(errors).toEqual([]);
  });

  it('lets the LSTM train on WebGPU (SwiftShader)', async () => {
    const gpu = await launchBrowser(WEBGPU_ARGS);
    try {
      const { page, errors } = await openPage(
        await gpu.newContext(),
        `${session.server.url}${SMALL}`,
      );
      expect(await trainOn(page, 'webgpu')).toMatch(/In use: WebGPU/);
      expect(errors).toEqual([]);
    } finally {
      await gpu.close();
    }
  });
});
