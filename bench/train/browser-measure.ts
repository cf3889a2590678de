/**
 * Runs the benchmark's tfjs measurements in a Chromium worker: builds the bench page with Vite, serves it
 * (cross-origin isolated, so the wasm backend can use threads), and collects `window.benchResults`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/helpers/browser/harness';
import type { BrowserJob } from './browser/bench.worker';
import { serveDirectory } from './static-server';

const OUT = 'bench/data/train-browser';

export interface BrowserMeasurement {
  label: string;
  samplesPerSecond?: number;
  threads?: number;
  crossOriginIsolated?: boolean;
  error?: string;
  [key: string]: unknown;
}

export async function measureInChromium(
  windowsFile: string,
  jobs: BrowserJob[],
  build = true,
): Promise<BrowserMeasurement[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}`);
  if (build)
    execFileSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--config', 'bench/train/browser/vite.config.ts'],
      {
        stdio: 'inherit',
      },
    );
  copyFileSync(windowsFile, `${OUT}/windows.bin`);
  const server = await serveDirectory(`${process.cwd()}/${OUT}`, true);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`[chromium] ${message.text()}`);
    });
    await page.goto(`${server.url}index.html?plan=${encodeURIComponent(JSON.stringify(jobs))}`);
    const finished = () =>
      (globalThis as unknown as { document: { title: string } }).document.title === 'done';
    await page.waitForFunction(finished, undefined, {
      timeout: 15 * 60_000,
      polling: 1000,
    });
    return (await page.evaluate(
      () => (globalThis as unknown as { benchResults: unknown[] }).benchResults,
    )) as BrowserMeasurement[];
  } finally {
    await browser.close();
    await server.close();
  }
}
