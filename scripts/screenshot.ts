/**
 * Refreshes docs/screenshot.png, the README's picture of the notebook on the bundled sample:
 * `npm run build && npx tsx scripts/screenshot.ts`.
 */
import { launchBrowser, openPage, startPreview } from '../tests/helpers/browser/harness';

const server = await startPreview();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({
    viewport: { width: 1200, height: 900 },
    deviceScaleFactor: 1,
  });
  const { page } = await openPage(context, server.url);
  await page.locator('[data-cell="subset"][data-status="done"]').waitFor({ timeout: 60_000 });
  await page.locator('[data-plot="History lengths of kept users"] .main-svg').first().waitFor();
  await page.screenshot({ path: 'docs/screenshot.png', fullPage: true });
} finally {
  await browser.close();
  await server.close();
}
