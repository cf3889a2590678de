import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, startPreview, type PreviewServer } from './harness';

export interface BrowserSession {
  /** `vite preview` of the production build, under a sub-path. */
  server: PreviewServer;
  browser: Browser;
}

/**
 * The preview server and a Chromium for one test file: started before its tests, closed after them. The
 * fields are set once `beforeAll` has run, so read them inside tests.
 */
export function browserSession(): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    session.server = await startPreview();
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
