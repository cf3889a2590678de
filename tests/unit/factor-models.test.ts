import { describe, expect, it } from 'vitest';
import { CancelToken } from '../../src/lib/cancellation';
import { createRng, shuffleInPlace } from '../../src/lib/rng';
import {
  DEFAULT_MF_OPTIONS,
  fitBiasedMf,
  type MfOptions,
} from '../../src/stages/baselines/compute/biased-mf';
import type { EpochProgress } from '../../src/stages/baselines/compute/epoch-loop';
import { errorMetrics } from '../../src/stages/baselines/compute/metrics';
import { selectRows, type RatingSet } from '../../src/stages/baselines/compute/rating-set';
import { fitStaticBaseline } from '../../src/stages/baselines/compute/static-baseline';
import { fitSvdPlusPlus } from '../../src/stages/baselines/compute/svd-plus-plus';

const USERS = 80;
const MOVIES = 60;
const RANK = 3;
const CONTEXT = { users: USERS, movies: MOVIES, scale: { min: -20, max: 20 } };

/**
 * r_ui = 3 + b_u + b_i + p_u · q_i with rank-3 factors, no noise, half of the matrix observed; 80% of what is
 * observed trains, 20% tests.
 */
function plantedLowRank(seed: number): { train: RatingSet; test: RatingSet } {
  const rng = createRng(seed);
  const p = Array.from({ length: USERS * RANK }, () => rng.normal() * 0.7);
  const q = Array.from({ length: MOVIES * RANK }, () => rng.normal() * 0.7);
  const bu = Array.from({ length: USERS }, () => rng.normal() * 0.3);
  const bi = Array.from({ length: MOVIES }, () => rng.normal() * 0.3);
  const rows: number[][] = [];
  for (let u = 0; u < USERS; u++)
    for (let m = 0; m < MOVIES; m++) {
      if (rng.next() >= 0.5) continue;
      let dot = 0;
      for (let c = 0; c < RANK; c++) dot += p[u * RANK + c] * q[m * RANK + c];
      rows.push([u, m, 3 + bu[u] + bi[m] + dot]);
    }
  shuffleInPlace(rows, rng);
  const table = {
    user: Uint32Array.from(rows, (r) => r[0]),
    movie: Uint32Array.from(rows, (r) => r[1]),
    day: new Uint16Array(rows.length),
    code: Uint8Array.from(rows, (_, k) => k % 256),
    ratingValues: new Float32Array(256),
  };
  const toSet = (from: number, to: number): RatingSet => {
    const set = selectRows(
      table,
      Array.from({ length: to - from }, (_, k) => from + k),
    );
    set.rating.set(rows.slice(from, to).map((r) => r[2]));
    return set;
  };
  const cut = Math.round(rows.length * 0.8);
  return { train: toSet(0, cut), test: toSet(cut, rows.length) };
}

const PLANTED_OPTIONS: MfOptions = {
  ...DEFAULT_MF_OPTIONS,
  factors: RANK,
  epochs: 300,
  learningRate: 0.02,
  learningRateDecay: 1,
  regBias: 0.001,
  regFactor: 0.001,
  patience: 0,
};

describe('biased MF by SGD', () => {
  const { train, test } = plantedLowRank(1);

  it('recovers a planted low-rank matrix that biases alone cannot', async () => {
    const { model, run } = await fitBiasedMf(train, null, CONTEXT, PLANTED_OPTIONS);
    const mf = errorMetrics(model.predict(test), test).rmse;
    const biases = errorMetrics(fitStaticBaseline(train, CONTEXT).predict(test), test).rmse;
    expect(biases).toBeGreaterThan(0.8);
    expect(mf).toBeLessThan(0.1);
    expect(run.trainRmse[run.epochs - 1]).toBeLessThan(0.02);
    expect(model.params).toBe(1 + USERS + MOVIES + RANK * (USERS + MOVIES));
  });

  it('converges: the training error falls epoch after epoch', async () => {
    const { run } = await fitBiasedMf(train, test, CONTEXT, {
      ...PLANTED_OPTIONS,
      epochs: 40,
    });
    expect(run.epochs).toBe(40);
    for (let e = 1; e < run.epochs; e++)
      expect(run.trainRmse[e]).toBeLessThan(run.trainRmse[e - 1] + 1e-9);
    expect(run.trainRmse[39]).toBeLessThan(run.trainRmse[0] * 0.5);
  });

  it('gives the same numbers for the same seed and others for another', async () => {
    const options = { ...PLANTED_OPTIONS, epochs: 5 };
    const a = (await fitBiasedMf(train, null, CONTEXT, options)).model.predict(test);
    const b = (await fitBiasedMf(train, null, CONTEXT, options)).model.predict(test);
    const c = (await fitBiasedMf(train, null, CONTEXT, { ...options, seed: 8 })).model.predict(
      test,
    );
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('reports every epoch and stops between epochs when cancelled', async () => {
    const cancel = new CancelToken();
    const seen: EpochProgress[] = [];
    let yields = 0;
    const { run } = await fitBiasedMf(train, test, CONTEXT, PLANTED_OPTIONS, {
      cancel,
      onEpoch: (p) => {
        seen.push(p);
        if (p.epoch === 2) cancel.cancel();
      },
      yieldBetweenEpochs: async () => {
        yields++;
      },
    });
    expect(run.epochs).toBe(2);
    expect(run.stopReason).toBe('cancelled');
    expect(yields).toBe(2);
    expect(seen.map((p) => [p.epoch, p.epochs, p.kind])).toEqual([
      [1, 300, 'epoch'],
      [2, 300, 'epoch'],
    ]);
    expect(seen[1].valRmse).toBe(run.valRmse[1]);
  });

  it('stops early and keeps the best validation epoch’s weights', async () => {
    // A large learning rate without regularisation overfits a small noisy set within a few epochs.
    const rng = createRng(4);
    const noisy = (set: RatingSet): RatingSet => ({
      ...set,
      rating: set.rating.map((r) => r + rng.normal()),
    });
    const validation = noisy(test);
    const fit = await fitBiasedMf(noisy(train), validation, CONTEXT, {
      ...PLANTED_OPTIONS,
      factors: 20,
      learningRate: 0.05,
      regFactor: 0,
      regBias: 0,
      epochs: 100,
      patience: 3,
    });
    const { run, model } = fit;
    expect(run.stopReason).toBe('early-stop');
    expect(run.epochs).toBe(run.bestEpoch + 3);
    const best = Math.min(...run.valRmse.map((v) => v!));
    expect(run.valRmse[run.bestEpoch - 1]).toBe(best);
    expect(run.valRmse[run.epochs - 1]).toBeGreaterThan(best);
    expect(errorMetrics(model.predict(validation), validation).rmse).toBe(best);
  });
});

describe('SVD++', () => {
  const { train, test } = plantedLowRank(2);

  it('also recovers the planted matrix, deterministically', async () => {
    const options = { ...PLANTED_OPTIONS, epochs: 200 };
    const a = await fitSvdPlusPlus(train, null, CONTEXT, options);
    const b = await fitSvdPlusPlus(train, null, CONTEXT, options);
    expect(errorMetrics(a.model.predict(test), test).rmse).toBeLessThan(0.15);
    expect(a.model.predict(test)).toEqual(b.model.predict(test));
    expect(a.model.params).toBe(1 + USERS + MOVIES + RANK * (USERS + 2 * MOVIES));
  });
});
