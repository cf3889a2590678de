import { MessageChannel } from 'node:worker_threads';
import { wrap, expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunId } from '../../src/lib/ids';
import type { CompactWindows } from '../../src/stages/windows/compute/compact-windows';
import { TRAIN } from '../../src/stages/windows/compute/window-split';
import {
  DEFAULT_SEQUENCE_OPTIONS,
  type SequenceOptions,
  type SequencesRequest,
} from '../../src/stages/windows/contract';
import type { WindowsId } from '../../src/stages/windows/contract';
import { createSequencesApi } from '../../src/stages/windows/worker/sequences-api';
import {
  bruteForceHistories,
  bruteForceLabels,
  chooseClustering,
  dataWorkerWithSubset,
} from '../helpers/data-worker-fixture';

const K = 5;

function setup() {
  const worker = dataWorkerWithSubset();
  const clusterOfMovie = chooseClustering(worker.state, worker.subsetId, K);
  const api = createSequencesApi(worker.state);
  const request = (options: Partial<SequenceOptions> = {}, seed = 3): SequencesRequest => ({
    subsetId: worker.subsetId,
    options: { ...DEFAULT_SEQUENCE_OPTIONS, steps: 5, ...options },
    seed,
    runId: 'run-seq' as RunId,
  });
  return { ...worker, clusterOfMovie, api, request };
}

/** Positions of every window's label in the copy, whatever its split. */
const allEnds = (w: CompactWindows) => [...w.train, ...w.validation, ...w.test];

