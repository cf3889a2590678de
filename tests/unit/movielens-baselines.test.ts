import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRatingsFromPaths } from '../../src/cli/load-paths';
import { DEFAULT_MF_OPTIONS } from '../../src/stages/baselines/compute/biased-mf';
import { ratingSetsFromSplit } from '../../src/stages/baselines/compute/rating-set';
import type { RatingModelKind } from '../../src/stages/baselines/compute/rating-model';
import {
  DEFAULT_RATING_MODEL_SETTINGS,
  trainRatingModel,
  type RatingModelReport,
  type RatingModelSettings,
} from '../../src/stages/baselines/compute/train-rating-model';
import {
  prepareSplit,
  SINGLE_RATING_WINDOWS,
} from '../../src/stages/windows/compute/prepare-split';

const RATINGS = join(
  import.meta.dirname,
  '../../../shared/data/movielens/ml-latest-small/ratings.csv',
);
const present = existsSync(RATINGS);
if (!present)
  console.warn(`skipping the MovieLens baselines: ${RATINGS} is absent (CI clones without it)`);

/**
 * Settings chosen on a validation split carved out of the same 80% (random split, validation 10%, test 20%,
 * seed 2024: the test ratings are the same as below, and were never looked at), then refitted on the whole 80%
 * for the best validation epoch count. Small MovieLens has few ratings per movie, so it wants far weaker bias
 * regularisation and far stronger factor regularisation than Koren's Netflix values.
 */
const TUNED: RatingModelSettings = {
  ...DEFAULT_RATING_MODEL_SETTINGS,
  bias: { ...DEFAULT_RATING_MODEL_SETTINGS.bias, regUser: 5, regMovie: 3 },
  mf: {
    ...DEFAULT_MF_OPTIONS,
    factors: 50,
    learningRate: 0.01,
    learningRateDecay: 1,
    regFactor: 0.1,
    regBias: 0.005,
    epochs: 42,
  },
};

describe.skipIf(!present)('rating models on MovieLens latest-small (random 80/20 split)', () => {
  it('rank as the literature says: biases ≫ mean, MF ≥ biases', { timeout: 120_000 }, async () => {
    const { data } = await loadRatingsFromPaths([RATINGS]);
    const { split } = prepareSplit(data, SINGLE_RATING_WINDOWS, {
      kind: 'random',
      valFraction: 0,
      testFraction: 0.2,
      seed: 2024,
    });
    const sets = ratingSetsFromSplit(
      data.table,
      split,
      data.userIds.ids.length,
      data.movieIds.ids.length,
    );
    expect(sets.test.count).toBe(20_167);
    const run = async (kind: RatingModelKind, settings = DEFAULT_RATING_MODEL_SETTINGS) =>
      (await trainRatingModel(kind, sets, settings)).report;
    const reports: [string, RatingModelReport][] = [
      ['mean', await run('mean')],
      ['bias (Koren’s λ)', await run('bias')],
      ['bias (tuned λ)', await run('bias', TUNED)],
      ['timebias', await run('timebias')],
      ['mf (Koren’s settings)', await run('mf')],
      ['mf (tuned)', await run('mf', TUNED)],
      ['svdpp (tuned)', await run('svdpp', TUNED)],
    ];
    console.info(
      reports
        .map(
          ([name, r]) =>
            `${name.padEnd(22)} test RMSE ${r.testRmse.toFixed(4)}  MAE ${r.testMae.toFixed(4)}  ` +
            `params ${r.params}  epochs ${r.epochs}  ${r.trainMs} ms  ` +
            `Recall@10 ${r.ranking?.recall.toFixed(4)}  NDCG@10 ${r.ranking?.ndcg.toFixed(4)}  ` +
            `coverage ${r.ranking?.coverage.toFixed(4)} (${r.ranking?.users} users)`,
        )
        .join('\n'),
    );
    const rmse = Object.fromEntries(reports.map(([name, r]) => [name, r.testRmse]));
    expect(rmse['bias (Koren’s λ)']).toBeLessThan(rmse.mean * 0.9);
    expect(rmse['mf (Koren’s settings)']).toBeLessThan(rmse['bias (Koren’s λ)'] * 1.005);
    expect(rmse['mf (tuned)']).toBeLessThan(rmse['bias (tuned λ)']);
    // Ranking tells another story than RMSE (measured: Recall@10 mean 0.025, bias with Koren's λ 0.044,
    // bias with the RMSE-tuned weak λ 0.011): weak bias regularisation lifts movies with a few high ratings
    // to the top of every list. The global mean ranks by movie index, which here is first appearance.
    const recall = Object.fromEntries(reports.map(([name, r]) => [name, r.ranking!.recall]));
    expect(recall['bias (Koren’s λ)']).toBeGreaterThan(recall.mean * 1.5);
    expect(recall.timebias).toBeGreaterThan(recall.mean * 1.5);
    expect(recall['bias (tuned λ)']).toBeLessThan(recall['bias (Koren’s λ)']);
    for (const [, r] of reports) {
      expect(r.ranking?.users).toBe(609);
      expect(r.testRatings).toBe(sets.test.count);
      expect(r.trainMeanRmse).toBe(rmse.mean);
    }
  });
});
