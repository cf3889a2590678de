import type { Browser, Download, Page } from 'playwright-core';
import * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerTrainLayers } from '../../src/stages/train/compute/layers/register-train-layers';
import { launchBrowser, openPage, startPreview, WEBGPU_ARGS, type PreviewServer } from './harness';
import { plotData, statValues, waitForCell } from './notebook-pages';

/** A small budget, so the whole path runs in a minute on a 2-core machine. */
const SMALL =
  'subset.users=400&subset.movies=120&cluster.kMin=8&cluster.kMax=10&cluster.nInit=2&cluster.k=8&' +
  'sequences.cap=30&lstm.units=16&lstm.epochs=2&dense.embedding=8&dense.epochs=2&baselines.epochs=5&' +
  'baselines.models=mean,bias,mf';

let server: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  server = await startPreview();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openSmall(b: Browser, extra = ''): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(
    await b.newContext({ acceptDownloads: true }),
    `${server.url}#v=1&seed=42&data=sample&${SMALL}${extra}&run=data,subset`,
  );
  await waitForCell(opened.page, 'subset');
  await opened.page.locator('section[data-cell="cluster"] button.run').click();
  await waitForCell(opened.page, 'sequences');
  return opened;
}

const cell = (page: Page, id: string) => page.locator(`section[data-cell="${id}"]`);

async function batchPoints(page: Page, title: string): Promise<number> {
  const data = (await plotData(page, title)) as { y: unknown[] }[];
  return data[0]?.y.length ?? 0;
}

