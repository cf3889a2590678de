import { CancelledError } from '../../src/lib/cancellation';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/lib/rng';
import type { RatingsTable } from '../../src/stages/ingest/compute/ratings-table';
import type { PrizeModelKind, PrizeModelOptions } from '../../src/stages/prize/contract';
import { checkModelFits, estimateModelBytes } from '../../src/stages/prize/compute/model-memory';
import { heldOutRmse, PrizeScorer } from '../../src/stages/prize/compute/model-scorer';
import { allocateModel } from '../../src/stages/prize/compute/model-state';
import { buildPrizeData, prizeDims } from '../../src/stages/prize/compute/prize-data';
import { PrizeModelTooLargeError } from '../../src/stages/prize/compute/prize-errors';
import { korenPreset } from '../../src/stages/prize/compute/prize-presets';
import { lastNSplit } from '../../src/stages/prize/compute/protocol-split';
import { preparePrizeProtocol, runPrizeModels } from '../../src/stages/prize/compute/run-prize';
import { allocateScratch, temporalEpoch } from '../../src/stages/prize/compute/sgd-epoch';
import { trainPrizeModel } from '../../src/stages/prize/compute/train-prize-model';
import { plantedDriftTable } from '../helpers/planted-drift';

describe('one timeSVD++ step', () => {
  it('moves every parameter as the update rules written out by hand say', () => {
    // One training rating (user 0, movie 0, 4 stars, day 12000) and one held-out rating.
    const table: RatingsTable = {
      user: Uint32Array.of(0, 0),
      movie: Uint32Array.of(0, 1),
      code: Uint8Array.of(3, 1),
      day: Uint16Array.of(12000, 12010),
      ratingValues: Float32Array.of(1, 2, 3, 4, 5),
    };
    const role = Uint8Array.of(0, 1);
    const data = buildPrizeData(table, 1, 2, {
      protocol: 'last-9',
      role,
      trainRatings: 1,
      heldOutRatings: 1,
      probePairsNotFound: 0,
    });
    const options = { ...korenPreset('timesvdpp', 2), bins: 2 };
    const s = allocateModel(options, data);
    // A hand-made starting point; t_u is set 32 days before the rating so dev_u(t) = 32^0.4 = 4.
    s.mean = 3.5;
    s.userBias[0] = 0.1;
    s.movieBias[0] = -0.2;
    s.drift[0] = 0.05;
    s.binBias[0] = 0.1; // movie 0, bin 0 (day 12000 is the first day of the period)
    s.userDayBias[0] = -0.1;
    s.userDayDev[0] = 4;
    s.userFactors.set([0.3, -0.1]);
    s.factorDrift.set([0.02, 0.01]);
    s.movieFactors.set([0.2, 0.4, 0, 0]);
    s.implicitFactors.set([0.5, -0.5, 0, 0]);
    const rates = {
      lrBias: 0.01,
      regBias: 0.1,
      lrFactor: 0.02,
      regFactor: 0.2,
      lrDrift: 0.001,
      regDrift: 2,
      lrBin: 0.03,
      regBin: 0.5,
      lrUserDay: 0.04,
      regUserDay: 0.25,
      lrFactorDrift: 0.005,
      regFactorDrift: 1,
    };
    const squared = temporalEpoch(
      s,
      data,
      rates,
      Uint32Array.of(0),
      createRng(1),
      allocateScratch(2),
    );

    // z = |N(u)|^-½ y_0 = (0.5, −0.5); user vector = p + α_p·dev + z = (0.3 + 0.08 + 0.5, −0.1 + 0.04 − 0.5)
    //   = (0.88, −0.56); q · it = 0.2·0.88 + 0.4·(−0.56) = −0.048.
    // r̂ = 3.5 + 0.1 + 0.05·4 − 0.1 − 0.2 + 0.1 − 0.048 = 3.552; e = 4 − 3.552 = 0.448.
    const e = 0.448;
    expect(squared).toBeCloseTo(e * e, 6);
    expect(s.userBias[0]).toBeCloseTo(0.1 + 0.01 * (e - 0.1 * 0.1), 6);
    expect(s.movieBias[0]).toBeCloseTo(-0.2 + 0.01 * (e - 0.1 * -0.2), 6);
    expect(s.drift[0]).toBeCloseTo(0.05 + 0.001 * (e * 4 - 2 * 0.05), 6);
    expect(s.binBias[0]).toBeCloseTo(0.1 + 0.03 * (e - 0.5 * 0.1), 6);
    expect(s.userDayBias[0]).toBeCloseTo(-0.1 + 0.04 * (e + 0.25 * 0.1), 6);
    expect(s.movieFactors[0]).toBeCloseTo(0.2 + 0.02 * (e * 0.88 - 0.2 * 0.2), 6);
    expect(s.movieFactors[1]).toBeCloseTo(0.4 + 0.02 * (e * -0.56 - 0.2 * 0.4), 6);
    expect(s.userFactors[0]).toBeCloseTo(0.3 + 0.02 * (e * 0.2 - 0.2 * 0.3), 6);
    expect(s.userFactors[1]).toBeCloseTo(-0.1 + 0.02 * (e * 0.4 + 0.2 * 0.1), 6);
    expect(s.factorDrift[0]).toBeCloseTo(0.02 + 0.005 * (e * 4 * 0.2 - 0.02), 6);
    expect(s.factorDrift[1]).toBeCloseTo(0.01 + 0.005 * (e * 4 * 0.4 - 0.01), 6);
    // y_0 decays once by (1 − γλ) and moves by γ |N(u)|^-½ e q (old q).
    expect(s.implicitFactors[0]).toBeCloseTo(0.996 * 0.5 + 0.02 * e * 0.2, 6);
    expect(s.implicitFactors[1]).toBeCloseTo(0.996 * -0.5 + 0.02 * e * 0.4, 6);
    // Movie 1 has no training rating: untouched.
    expect(Array.from(s.movieFactors.subarray(2))).toEqual([0, 0]);
  });
});

