import { describe, expect, it } from 'vitest';
import type { RunId } from '../../src/lib/ids';
import { ratingSetsFromSplit } from '../../src/stages/baselines/compute/rating-set';
import { trainRatingModel } from '../../src/stages/baselines/compute/train-rating-model';
import {
  DEFAULT_RATING_MODEL_SETTINGS,
  type BaselinesProgress,
  type RatingModelKind,
  type RatingModelReport,
  type RatingModelSettings,
} from '../../src/stages/baselines/contract';
import { DEFAULT_SEQUENCE_OPTIONS, type WindowsId } from '../../src/stages/windows/contract';
import { createBaselinesApi } from '../../src/stages/baselines/worker/baselines-api';
import { createSequencesApi } from '../../src/stages/windows/worker/sequences-api';
import { chooseClustering, dataWorkerWithSubset } from '../helpers/data-worker-fixture';

const SETTINGS: RatingModelSettings = {
  ...DEFAULT_RATING_MODEL_SETTINGS,
  mf: { ...DEFAULT_RATING_MODEL_SETTINGS.mf, factors: 8, epochs: 6, patience: 0, seed: 5 },
};
const ALL: RatingModelKind[] = ['mean', 'bias', 'timebias', 'mf', 'svdpp'];

let run = 0;
const runId = () => `baselines-${++run}` as RunId;

function setup(seed = 3) {
  const worker = dataWorkerWithSubset();
  chooseClustering(worker.state, worker.subsetId, 4);
  const sequences = createSequencesApi(worker.state).buildSequences({
    subsetId: worker.subsetId,
    options: { ...DEFAULT_SEQUENCE_OPTIONS, steps: 5, valFraction: 0.15, testFraction: 0.15 },
    seed,
    runId: runId(),
  });
  const api = createBaselinesApi(worker.state);
  return { ...worker, api, sequences };
}

/** A report without its wall-clock time, which is the only thing allowed to differ between two runs. */
const numbers = (report: RatingModelReport) => ({ ...report, trainMs: 0 });

