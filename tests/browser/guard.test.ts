import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowOrigin, takeFindings, type GuardFinding } from '../helpers/browser/guard';
import { launchBrowser } from '../helpers/browser/harness';

/**
 * The guard every browser test runs under (./guard.ts, failed on in ./setup.ts) must see what pages, their
 * workers and service workers do. These pages are served here, not by the app, so that each case can be
 * made to happen on purpose.
 */

const POLICY = "default-src 'self'; script-src 'self'";

/** The other origin: anything that reaches it is off-origin. */
let elsewhere: Server;
let elsewhereUrl: string;
/** The test's own origin, serving tiny pages and worker scripts that call `elsewhereUrl`. */
let home: Server;
let homeUrl: string;
let browser: Browser;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return `http://127.0.0.1:${address.port}/`;
}

beforeAll(async () => {
  elsewhere = createServer((_, response) =>
    response.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('ok'),
  );
  elsewhereUrl = await listen(elsewhere);
  const policy = (csp: boolean): Record<string, string> =>
    csp ? { 'Content-Security-Policy': POLICY } : {};
  const js = (body: string, csp = false) => ({
    type: 'text/javascript',
    body,
    headers: policy(csp),
  });
  const page = (script: string, csp = false) => ({
    type: 'text/html',
    body: `<!doctype html><title>guard</title><script src="${script}"></script>`,
    headers: policy(csp),
  });
  const fetchElsewhere = () =>
    `fetch(${JSON.stringify(elsewhereUrl)} + 'from-' + self.name).catch(() => {});`;
  const routes: Record<string, { type: string; body: string; headers: Record<string, string> }> = {
    '/worker.html': page('start-worker.js'),
    '/start-worker.js': js(`new Worker('worker.js', { name: 'worker' });`),
    '/worker.js': js(fetchElsewhere()),
    '/service-worker.html': page('register.js'),
    '/register.js': js(`navigator.serviceWorker.register('sw.js');`),
    '/sw.js': js(
      `self.addEventListener('install', (event) => event.waitUntil(${fetchElsewhere().replace('self.name', "'sw'").slice(0, -1)}));`,
    ),
    '/csp-page.html': page('page-fetch.js', true),
    '/page-fetch.js': js(
      `fetch(${JSON.stringify(elsewhereUrl)} + 'from-page').catch(() => {});`,
      true,
    ),
    '/csp-worker.html': page('start-csp-worker.js', true),
    '/start-csp-worker.js': js(`new Worker('csp-worker.js', { name: 'csp' });`, true),
    '/csp-worker.js': js(fetchElsewhere(), true),
  };
  home = createServer((request, response) => {
    const route = routes[new URL(request.url ?? '/', 'http://x').pathname];
    if (!route) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': route.type, ...route.headers }).end(route.body);
  });
  homeUrl = await listen(home);
  allowOrigin(homeUrl);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => home?.close(resolve));
  await new Promise((resolve) => elsewhere?.close(resolve));
});

/** Opens `path` in a fresh (guarded) context; the findings once one fits `wanted`, or after 10 s. */
async function findingsOf(path: string, wanted: (finding: GuardFinding) => boolean) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(path, homeUrl).href);
  const seen: GuardFinding[] = [];
  for (let waited = 0; !seen.some(wanted) && waited < 10_000; waited += 100) {
    await page.waitForTimeout(100);
    seen.push(...takeFindings());
  }
  await context.close();
  return seen;
}

describe('the browser-test guard', () => {
  it('sees a dedicated worker’s request to another origin (Chromium files it under the page)', async () => {
    const found = await findingsOf('worker.html', (f) => f.detail.endsWith('from-worker'));
    expect(found).toEqual([
      {
        kind: 'off-origin-request',
        source: `page ${homeUrl}worker.html`,
        detail: `GET ${elsewhereUrl}from-worker`,
      },
    ]);
  });

  it('sees a service worker’s request to another origin', async () => {
    const found = await findingsOf('service-worker.html', (f) => f.detail.endsWith('from-sw'));
    expect(found).toEqual([
      {
        kind: 'off-origin-request',
        source: `service worker ${homeUrl}sw.js`,
        detail: `GET ${elsewhereUrl}from-sw`,
      },
    ]);
  });

  it('sees a Content-Security-Policy violation in a page', async () => {
    const found = await findingsOf('csp-page.html', (f) => f.detail.includes('from-page'));
    expect(found.length).toBeGreaterThan(0);
    for (const finding of found) {
      expect(finding.kind).toBe('csp-violation');
      expect(finding.source).toBe(`page ${homeUrl}csp-page.html`);
      expect(finding.detail).toMatch(/from-page/);
    }
  });

  it('sees a Content-Security-Policy violation in a worker, from its first line', async () => {
    const found = await findingsOf('csp-worker.html', (f) =>
      f.source.startsWith('worker ') ? f.detail.includes('from-csp') : false,
    );
    expect(found).toContainEqual({
      kind: 'csp-violation',
      source: `worker ${homeUrl}csp-worker.js`,
      detail: expect.stringMatching(/^\[securitypolicyviolation\] connect-src blocked .*from-csp/),
    });
    expect(found.every((f) => f.kind === 'csp-violation' && f.detail.includes('from-csp'))).toBe(
      true,
    );
  });
});