/** Settings for the planted data: 32,000 ratings need larger steps and more shrinkage than the Prize's 100 M. */
const SMALL_DATA: Partial<PrizeModelOptions> = {
  epochs: 20,
  lrFactor: 0.02,
  initSd: 0.2,
  lrBias: 0.003,
  regBias: 0.05,
  regFactor: 0.05,
  lrDrift: 0.0005,
  regDrift: 1,
};

async function plantedRun(seed: number, kinds: PrizeModelKind[]) {
  const table = plantedDriftTable({ users: 800, movies: 200, ratingsPerUser: 40, seed: 1 });
  const prepared = preparePrizeProtocol({ table, users: 800, movies: 200 });
  return runPrizeModels({
    prepared,
    models: kinds.map((kind) => ({ ...korenPreset(kind, 10), ...SMALL_DATA, seed })),
    rankUsers: 0,
  });
}

describe('the Prize models on data with planted time drift', () => {
  it('rank timeSVD++ < SVD++ < biased MF < static biases < mean by held-out RMSE, and timebias < bias', async () => {
    const rows = await plantedRun(7, ['mean', 'bias', 'timebias', 'mf', 'svdpp', 'timesvdpp']);
    const rmse = Object.fromEntries(rows.map((r) => [r.model, r.heldOutRmse]));
    expect(rmse.timesvdpp).toBeLessThan(rmse.svdpp - 0.03);
    expect(rmse.svdpp).toBeLessThan(rmse.mf - 0.03);
    expect(rmse.mf).toBeLessThan(rmse.bias - 0.02);
    expect(rmse.bias).toBeLessThan(rmse.mean - 0.05);
    expect(rmse.timebias).toBeLessThan(rmse.bias - 0.02);
    for (const row of rows.slice(1)) expect(row.epochs).toBe(20);
  });

  it('gives the same numbers for the same seed and other numbers for another', async () => {
    const [a, b, c] = await Promise.all([
      plantedRun(3, ['timesvdpp']),
      plantedRun(3, ['timesvdpp']),
      plantedRun(4, ['timesvdpp']),
    ]);
    expect(a[0].heldOutRmseByEpoch).toEqual(b[0].heldOutRmseByEpoch);
    expect(a[0].trainRmse).toEqual(b[0].trainRmse);
    expect(c[0].heldOutRmse).not.toBe(a[0].heldOutRmse);
  });
});

