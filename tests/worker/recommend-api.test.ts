import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/lib/days';
import type { RunId } from '../../src/lib/ids';
import type { StaticBaseline } from '../../src/stages/baselines/compute/static-baseline';
import { DEFAULT_RATING_MODEL_SETTINGS } from '../../src/stages/baselines/contract';
import { idAt } from '../../src/stages/ingest/compute/id-index';
import { topIndices } from '../../src/stages/recommend/compute/candidate-windows';
import { HIDDEN_RATING } from '../../src/stages/windows/compute/window-features';
import { TRAIN } from '../../src/stages/windows/compute/window-split';
import {
  DEFAULT_SEQUENCE_OPTIONS,
  type SequenceOptions,
  type WindowsId,
} from '../../src/stages/windows/contract';
import { createBaselinesApi } from '../../src/stages/baselines/worker/baselines-api';
import { createRecommendApi } from '../../src/stages/recommend/worker/recommend-api';
import { createSequencesApi } from '../../src/stages/windows/worker/sequences-api';
import {
  bruteForceHistories,
  chooseClustering,
  dataWorkerWithSubset,
} from '../helpers/data-worker-fixture';

const K = 4;
const STEPS = 5;

async function setup(options: Partial<SequenceOptions> = {}) {
  const worker = dataWorkerWithSubset();
  const clusterOfMovie = chooseClustering(worker.state, worker.subsetId, K);
  const sequences = createSequencesApi(worker.state).buildSequences({
    subsetId: worker.subsetId,
    options: { ...DEFAULT_SEQUENCE_OPTIONS, steps: STEPS, ...options },
    seed: 3,
    runId: 'run-seq' as RunId,
  });
  const settings = {
    ...DEFAULT_RATING_MODEL_SETTINGS,
    mf: { ...DEFAULT_RATING_MODEL_SETTINGS.mf, factors: 4, epochs: 3 },
  };
  await createBaselinesApi(worker.state).trainBaselines({
    windowsId: sequences.windowsId,
    runId: 'run-b' as RunId,
    models: ['mean', 'bias', 'mf'],
    settings,
  });
  const api = createRecommendApi(worker.state);
  return { ...worker, clusterOfMovie, sequences, api, windowsId: sequences.windowsId };
}