describe('Sequences, LSTM, Baselines, Dense, Compare and Recommend on the sample', () => {
  it('build windows, train every model live, compare them and recommend with titles', async () => {
    const { page, errors } = await openSmall(browser);
    const windows = await statValues(page, 'Windows summary');
    expect(Number(windows['Training windows'].replace(/,/g, ''))).toBeGreaterThan(1000);
    expect(windows['Clusters']).toBe('8');
    await expect
      .poll(() => cell(page, 'sequences').locator('table.example-window tbody tr').count())
      .toBe(20); // two 10-step examples
    expect(await page.getByTestId('leakage-note').textContent()).toContain('Chronological split');

    // The LSTM: the per-batch curve grows while it trains; the backend and the RMSE appear.
    await cell(page, 'lstm').locator('button.run').click();
    await page.waitForFunction(
      () => {
        const plot = document.querySelector('[data-plot="LSTM: loss per batch"]') as
          (HTMLElement & { data?: { y: unknown[] }[] }) | null;
        return (plot?.data?.[0]?.y.length ?? 0) > 0;
      },
      null,
      { timeout: 90_000 },
    );
    const early = await batchPoints(page, 'LSTM: loss per batch');
    await waitForCell(page, 'lstm', 'done', 180_000);
    expect(await batchPoints(page, 'LSTM: loss per batch')).toBeGreaterThan(early);
    const lstm = await statValues(page, 'LSTM result');
    expect(Number(lstm['Test RMSE'])).toBeGreaterThan(0.5);
    expect(Number(lstm['Test RMSE'])).toBeLessThan(2);
    expect(lstm['Predict the training mean']).toMatch(/^\d\.\d{4}$/);
    expect(await cell(page, 'lstm').getByTestId('backend-in-use').textContent()).toMatch(
      /In use: (WASM|CPU|WebGL|WebGPU)/,
    );

    // A trained model downloads in the tfjs layers format and loads back with tfjs, custom layers and all.
    const [json, weights] = await downloads(page, () =>
      cell(page, 'lstm')
        .getByRole('button', { name: /Download the model/ })
        .click(),
    );
    const model = await loadDownloaded(json, weights);
    expect(model.inputs[0].shape).toEqual([null, 10, 9]);
    model.dispose();

    await cell(page, 'baselines').locator('button.run').click();
    await waitForCell(page, 'baselines', 'done', 120_000);
    await expect
      .poll(() => cell(page, 'baselines').locator('table.results tbody tr').count())
      .toBe(3);

    await cell(page, 'dense').locator('button.run').click();
    await waitForCell(page, 'dense', 'done', 180_000);

    // The status bar names the backend and what the training worker holds; Storage lists the saved models.
    expect(await page.getByTestId('status-backend').textContent()).toMatch(
      /^Backend: (WASM|CPU|WebGL|WebGPU)/,
    );
    await expect
      .poll(() => page.getByTestId('model-memory').textContent())
      .toMatch(/^Models in memory: 2 \(/);
    await page.getByRole('button', { name: /^Storage/ }).click();
    const storedModels = page.locator('tr[data-storage-key^="model:"]');
    await expect.poll(() => storedModels.count()).toBe(2);
    expect(await storedModels.first().textContent()).toContain('tfjs layers format');

    const compare = page.getByTestId('comparison');
    await expect.poll(() => compare.locator('tbody tr').count()).toBe(5);
    expect(await compare.locator('tbody tr').first().locator('td').nth(2).textContent()).toBe(
      'best',
    );
    expect(((await plotData(page, 'Test RMSE by model')) as { x: unknown[] }[])[0].x).toHaveLength(
      5,
    );

    await cell(page, 'recommend').locator('button.run').click();
    await waitForCell(page, 'recommend', 'done', 60_000);
    const lstmTop = cell(page, 'recommend').locator('table[data-ranking="lstm"] tbody tr');
    await expect.poll(() => lstmTop.count()).toBe(10);
    expect((await lstmTop.first().locator('td').nth(1).textContent())?.length).toBeGreaterThan(2);
    await expect
      .poll(() => cell(page, 'recommend').locator('table[data-ranking="dense"] tbody tr').count())
      .toBe(10);
    await expect
      .poll(() => cell(page, 'recommend').locator('table[data-ranking="mf"] tbody tr').count())
      .toBe(10);
    expect(errors).toEqual([]);
  });

  it('stops the LSTM softly after the current batch and keeps the best weights', async () => {
    const { page, errors } = await openSmall(browser, '&lstm.epochs=200&lstm.patience=100');
    await cell(page, 'lstm').locator('button.run').click();
    await page.waitForFunction(
      () => {
        const plot = document.querySelector('[data-plot="LSTM: loss per epoch"]') as
          (HTMLElement & { data?: { y: unknown[] }[] }) | null;
        return (plot?.data?.[0]?.y.length ?? 0) >= 1;
      },
      null,
      { timeout: 120_000 },
    );
    await cell(page, 'lstm').getByRole('button', { name: 'Stop', exact: true }).click();
    await waitForCell(page, 'lstm', 'done', 120_000);
    const result = await statValues(page, 'LSTM result');
    expect(Number(result['Epochs'].split(' ')[0])).toBeLessThan(200);
    expect(Number(result['Test RMSE'])).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});

describe('The LSTM on WebGPU (software adapter in headless Chromium)', () => {
  it('trains when WebGPU is chosen, and says it is in use', async () => {
    const gpuBrowser = await launchBrowser(WEBGPU_ARGS);
    try {
      const { page, errors } = await openSmall(
        gpuBrowser,
        '&sequences.cap=3&lstm.units=8&lstm.epochs=1&lstm.batch=512',
      );
      await cell(page, 'lstm').getByLabel('Backend').selectOption('webgpu');
      await cell(page, 'lstm').locator('button.run').click();
      await waitForCell(page, 'lstm', 'done', 240_000);
      expect(await cell(page, 'lstm').getByTestId('backend-in-use').textContent()).toMatch(
        /In use: WebGPU.*forced/,
      );
      expect(Number((await statValues(page, 'LSTM result'))['Test RMSE'])).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await gpuBrowser.close();
    }
  });
});

/** The two files of a model download, in the order they arrive. */
async function downloads(page: Page, click: () => Promise<void>): Promise<[string, Buffer]> {
  const files: Download[] = [];
  const done = new Promise<void>((resolve) => {
    page.on('download', (download) => {
      files.push(download);
      if (files.length === 2) resolve();
    });
  });
  await click();
  await done;
  const paths = await Promise.all(
    files.map(async (f) => ({ name: f.suggestedFilename(), path: await f.path() })),
  );
  const jsonPath = paths.find((f) => f.name.endsWith('.model.json'))!.path;
  const binPath = paths.find((f) => f.name.endsWith('.bin'))!.path;
  return [await readFile(jsonPath, 'utf8'), await readFile(binPath)];
}

async function loadDownloaded(json: string, weights: Buffer): Promise<tf.LayersModel> {
  await tf.setBackend('cpu');
  registerTrainLayers(tf);
  const artifacts = JSON.parse(json);
  const weightData = weights.buffer.slice(
    weights.byteOffset,
    weights.byteOffset + weights.byteLength,
  );
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: artifacts.modelTopology,
      weightSpecs: artifacts.weightsManifest[0].weights,
      weightData,
    }),
  );
}