describe('the Baselines worker function', () => {
  it('trains each model on the split’s training ratings, streaming its epochs, and reports as the compute modules do', async () => {
    const { state, api, sequences, subset } = setup();
    const progress: BaselinesProgress[] = [];
    const reports = await api.trainBaselines(
      { windowsId: sequences.windowsId, runId: runId(), models: ALL, settings: SETTINGS },
      (p) => progress.push(p),
    );
    expect(reports.map((r) => r.model)).toEqual(ALL);

    // Per model: its name, then its SGD epochs (MF and SVD++ only), then its report.
    const expected: string[] = [];
    for (const model of ALL) {
      expected.push(`model ${model}`);
      if (model === 'mf' || model === 'svdpp')
        for (let e = 1; e <= 6; e++) expected.push(`epoch ${model} ${e}/6`);
      expected.push(`report ${model}`);
    }
    expect(
      progress.map((p) =>
        p.kind === 'model'
          ? `model ${p.model}`
          : p.kind === 'epoch'
            ? `epoch ${p.model} ${p.epoch}/${p.epochs}`
            : `report ${p.report.model}`,
      ),
    ).toEqual(expected);
    for (const p of progress)
      if (p.kind === 'epoch') expect(Number.isFinite(p.trainRmse) && p.valRmse! > 0).toBe(true);

    // The same numbers as the compute modules called directly on the same split.
    const data = subset();
    const sets = ratingSetsFromSplit(
      data.table,
      state.windows.get(sequences.windowsId).prepared.split,
      100,
      40,
    );
    for (const report of reports) {
      const direct = await trainRatingModel(report.model, sets, SETTINGS);
      expect(numbers(report)).toEqual(numbers(direct.report));
      expect(report.testRatings).toBe(sequences.windowCounts.test);
      expect(report.testRmse).toBeGreaterThan(0.5);
      expect(report.testRmse).toBeLessThan(2);
      expect(report.trainMeanRmse).toBe(reports[0].trainMeanRmse);
    }
    expect(reports[0].testRmse).toBe(reports[0].trainMeanRmse); // the mean model is that baseline
    expect(reports.find((r) => r.model === 'bias')!.params).toBe(1 + 100 + 40);
    expect(reports.find((r) => r.model === 'mf')!.params).toBe(1 + 100 + 40 + 8 * (100 + 40));
    expect(reports.find((r) => r.model === 'mf')!.epochs).toBe(6);

    // The fitted models stay in the worker for Recommend.
    expect([...state.windows.get(sequences.windowsId).ratingModels.keys()]).toEqual(ALL);
  });

  it('gives the same numbers for the same seed, and other factors for another MF seed', async () => {
    const train = async (splitSeed: number, mfSeed: number) => {
      const { api, sequences } = setup(splitSeed);
      const settings = { ...SETTINGS, mf: { ...SETTINGS.mf, seed: mfSeed } };
      return api.trainBaselines({
        windowsId: sequences.windowsId,
        runId: runId(),
        models: ['bias', 'mf'],
        settings,
      });
    };
    const first = await train(3, 5);
    expect((await train(3, 5)).map(numbers)).toEqual(first.map(numbers));
    const reseeded = await train(3, 6);
    expect(reseeded[0].testRmse).toBe(first[0].testRmse); // the closed-form baseline has no seed
    expect(reseeded[1].testRmse).not.toBe(first[1].testRmse);
    expect((await train(4, 5))[0].testRmse).not.toBe(first[0].testRmse); // another split
  });

  it('stops between epochs when its run is cancelled, keeping what finished', async () => {
    const { api, sequences, runs } = setup();
    const id = runId();
    const seen: BaselinesProgress[] = [];
    const settings = { ...SETTINGS, mf: { ...SETTINGS.mf, epochs: 50 } };
    const reports = await api.trainBaselines(
      { windowsId: sequences.windowsId, runId: id, models: ['mean', 'mf', 'bias'], settings },
      (p) => {
        seen.push(p);
        runs.cancel('another-run' as RunId); // someone else's cancel changes nothing
        if (p.kind === 'epoch' && p.epoch === 2) runs.cancel(id);
      },
    );
    // MF stopped after its second epoch and kept its best weights; the bias baseline never started.
    expect(reports.map((r) => r.model)).toEqual(['mean', 'mf']);
    expect(reports[1]).toMatchObject({ epochs: 2 });
    expect(reports[1].bestEpoch).toBeLessThanOrEqual(2);
    expect(Number.isFinite(reports[1].testRmse)).toBe(true);
    expect(seen.filter((p) => p.kind === 'epoch')).toHaveLength(2);
    expect(seen.some((p) => p.kind === 'model' && p.model === 'bias')).toBe(false);
    // A later run with the same id is not born cancelled.
    const again = await api.trainBaselines({
      windowsId: sequences.windowsId,
      runId: id,
      models: ['bias'],
      settings,
    });
    expect(again.map((r) => r.model)).toEqual(['bias']);
  });

  it('names the cell to run when its windows are gone', async () => {
    const { api, sequences, subsetApi, datasetId } = setup();
    const request = { runId: runId(), models: ['mean' as const], settings: SETTINGS };
    await expect(
      api.trainBaselines({ ...request, windowsId: 'windows-404' as WindowsId }),
    ).rejects.toThrow(/no longer held: run the Sequences cell again/);
    subsetApi.makeSubset({ datasetId, options: { users: 50, movies: 20 } });
    await expect(
      api.trainBaselines({ ...request, windowsId: sequences.windowsId }),
    ).rejects.toThrow(/no longer loaded: run the Sequences cell again/);
  });

  it('refuses out-of-range settings with a message naming them', async () => {
    const { api, sequences } = setup();
    const settings = { ...SETTINGS, mf: { ...SETTINGS.mf, learningRate: 0 } };
    await expect(
      api.trainBaselines({
        windowsId: sequences.windowsId,
        runId: runId(),
        models: ['mf'],
        settings,
      }),
    ).rejects.toThrow('learningRate must be positive, not 0');
  });
});