describe('the Recommend worker functions', () => {
  it('find a user by the id written in the data, and draw a seeded random one that has windows', async () => {
    const { state, api, windowsId, subset } = await setup();
    const data = subset();
    expect(api.findUser(windowsId, ` ${idAt(data.userIds, 17)} `)).toBe(17);
    expect(api.findUser(windowsId, 'no-such-user')).toBeNull();
    const drawn = api.randomUser(windowsId, 11);
    expect(api.randomUser(windowsId, 11)).toBe(drawn);
    const split = state.windows.get(windowsId).prepared.split;
    expect(Array.from(split.windows.user)).toContain(drawn);
    const draws = new Set(Array.from({ length: 20 }, (_, seed) => api.randomUser(windowsId, seed)));
    expect(draws.size).toBeGreaterThan(5);
  });

  it('return the user’s history in time order and only the movies they have not rated, with titles', async () => {
    const { state, api, windowsId, subset, clusterOfMovie } = await setup();
    const data = subset();
    const user = 5;
    const inputs = api.recommendInputs({ windowsId, user });
    expect(inputs.userId).toBe(idAt(data.userIds, user));

    const rows = bruteForceHistories(data)[user];
    const { table } = data;
    const ratingRole = state.windows.get(windowsId).prepared.split.ratingRole;
    expect(inputs.history).toEqual(
      rows.map((r) => ({
        date: formatDay(table.day[r]),
        movie: table.movie[r],
        title: data.movies[table.movie[r]]!.title,
        rating: table.ratingValues[table.code[r]],
        cluster: clusterOfMovie[table.movie[r]],
        role: (['train', 'validation', 'test'] as const)[ratingRole[r]],
      })),
    );
    expect(inputs.history.at(-1)?.role).toBe('test'); // the latest rating is held out

    const seen = new Set(rows.map((r) => table.movie[r]));
    const unseen = Array.from({ length: 40 }, (_, m) => m).filter((m) => !seen.has(m));
    expect(unseen.length).toBeGreaterThan(0);
    expect(Array.from(inputs.candidates)).toEqual(unseen);
    expect(inputs.titles).toEqual(unseen.map((m) => data.movies[m]!.title));
    expect(inputs.years).toEqual(unseen.map((m) => data.movies[m]!.year));
    expect(Array.from(inputs.clusters)).toEqual(unseen.map((m) => clusterOfMovie[m]));
    const trainingCount = (m: number) =>
      table.movie.filter((movie, r) => movie === m && ratingRole[r] === TRAIN).length;
    expect(Array.from(inputs.trainingRatings)).toEqual(unseen.map(trainingCount));
  });

  it('score every unseen movie with each rating model, so the cell can rank them best first', async () => {
    const { state, api, windowsId, subset } = await setup();
    const user = 9;
    const inputs = api.recommendInputs({ windowsId, user });
    expect(inputs.ratingModelScores.map((s) => s.model)).toEqual(['mean', 'bias', 'mf']);
    const [mean, bias, mf] = inputs.ratingModelScores;
    for (const { scores } of inputs.ratingModelScores) {
      expect(scores.length).toBe(inputs.candidates.length);
      expect(scores.every((s) => s >= 1 && s <= 5)).toBe(true);
    }
    // The global mean scores every movie alike; the bias baseline is μ + b_u + b_i (clipped to 1–5).
    expect(new Set(mean.scores).size).toBe(1);
    const model = state.windows.get(windowsId).ratingModels.get('bias') as StaticBaseline;
    inputs.candidates.forEach((m, k) =>
      expect(bias.scores[k]).toBeCloseTo(
        Math.min(5, Math.max(1, model.mean + model.userBias[user] + model.movieBias[m])),
        5,
      ),
    );
    expect(new Set(mf.scores).size).toBeGreaterThan(1);

    // Ranked as the cell ranks them: unseen movies only, best first, each with its title.
    const seen = new Set(inputs.history.map((h) => h.movie));
    const titles = new Set(subset().movies.map((m) => m?.title));
    const top = topIndices(bias.scores, 10);
    expect(top).toHaveLength(Math.min(10, inputs.candidates.length));
    const ranked = top.map((k) => bias.scores[k]);
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
    expect(Math.max(...bias.scores)).toBe(ranked[0]);
    for (const k of top) {
      expect(seen.has(inputs.candidates[k])).toBe(false);
      expect(titles.has(inputs.titles[k])).toBe(true);
    }
  });

  it('ask the LSTM about each candidate after the user’s latest ratings, and the embedding model about each pair', async () => {
    const { api, windowsId, clusterOfMovie } = await setup({ movieMean: true });
    const user = 2;
    const inputs = api.recommendInputs({ windowsId, user });
    const n = inputs.candidates.length;
    expect(inputs.pairInputs).toEqual({
      kind: 'pairs',
      user: new Uint32Array(n).fill(user),
      movie: inputs.candidates,
    });
    const lstm = inputs.lstmInputs;
    if (lstm?.kind !== 'windows') throw new Error('expected LSTM windows');
    const features = K + 2; // one-hot, rating, movie mean
    expect(lstm).toMatchObject({ count: n, steps: STEPS, features });
    expect(lstm.x.length).toBe(n * STEPS * features);
    const context = inputs.history.slice(-(STEPS - 1));
    for (let k = 0; k < n; k++) {
      const step = (s: number) =>
        Array.from(lstm.x.subarray((k * STEPS + s) * features, (k * STEPS + s + 1) * features));
      context.forEach((h, s) => {
        expect(step(s).slice(0, K).indexOf(1)).toBe(h.cluster);
        expect(step(s)[K]).toBe(h.rating);
      });
      const last = step(STEPS - 1);
      expect(last.slice(0, K).indexOf(1)).toBe(clusterOfMovie[inputs.candidates[k]]);
      expect(last[K]).toBe(HIDDEN_RATING);
      expect(last[K + 1]).toBeGreaterThanOrEqual(1); // the candidate's training mean
    }
  });

  it('have no LSTM inputs for a user with fewer ratings than a window’s context', async () => {
    const { api, windowsId, subset } = await setup({ steps: 40 });
    const histories = bruteForceHistories(subset());
    const short = histories.findIndex((h) => h.length < 39);
    expect(short).toBeGreaterThanOrEqual(0);
    const inputs = api.recommendInputs({ windowsId, user: short });
    expect(inputs.lstmInputs).toBeNull();
    expect(inputs.pairInputs).toMatchObject({ kind: 'pairs', movie: inputs.candidates });
  });

  it('explain a bad user and name the cell to run when the windows are gone', async () => {
    const { api, windowsId, subsetApi, datasetId } = await setup();
    expect(() => api.recommendInputs({ windowsId, user: 100 })).toThrow(
      'There is no user 100 in the subset.',
    );
    expect(() => api.recommendInputs({ windowsId, user: 1.5 })).toThrow(/no user 1.5/);
    expect(() => api.randomUser('windows-0' as WindowsId, 1)).toThrow(
      /run the Sequences cell again/,
    );
    subsetApi.makeSubset({ datasetId, options: { users: 10, movies: 10 } });
    expect(() => api.findUser(windowsId, '1')).toThrow(
      /no longer loaded: run the Sequences cell again/,
    );
    expect(() => api.recommendInputs({ windowsId, user: 0 })).toThrow(
      /no longer loaded: run the Sequences cell again/,
    );
  });

  it('say so when no user has a full window', async () => {
    const { api, windowsId } = await setup({ steps: 10_000 });
    expect(() => api.randomUser(windowsId, 1)).toThrow(
      'No user has a full window: shorten the window length.',
    );
  });
});