describe('the Sequences worker functions', () => {
  it('name the cell to run first when an input is missing', () => {
    const { registry, datasetId, subsetId, subsetApi, api, request } = setup();
    expect(() => api.buildSequences({ ...request(), subsetId: datasetId })).toThrow(
      /run the Subset cell first/,
    );
    expect(() => api.copyWindows('windows-999' as WindowsId)).toThrow(
      /run the Sequences cell again/,
    );
    const built = api.buildSequences(request());
    // A new subset replaces the old one and has no clustering chosen yet.
    const { subsetId: newSubset } = subsetApi.makeSubset({
      datasetId,
      options: { users: 90, movies: 30 },
    });
    expect(() => api.buildSequences({ ...request(), subsetId: newSubset })).toThrow(
      /Run the Cluster cell first and choose k/,
    );
    expect(() => api.buildSequences({ ...request(), subsetId })).toThrow(
      /run the Subset cell again/,
    );
    expect(() => api.copyWindows(built.windowsId)).toThrow(
      /subset that is no longer loaded: run the Sequences cell again/,
    );
    expect(registry.ids()).toEqual([datasetId, newSubset]);
  });

  it.each([
    { steps: 5, stride: 1, maxPerUser: null },
    { steps: 4, stride: 3, maxPerUser: 4 },
  ])(
    'count the windows of every user as a brute-force count does ($steps steps, stride $stride, cap $maxPerUser)',
    (windowOptions) => {
      const { state, api, request, subset } = setup();
      const result = api.buildSequences(request(windowOptions));
      const histories = bruteForceHistories(subset());
      const perUser = histories.map((h) => bruteForceLabels(h, windowOptions).length);
      const total = perUser.reduce((a, b) => a + b, 0);
      const { train, validation, test } = result.windowCounts;
      expect(total).toBeGreaterThan(300);
      expect(train + validation + test).toBe(total);
      expect(result.usersWithWindows).toBe(perUser.filter((n) => n > 0).length);
      expect(result.users).toBe(100);
      expect(result.movies).toBe(40);
      // Every window's label is a held-out rating exactly when the window is held out.
      expect(result.ratingCounts.validation).toBe(validation);
      expect(result.ratingCounts.test).toBe(test);
      expect(result.ratingCounts.train + validation + test).toBe(subset().table.user.length);

      const held = state.windows.get(result.windowsId).prepared.split;
      const windowsOf = new Uint32Array(perUser.length);
      for (const u of held.windows.user) windowsOf[u]++;
      expect(Array.from(windowsOf)).toEqual(perUser);
    },
  );

  it('hold out each user’s latest windows in the chronological split, so no held-out label is a training input', () => {
    const { state, api, request, subset } = setup();
    const options = { valFraction: 0.2, testFraction: 0.15 };
    const result = api.buildSequences(request(options));
    expect(result.leakageNote).toMatch(/no validation or test label is an input/);
    const { windows } = api.copyWindows(result.windowsId);
    const steps = windows.steps;
    const roleOfLabel = new Map<number, number>();
    for (const [role, ends] of [windows.train, windows.validation, windows.test].entries())
      for (const p of ends) roleOfLabel.set(p, role);

    // Per user, in time order: training windows, then validation, then test, with shares as asked.
    const histories = bruteForceHistories(subset());
    let position = 0;
    for (const history of histories) {
      const ends = [...roleOfLabel.keys()]
        .filter((p) => p >= position && p < position + history.length)
        .sort((a, b) => a - b);
      const roles = ends.map((p) => roleOfLabel.get(p) as number);
      expect(roles).toEqual([...roles].sort());
      const count = (r: number) => roles.filter((x) => x === r).length;
      expect(count(2)).toBeGreaterThanOrEqual(Math.floor(ends.length * options.testFraction));
      expect(count(2)).toBeLessThanOrEqual(Math.ceil(ends.length * options.testFraction));
      position += history.length;
    }

    // Every input step of every training window is a training rating of the same user.
    for (const end of windows.train) {
      for (let p = end - steps + 1; p <= end; p++) {
        expect(windows.role[p]).toBe(TRAIN);
        expect(windows.user[p]).toBe(windows.user[end]);
      }
    }
    expect(state.windows.get(result.windowsId).prepared.split).toMatchObject({
      trainingWindowsSeeingHeldOutLabels: 0,
    });
  });

  it('split windows at random with the asked shares, and count the training windows that see held-out labels', () => {
    const { api, request } = setup();
    const result = api.buildSequences(request({ split: 'random' }));
    const { train, validation, test } = result.windowCounts;
    const total = train + validation + test;
    expect(test).toBe(Math.round(total * 0.1));
    expect(validation).toBe(Math.round(total * 0.1));
    const { windows } = api.copyWindows(result.windowsId);
    let seeing = 0;
    for (const end of windows.train) {
      for (let p = end - windows.steps + 1; p < end; p++)
        if (windows.role[p] !== TRAIN) {
          seeing++;
          break;
        }
    }
    expect(seeing).toBeGreaterThan(0);
    expect(result.leakageNote).toContain(
      `Random split: ${seeing.toLocaleString('en-US')} training windows`,
    );
    // Same seed, same split; another seed, another one.
    expect(api.buildSequences(request({ split: 'random' })).windowCounts).toEqual(
      result.windowCounts,
    );
    const other = api.copyWindows(api.buildSequences(request({ split: 'random' }, 4)).windowsId);
    expect(Array.from(other.windows.test)).not.toEqual(Array.from(windows.test));
  });

  it('hand the trainer a copy of every rating in history order, with the documented lengths', () => {
    const { api, request, subset, clusterOfMovie } = setup();
    const result = api.buildSequences(request({ daysSincePrevious: true, movieMean: true }));
    const copy = api.copyWindows(result.windowsId);
    const { windows } = copy;
    const data = subset();
    const n = data.table.user.length;
    expect(copy).toMatchObject({ users: 100, movies: 40 });
    expect(windows.steps).toBe(5);
    expect(windows.features).toBe(K + 3);
    expect(result.featureNames).toHaveLength(windows.features);
    expect(result.featureNames.slice(K)).toEqual([
      'rating',
      'ln(1 + days since previous)',
      'movie mean (training)',
    ]);
    for (const column of ['cluster', 'rating', 'role', 'user', 'movie', 'day'] as const)
      expect(windows[column].length).toBe(n);
    expect(windows.daysGap?.length).toBe(n);
    expect(windows.movieMean?.length).toBe(n);
    expect(windows.train.length).toBe(result.windowCounts.train);
    expect(windows.validation.length).toBe(result.windowCounts.validation);
    expect(windows.test.length).toBe(result.windowCounts.test);
    expect(result.bytes).toBe(
      Object.values(windows)
        .filter(ArrayBuffer.isView)
        .reduce((sum, array) => sum + array.byteLength, 0),
    );
    const count =
      result.windowCounts.train + result.windowCounts.validation + result.windowCounts.test;
    expect(result.denseBytes).toBe(count * 5 * (K + 3) * 4);

    // Position by position, the brute-force histories, with each step's features.
    const { table } = data;
    const rows = bruteForceHistories(data).flat();
    const trainSum = new Float64Array(40);
    const trainCount = new Float64Array(40);
    rows.forEach((r, p) => {
      if (windows.role[p] !== TRAIN) return;
      trainSum[table.movie[r]] += windows.rating[p];
      trainCount[table.movie[r]]++;
    });
    rows.forEach((r, p) => {
      expect(windows.user[p]).toBe(table.user[r]);
      expect(windows.movie[p]).toBe(table.movie[r]);
      expect(windows.day[p]).toBe(table.day[r]);
      expect(windows.rating[p]).toBe(table.ratingValues[table.code[r]]);
      expect(windows.cluster[p]).toBe(clusterOfMovie[table.movie[r]]);
      const previous = p > 0 && windows.user[p - 1] === windows.user[p] ? windows.day[p - 1] : null;
      expect(windows.daysGap?.[p]).toBeCloseTo(
        previous === null ? 0 : Math.log1p(table.day[r] - previous),
        5,
      );
      expect(windows.movieMean?.[p]).toBeCloseTo(
        trainSum[table.movie[r]] / trainCount[table.movie[r]],
        5,
      );
    });
    expect(allEnds(windows).every((p) => p < n)).toBe(true);
  });

  it('show the first training and test windows step by step, the label hidden at the last step', () => {
    const { api, request, subset } = setup();
    const result = api.buildSequences(request());
    expect(result.examples.map((e) => e.role)).toEqual(['train', 'test']);
    const titles = new Set(subset().movies.map((m) => m?.title));
    for (const example of result.examples) {
      expect(example.rows).toHaveLength(5);
      expect(example.rows.map((row) => row.step)).toEqual([1, 2, 3, 4, 5]);
      expect(example.rows.slice(0, 4).every((row) => row.shownRating === row.rating)).toBe(true);
      expect(example.rows[4].shownRating).toBeNull();
      expect(example.label).toBe(example.rows[4].rating);
      expect(example.rows.every((row) => titles.has(row.title ?? undefined))).toBe(true);
      expect(example.rows.every((row) => row.cluster === row.movie % K)).toBe(true);
      const dates = example.rows.map((row) => row.date);
      expect(dates).toEqual([...dates].sort());
    }
  });

  describe('through comlink, as the page calls them', () => {
    const channels: MessageChannel[] = [];
    afterEach(() => channels.splice(0).forEach((c) => (c.port1.close(), c.port2.close())));

    it('transfer a copy and keep the original, so the trainer never holds the only one', async () => {
      const { state, api, request } = setup();
      const channel = new MessageChannel();
      channels.push(channel);
      expose(api, nodeEndpoint(channel.port1));
      const remote = wrap<typeof api>(nodeEndpoint(channel.port2));
      const result = await remote.buildSequences(request());
      expect(result.clustering).toMatchObject({ k: K });
      const first = await remote.copyWindows(result.windowsId);
      const held = state.windows.get(result.windowsId).compact;
      // Transferring the copy detached the copy's buffers in the worker, never the held ones.
      expect(held.rating.length).toBe(first.windows.rating.length);
      expect(held.train.length).toBe(result.windowCounts.train);
      const second = await remote.copyWindows(result.windowsId);
      expect(second.windows).toEqual(first.windows);
      expect(Array.from(first.windows.rating)).toEqual(Array.from(held.rating));
    });
  });

  it('replace the windows of a subset when they are built again', () => {
    const { api, request } = setup();
    const first = api.buildSequences(request());
    const second = api.buildSequences(request({ steps: 6 }));
    expect(second.windowsId).not.toBe(first.windowsId);
    expect(() => api.copyWindows(first.windowsId)).toThrow(/run the Sequences cell again/);
    expect(api.copyWindows(second.windowsId).windows.steps).toBe(6);
  });
});
