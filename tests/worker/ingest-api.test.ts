import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { RunId } from '../../src/lib/ids';
import { createIngestApi } from '../../src/stages/ingest/worker/ingest-api';
import { createSubsetApi } from '../../src/stages/subset/worker/subset-api';
import { dataWorkerState } from '../helpers/data-worker-fixture';

const RATINGS = '1:\n10,3,2005-01-01\n11,4,2005-01-02\n2:\n10,5,2005-02-01\n';
const file = (name: string, content: string | Uint8Array) => new File([content], name);
let run = 0;
const runId = () => `test-${++run}` as RunId;

function worker() {
  const state = dataWorkerState();
  return {
    registry: state.datasets,
    api: { ...createIngestApi(state), ...createSubsetApi(state) },
  };
}

describe('the data worker’s ingest functions', () => {
  it('load files, inflating gzip natively, and hold the dataset by id', async () => {
    const { api, registry } = worker();
    const result = await api.loadFiles([file('combined_data_1.txt.gz', gzipSync(RATINGS))], {
      runId: runId(),
      layouts: {},
    });
    expect(result.summary.ratings).toBe(3);
    expect(result.source).toEqual({ kind: 'upload', files: ['combined_data_1.txt.gz'] });
    expect(registry.ids()).toEqual([result.datasetId]);
  });

  it('keep the previous dataset when a load fails, and replace it when one succeeds', async () => {
    const { api, registry } = worker();
    const first = await api.loadFiles([file('a.txt', RATINGS)], { runId: runId(), layouts: {} });
    await expect(
      api.loadFiles([file('junk.bin', Uint8Array.of(0, 1, 2, 3))], { runId: runId(), layouts: {} }),
    ).rejects.toThrow('junk.bin cannot be loaded: it is a binary file, not ratings or titles.');
    expect(registry.ids()).toEqual([first.datasetId]);
    const second = await api.loadFiles([file('b.txt', RATINGS.replace('10,5', '12,5'))], {
      runId: runId(),
      layouts: {},
    });
    expect(registry.ids()).toEqual([second.datasetId]);
  });

  it('stop a load when its run is cancelled, keeping what was there', async () => {
    const { api, registry } = worker();
    const first = await api.loadFiles([file('a.txt', RATINGS)], { runId: runId(), layouts: {} });
    const id = runId();
    const big = file('big.txt', `1:\n${'1488844,3,2005-09-06\n'.repeat(400_000)}`);
    const loading = api.loadFiles([big], { runId: id, layouts: {} }, (progress) => {
      if (progress.bytesRead > 1 << 20) api.cancelRun(id);
    });
    await expect(loading).rejects.toMatchObject({ name: 'CancelledError' });
    expect(registry.ids()).toEqual([first.datasetId]);
  });

  it('attach a titles file loaded on its own to the dataset loaded before', async () => {
    const { api } = worker();
    await expect(
      api.loadFiles([file('movie_titles.csv', '1,2003,Dinosaur Planet\n')], {
        runId: runId(),
        layouts: {},
      }),
    ).rejects.toThrow(/there are no ratings to attach them to yet/);
    const ratings = await api.loadFiles([file('a.txt', RATINGS)], { runId: runId(), layouts: {} });
    expect(ratings.summary.titledMovies).toBe(0);
    const titled = await api.loadFiles(
      [file('movie_titles.csv', '1,2003,Dinosaur Planet\n2,2004,Isle of Man TT 2004 Review\n')],
      {
        runId: runId(),
        layouts: {},
      },
    );
    expect(titled).toMatchObject({ datasetId: ratings.datasetId, titlesOnly: true });
    expect(titled.summary.titledMovies).toBe(2);
  });

  it('inspect files and propose a column mapping for delimited ones', async () => {
    const { api } = worker();
    const [netflix, csv] = await api.inspectFiles([
      file('x.txt', RATINGS),
      file('r.csv', 'userId,movieId,rating,timestamp\n1,2,4.5,964982703\n'),
    ]);
    expect(netflix).toMatchObject({
      name: 'x.txt',
      format: 'Netflix Prize ratings',
      proposal: null,
    });
    expect(csv.format).toBe('delimited ratings');
    expect(csv.proposal?.layout).toMatchObject({
      userColumn: 0,
      itemColumn: 1,
      ratingColumn: 2,
      timeColumn: 3,
    });
  });

  it('cut a subset as a dataset of its own, replacing the previous subset', async () => {
    const { api, registry } = worker();
    const loaded = await api.loadFiles([file('a.txt', RATINGS)], { runId: runId(), layouts: {} });
    const first = api.makeSubset({ datasetId: loaded.datasetId, options: { users: 1, movies: 2 } });
    expect(first.stats).toMatchObject({ ratings: 2, users: 1, movies: 2 });
    const second = api.makeSubset({
      datasetId: loaded.datasetId,
      options: { users: 2, movies: 1 },
    });
    expect(registry.ids()).toEqual([loaded.datasetId, second.subsetId]);
    expect(() =>
      api.makeSubset({ datasetId: first.subsetId, options: { users: 1, movies: 1 } }),
    ).toThrow(/no longer loaded/);
  });
});