describe('training hooks and memory', () => {
  const table = plantedDriftTable({ users: 100, movies: 40, ratingsPerUser: 20, seed: 2 });
  const data = buildPrizeData(table, 100, 40, lastNSplit(table, 100));

  it('reports every epoch and stops with a CancelledError between epochs', async () => {
    const seen: number[] = [];
    const signal = { aborted: false };
    const run = trainPrizeModel({
      data,
      model: { ...korenPreset('mf', 5), epochs: 5 },
      signal,
      onEpoch: (p) => {
        seen.push(p.epoch);
        expect(p.ratingsPerSecond).toBeGreaterThan(0);
        expect(p.heldOutRmse).toBeGreaterThan(0);
        if (p.epoch === 2) signal.aborted = true;
      },
    });
    await expect(run).rejects.toThrow(CancelledError);
    expect(seen).toEqual([1, 2]);
  });

  it('keeps predictions on the rating scale', async () => {
    const { state, scorer } = await trainPrizeModel({
      data,
      model: { ...korenPreset('timesvdpp', 5), epochs: 3 },
    });
    scorer.begin(0);
    for (let i = 0; i < 40; i++) {
      const p = scorer.predict(i, 12500);
      expect(p).toBeGreaterThanOrEqual(1);
      expect(p).toBeLessThanOrEqual(5);
    }
    expect(heldOutRmse(new PrizeScorer(state, data))).toBeGreaterThan(0);
  });

  it('counts model bytes exactly as allocated and refuses an over-budget model naming the factors to use', async () => {
    const dims = prizeDims(data);
    const options = { ...korenPreset('timesvdpp', 8) };
    const s = allocateModel(options, data);
    const arrays = [
      s.userBias,
      s.movieBias,
      s.userFactors,
      s.movieFactors,
      s.implicitFactors,
      s.drift,
      s.factorDrift,
      s.binBias,
      s.meanDay,
      s.userDayStart,
      s.userDays,
      s.userDayDev,
      s.userDayBias,
    ];
    expect(estimateModelBytes(options, dims)).toBe(
      arrays.reduce((sum, a) => sum + a.byteLength, 0),
    );
    // Full Netflix sizes: timeSVD++ at f = 200 with ~40 days per user.
    const netflix = {
      users: 480_189,
      movies: 17_770,
      trainRatings: 99_072_112,
      heldOutRatings: 1_408_395,
      userDays: 19_000_000,
    };
    const big = korenPreset('timesvdpp', 200);
    expect(() => checkModelFits(big, netflix, 500e6)).toThrow(PrizeModelTooLargeError);
    // 4 (b_u, b_i) + 4f (p, q) + 4f (y) + 8 (α_u, t_u) + 4·30 (bins) + 4 (day offsets) per user or movie,
    // 6 + 4 per (user, day), + 4f (α_pu) per user: 996,620,908 bytes; each factor costs 3,983,672, so 75 fit.
    expect(() => checkModelFits(big, netflix, 500e6)).toThrow(
      'timeSVD++ needs 996.6 MB, over the 500.0 MB budget: lower the factors from 200 to 75 or fewer.',
    );
    await expect(trainPrizeModel({ data, model: options, budgetBytes: 1000 })).rejects.toThrow(
      PrizeModelTooLargeError,
    );
  });
});
