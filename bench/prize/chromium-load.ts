/**
 * One Chromium loading round: a fresh headless Chromium opens the benchmark page, the file is chosen in its
 * file input (Playwright hands Chromium the path; nothing is copied into the page), the worker loads it with
 * the project's compute, and the renderer's peak resident memory (VmHWM) is read from /proc before closing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/helpers/browser/harness';
import { serveDirectory } from '../train/static-server';
import { isRenderer, processTree, statusBytes } from './process-memory';

const OUT = 'bench/data/prize-browser';

export interface ChromiumLoad {
  bytes: number;
  ratings: number;
  seconds: number;
  mbPerSecond: number;
  storedBytesPerRating: number;
  /** (renderer VmHWM − renderer VmRSS before the load) / ratings. */
  peakBytesPerRating: number;
  rendererPeakMb: number;
  rendererBeforeMb: number;
  /** Summed VmHWM of every Chromium process (an upper bound: their peaks need not coincide). */
  treePeakMb: number;
  /** Summed VmRSS of every Chromium process before the load. */
  treeBeforeMb: number;
  /** performance.measureUserAgentSpecificMemory() with the dataset alive, where Chromium answered. */
  heldMbAfterLoad: number | null;
}

/** Builds the page (once per benchmark run). */
export function buildLoadPage(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}`);
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'bench/prize/browser/vite.config.ts'],
    { stdio: 'inherit' },
  );
}

interface WorkerResult {
  error?: string;
  bytes: number;
  ratings: number;
  seconds: number;
  storedBytes: number;
  heldBytesAfterLoad: number | null;
}

export async function loadInChromium(file: string): Promise<ChromiumLoad> {
  const server = await serveDirectory(`${process.cwd()}/${OUT}`, true);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Lets the memory measurement answer at once instead of waiting for the next natural GC.
    args: [...CHROMIUM_ARGS, '--enable-blink-features=ForceEagerMeasureMemory'],
  });
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`[chromium] ${message.text()}`);
    });
    await page.goto(`${server.url}index.html`);
    const titleIs = (title: string) =>
      (globalThis as unknown as { document: { title: string } }).document.title === title;
    await page.waitForFunction(titleIs, 'ready');
    // Playwright starts Chromium as a child of this process; its processes are this one's descendants.
    const chromiumTree = () => processTree(process.pid).filter((pid) => pid !== process.pid);
    const renderers = () => chromiumTree().filter(isRenderer);
    const before = new Map(renderers().map((pid) => [pid, statusBytes(pid, 'VmRSS')]));
    const treeBefore = chromiumTree().reduce((sum, pid) => sum + statusBytes(pid, 'VmRSS'), 0);
    await page.setInputFiles('#file', file);
    await page.waitForFunction(titleIs, 'done', {
      timeout: 20 * 60_000,
      polling: 500,
    });
    const result = (await page.evaluate(
      () => (globalThis as unknown as { benchResult: unknown }).benchResult,
    )) as WorkerResult;
    if (result.error) throw new Error(`Chromium could not load ${file}: ${result.error}`);
    // The renderer whose peak grew most is the one that loaded (there is one page, so normally one renderer).
    let rendererPeak = 0;
    let rendererBefore = 0;
    for (const pid of renderers()) {
      const peak = statusBytes(pid, 'VmHWM');
      const start = before.get(pid) ?? 0;
      if (peak - start > rendererPeak - rendererBefore) {
        rendererPeak = peak;
        rendererBefore = start;
      }
    }
    const treePeak = chromiumTree().reduce((sum, pid) => sum + statusBytes(pid, 'VmHWM'), 0);
    return {
      bytes: result.bytes,
      ratings: result.ratings,
      seconds: result.seconds,
      mbPerSecond: result.bytes / 1e6 / result.seconds,
      storedBytesPerRating: result.storedBytes / result.ratings,
      peakBytesPerRating: (rendererPeak - rendererBefore) / result.ratings,
      rendererPeakMb: rendererPeak / 1e6,
      rendererBeforeMb: rendererBefore / 1e6,
      treePeakMb: treePeak / 1e6,
      treeBeforeMb: treeBefore / 1e6,
      heldMbAfterLoad: result.heldBytesAfterLoad === null ? null : result.heldBytesAfterLoad / 1e6,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
