import type { Browser, Download, Locator, Page } from 'playwright-core';
import * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { registerTrainLayers } from '../../src/stages/train/compute/layers/register-train-layers';
import { launchBrowser, openPage, WEBGPU_ARGS } from '../helpers/browser/harness';
import { plotData, statValues, waitForCell } from '../helpers/browser/notebook-pages';
import { browserSession } from '../helpers/browser/session';

/** A small budget, so the whole path runs in a minute on a 2-core machine. */
const SMALL =
  'subset.users=400&subset.movies=120&cluster.kMin=8&cluster.kMax=10&cluster.nInit=2&cluster.k=8&' +
  'sequences.cap=30&lstm.units=16&lstm.epochs=2&dense.embedding=8&dense.epochs=2&baselines.epochs=5&' +
  'baselines.models=mean,bias,mf';

const session = browserSession();

async function openSmall(b: Browser, extra = ''): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(
    await b.newContext({ acceptDownloads: true }),
    `${session.server.url}#v=1&seed=42&data=sample&${SMALL}${extra}&run=data,subset`,
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
    const { page, errors } = await openSmall(session.browser);
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
    // Not forced: the backends that passed were timed on this model, and the panel says which won.
    expect(await cell(page, 'lstm').getByTestId('backend-race').textContent()).toMatch(
      /^(WASM|WebGL|WebGPU) [\d,]+ samples\/s.*: using (WASM|WebGL|WebGPU)/,
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
    // Ranking columns: measured for the rating models, a dash for the sequence and embedding models.
    const recallOf = async (model: string) =>
      (await compare.locator(`tr[data-model="${model}"] td`).nth(4).textContent()) ?? '';
    expect(Number(await recallOf('mf'))).toBeGreaterThanOrEqual(0);
    expect(Number(await recallOf('mf'))).toBeLessThanOrEqual(1);
    expect(await recallOf('mf')).toMatch(/^\d\.\d{4}$/);
    expect(await recallOf('lstm')).toBe('—');
    expect(await page.getByTestId('subset-ranking-protocol').textContent()).toContain(
      'Top-10 on this split',
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
    // One numbering of clusters, from 1, in every cell: the Cluster table (k = 8), Recommend's tables, the
    // timeline's hover and the Sequences example all name clusters 1 … 8, never 0.
    const numbers = async (cells: Locator) =>
      (await cells.allTextContents()).filter((t) => t !== '–').map(Number);
    const clusterTable = await numbers(
      cell(page, 'cluster').locator('tr[data-cluster] td:first-child'),
    );
    expect([...clusterTable].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const recommended = await numbers(
      cell(page, 'recommend').locator('table[data-ranking] tbody td:nth-child(4)'),
    );
    const example = await numbers(
      cell(page, 'sequences').locator('table.example-window tbody td:nth-child(4)'),
    );
    const timeline = (await page.$eval('[data-plot^="Ratings of user"]', (div) =>
      ((div as HTMLElement & { data: { hovertext: string[] }[] }).data ?? []).flatMap((trace) =>
        (trace.hovertext ?? []).map((text) => Number(/cluster (\d+)/.exec(text)?.[1])),
      ),
    )) as number[];
    expect(recommended.length + example.length + timeline.length).toBeGreaterThan(30);
    for (const n of [...recommended, ...example, ...timeline]) expect(clusterTable).toContain(n);
    expect(errors).toEqual([]);
  });

  it('stops the LSTM softly after the current batch and keeps the best weights', async () => {
    const { page, errors } = await openSmall(session.browser, '&lstm.epochs=200&lstm.patience=100');
    await cell(page, 'lstm').locator('button.run').click();
    // 200 epochs are estimated at more than three minutes: the cell asks before it starts.
    await cell(page, 'lstm').getByRole('button', { name: 'Start it' }).click();
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

describe('Downloads: the windows as CSV and NumPy .npz, charts as PNG', () => {
  it('saves a split’s windows and an SVG and a WebGL chart, and the files hold what the page shows', async () => {
    const { page, errors } = await openSmall(
      session.browser,
      '&sequences.cap=3&lstm.units=8&lstm.epochs=1&lstm.batch=64',
    );
    const counts = await statValues(page, 'Windows summary');
    const testWindows = Number(counts['Test windows'].replace(/,/g, ''));
    const trainWindows = Number(counts['Training windows'].replace(/,/g, ''));
    expect(testWindows).toBeGreaterThan(100);

    // CSV: a header naming every column (k = 8 clusters, no extra features), then one row per test window.
    const csv = await download(page, () =>
      cell(page, 'sequences')
        .getByRole('button', { name: 'Download the test windows as CSV' })
        .click(),
    );
    expect(csv.name).toBe('prize-lab-windows-test-w10-k8.csv');
    const lines = csv.bytes.toString('utf8').trimEnd().split('\n');
    const header = lines[0].split(',');
    expect(header.slice(0, 6)).toEqual([
      'split',
      'user_id',
      's1_movie_id',
      's1_date',
      's1_cluster',
      's1_rating',
    ]);
    expect(header).toHaveLength(2 + 10 * 4 + 1);
    expect(header.at(-1)).toBe('label');
    expect(lines).toHaveLength(testWindows + 1);
    const row = lines[1].split(',');
    expect(row[0]).toBe('test');
    expect(row[3]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number(row.at(-1))).toBeGreaterThanOrEqual(1);
    expect(row.at(-2)).toBe(''); // the last step's rating is the label: hidden

    // .npz: x is (training windows, W, features), as the LSTM is fed.
    const npz = await download(page, () =>
      cell(page, 'sequences')
        .getByRole('button', { name: 'Download the training windows as NumPy .npz' })
        .click(),
    );
    expect(npz.name).toBe('prize-lab-windows-train-w10-k8.npz');
    const files = unzipSync(new Uint8Array(npz.bytes));
    expect(Object.keys(files).sort()).toEqual([
      'date.npy',
      'feature_names.npy',
      'movie_id.npy',
      'user_id.npy',
      'x.npy',
      'y.npy',
    ]);
    const xHeader = Buffer.from(files['x.npy'].subarray(10, 128)).toString('latin1');
    expect(xHeader).toContain(`'shape': (${trainWindows}, 10, 9)`);

    // An SVG chart (the elbow curve) and a WebGL one (the LSTM's loss per batch, scattergl), at twice their
    // size on screen.
    const elbow = await chartPng(page, 'Elbow: inertia by k');
    expect(elbow.name).toBe('prize-lab-elbow-inertia-by-k.png');
    expect(elbow.width).toBe(2 * elbow.shownWidth);
    expect(elbow.height).toBe(600);
    await cell(page, 'lstm').locator('button.run').click();
    await waitForCell(page, 'lstm', 'done', 180_000);
    const batches = (await plotData(page, 'LSTM: loss per batch')) as { type: string }[];
    expect(batches[0].type).toBe('scattergl');
    const loss = await chartPng(page, 'LSTM: loss per batch');
    expect(loss.name).toBe('prize-lab-lstm-loss-per-batch.png');
    // The WebGL trace is in the image: pixels of the curve's colour (#8a94a0) are there (about 1,700 at a
    // 1,128-pixel width; none in the SVG chart, whose curve is another colour).
    expect(await pixelsOfColour(page, loss.bytes, [0x8a, 0x94, 0xa0])).toBeGreaterThan(500);
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

/** One download started by `click`: its suggested name and bytes. */
async function download(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** Saves a chart as PNG through its button; the image's size from its IHDR chunk. */
async function chartPng(page: Page, title: string) {
  const shownWidth = await page
    .locator(`[data-plot="${title}"]`)
    .evaluate((node) => (node as unknown as { clientWidth: number }).clientWidth);
  const png = await download(page, () =>
    page.getByRole('button', { name: `Download the chart “${title}” as PNG` }).click(),
  );
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return {
    ...png,
    shownWidth,
    width: png.bytes.readUInt32BE(16),
    height: png.bytes.readUInt32BE(20),
  };
}

/** Pixels of a PNG within a small distance of an RGB colour, decoded by the page's own image decoder. */
function pixelsOfColour(page: Page, png: Buffer, rgb: [number, number, number]): Promise<number> {
  return page.evaluate(
    async ({ base64, colour }) => {
      const dom = globalThis as unknown as {
        Image: new () => { src: string; decode(): Promise<void>; width: number; height: number };
        document: { createElement(tag: 'canvas'): OffscreenCanvasLike };
      };
      interface OffscreenCanvasLike {
        width: number;
        height: number;
        getContext(kind: '2d'): {
          drawImage(image: unknown, x: number, y: number): void;
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        };
      }
      const image = new dom.Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = dom.document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        const distance =
          Math.abs(data[i] - colour[0]) +
          Math.abs(data[i + 1] - colour[1]) +
          Math.abs(data[i + 2] - colour[2]);
        if (distance <= 6) count++;
      }
      return count;
    },
    { base64: png.toString('base64'), colour: rgb },
  );
}
