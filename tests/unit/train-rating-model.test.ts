import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { trainCommand } from '../../src/cli/commands/train';
import { ratingSetsFromSplit } from '../../src/stages/baselines/compute/rating-set';
import type { RatingModelKind } from '../../src/stages/baselines/compute/rating-model';
import {
  DEFAULT_RATING_MODEL_SETTINGS,
  trainRatingModel,
} from '../../src/stages/baselines/compute/train-rating-model';
import { prepareSplit } from '../../src/stages/windows/compute/prepare-split';
import { generatedRatings } from '../helpers/ratings-fixture';
import { ISSUE_REPORT_KEYS } from '../helpers/report-keys';

const KINDS: RatingModelKind[] = ['mean', 'bias', 'timebias', 'mf', 'svdpp'];
const SETTINGS = {
  ...DEFAULT_RATING_MODEL_SETTINGS,
  mf: { ...DEFAULT_RATING_MODEL_SETTINGS.mf, factors: 8, epochs: 6 },
};

describe('every rating model on one windowed split', () => {
  const data = generatedRatings();
  const { split } = prepareSplit(
    data,
    { steps: 10, stride: 1, maxPerUser: null },
    { kind: 'chrono', valFraction: 0.1, testFraction: 0.1, seed: 5 },
  );
  const sets = ratingSetsFromSplit(data.table, split, 300, 120);

  it('scores the same test triples, the window labels, and beats the mean', async () => {
    const reports = [];
    for (const kind of KINDS) reports.push((await trainRatingModel(kind, sets, SETTINGS)).report);
    const mean = reports[0].testRmse;
    for (const report of reports) {
      expect(report.testRatings).toBe(split.windowCounts.test);
      expect(report.trainMeanRmse).toBe(mean);
      expect(report.backend).toBe('cpu');
      expect(Number.isFinite(report.testMae)).toBe(true);
      if (report.model !== 'mean') expect(report.testRmse).toBeLessThan(mean);
    }
  });

  it('repeats itself exactly for the same seed', async () => {
    for (const kind of ['timebias', 'mf', 'svdpp'] as const) {
      const a = (await trainRatingModel(kind, sets, SETTINGS)).report;
      const b = (await trainRatingModel(kind, sets, SETTINGS)).report;
      expect({ ...a, trainMs: 0 }).toEqual({ ...b, trainMs: 0 });
    }
  });
});

describe('cli train', () => {
  const SAMPLE = join(import.meta.dirname, '../../public/sample/sample_ratings.txt.gz');
  const run = (line: string) => trainCommand(parseArgs(line.split(' ')));

  it('prints the shared report shape for mean, bias and mf on one split', async () => {
    const common = `${SAMPLE} --users 400 --movies 150 --split chrono --seed 3`;
    const mean = (await run(`mean ${common}`)) as Record<string, unknown>;
    const bias = (await run(`bias --variant temporal ${common} --verbose`)) as Record<
      string,
      unknown
    >;
    const mf = (await run(`mf ${common} --factors 10 --epochs 4 --k 20`)) as Record<
      string,
      unknown
    >;
    expect(Object.keys(mf).slice(0, 7)).toEqual(ISSUE_REPORT_KEYS);
    expect([mean.model, bias.model, mf.model]).toEqual(['mean', 'timebias', 'mf']);
    expect(mf.epochs).toBe(4);
    expect(mean.testRatings).toBe(mf.testRatings);
    expect(bias.trainMeanRmse).toBe(mf.trainMeanRmse);
    expect(mf.testRmse as number).toBeLessThan(mean.testRmse as number);
  });

  it('splits plain ratings at random and refuses what it does not know', async () => {
    const plain = (await run(
      `bias ${SAMPLE} --split random --on ratings --test-fraction 0.2 --val-fraction 0`,
    )) as { split: { ratings: { test: number; train: number } } };
    expect(
      plain.split.ratings.test / (plain.split.ratings.test + plain.split.ratings.train),
    ).toBeCloseTo(0.2, 5);
    await expect(run(`mf ${SAMPLE} --factor 10`)).rejects.toThrow(/unknown option --factor/);
    await expect(run(`lstm2 ${SAMPLE}`)).rejects.toThrow(/unknown model/);
    await expect(run(`mf ${SAMPLE} --lr 0`)).rejects.toThrow(/learningRate must be positive/);
    await expect(run(`mf ${SAMPLE} --test-fraction 1.5`)).rejects.toThrow(/test fraction/);
  });
});
