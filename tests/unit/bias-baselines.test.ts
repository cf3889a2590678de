import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/lib/rng';
import type { RatingSet } from '../../src/stages/baselines/compute/rating-set';
import { fitStaticBaseline } from '../../src/stages/baselines/compute/static-baseline';
import {
  DEFAULT_TIME_AWARE_BASELINE_OPTIONS,
  deviation,
  fitTimeAwareBaseline,
} from '../../src/stages/baselines/compute/time-aware-baseline';

const SCALE = { min: 1, max: 5 };

function ratingSet(rows: [user: number, movie: number, rating: number, day?: number][]): RatingSet {
  return {
    count: rows.length,
    user: Uint32Array.from(rows, (r) => r[0]),
    movie: Uint32Array.from(rows, (r) => r[1]),
    rating: Float32Array.from(rows, (r) => r[2]),
    day: Uint16Array.from(rows, (r) => r[3] ?? 12000),
  };
}

/** A random partly observed matrix with dates, for the least-squares checks. */
function randomRatings(users: number, movies: number, seed: number): RatingSet {
  const rng = createRng(seed);
  const rows: [number, number, number, number][] = [];
  for (let u = 0; u < users; u++)
    for (let m = 0; m < movies; m++)
      if (rng.next() < 0.6) rows.push([u, m, 1 + rng.int(5), 11000 + rng.int(900)]);
  return ratingSet(rows);
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and dense). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[pivot][c])) pivot = r;
    [M[c], M[pivot]] = [M[pivot], M[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const factor = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= factor * M[c][k];
    }
  }
  return M.map((row, i) => row[n] / row[i]);
}

describe('static baseline μ + b_u + b_i', () => {
  it('equals Koren’s decoupled estimate after one sweep (hand-computed)', () => {
    // μ = 4. b_m0 = (1 + 0) / (1 + 2) = 1/3, b_m1 = −1 / (1 + 1) = −1/2,
    // b_u0 = ((1 − 1/3) + (−1 + 1/2)) / (2 + 2) = 1/24, b_u1 = (0 − 1/3) / (2 + 1) = −1/9.
    const train = ratingSet([
      [0, 0, 5],
      [0, 1, 3],
      [1, 0, 4],
    ]);
    const model = fitStaticBaseline(
      train,
      { users: 2, movies: 2, scale: SCALE },
      { regUser: 2, regMovie: 1, maxSweeps: 1, tolerance: 0 },
    );
    expect(model.mean).toBe(4);
    expect(model.movieBias[0]).toBeCloseTo(1 / 3, 12);
    expect(model.movieBias[1]).toBeCloseTo(-1 / 2, 12);
    expect(model.userBias[0]).toBeCloseTo(1 / 24, 12);
    expect(model.userBias[1]).toBeCloseTo(-1 / 9, 12);
    expect(model.params).toBe(5);
    expect(Array.from(model.predict(ratingSet([[1, 1, 0]])))).toEqual([
      Math.fround(4 - 1 / 9 - 1 / 2),
    ]);
  });

  it('converges to the solution of the regularised normal equations', () => {
    const users = 7;
    const movies = 6;
    const train = randomRatings(users, movies, 5);
    const regUser = 3;
    const regMovie = 2;
    const model = fitStaticBaseline(
      train,
      { users, movies, scale: SCALE },
      { regUser, regMovie, maxSweeps: 10_000, tolerance: 1e-13 },
    );
    // Unknowns: b_u for every user, then b_i for every movie.
    const n = users + movies;
    const A = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    const b = new Array<number>(n).fill(0);
    for (let j = 0; j < users; j++) A[j][j] = regUser;
    for (let j = users; j < n; j++) A[j][j] = regMovie;
    for (let k = 0; k < train.count; k++) {
      const u = train.user[k];
      const i = users + train.movie[k];
      const r = train.rating[k] - model.mean;
      A[u][u] += 1;
      A[u][i] += 1;
      A[i][i] += 1;
      A[i][u] += 1;
      b[u] += r;
      b[i] += r;
    }
    const exact = solve(A, b);
    for (let u = 0; u < users; u++) expect(model.userBias[u]).toBeCloseTo(exact[u], 9);
    for (let m = 0; m < movies; m++) expect(model.movieBias[m]).toBeCloseTo(exact[users + m], 9);
  });

  it('clips predictions to the rating scale', () => {
    const train = ratingSet([
      [0, 0, 5],
      [0, 1, 5],
      [1, 0, 5],
      [1, 1, 1],
    ]);
    const model = fitStaticBaseline(
      train,
      { users: 2, movies: 2, scale: { min: 1, max: 4.5 } },
      { regUser: 0, regMovie: 0, maxSweeps: 100, tolerance: 0 },
    );
    expect(Math.max(...model.predict(train))).toBe(4.5);
  });
});

describe('time-aware baseline', () => {
  const users = 25;
  const movies = 12;
  const train = randomRatings(users, movies, 9);
  const context = { users, movies, scale: { min: -100, max: 100 } };
  const options = {
    ...DEFAULT_TIME_AWARE_BASELINE_OPTIONS,
    bins: 4,
    maxSweeps: 5000,
    tolerance: 1e-15,
  };

  it('reaches the minimum: the gradient of the regularised objective vanishes', () => {
    const model = fitTimeAwareBaseline(train, context, options);
    const grad = {
      user: new Float64Array(users),
      drift: new Float64Array(users),
      movie: new Float64Array(movies),
      bin: new Float64Array(movies * options.bins),
      day: new Float64Array(model.userDayBias.length),
    };
    for (let k = 0; k < train.count; k++) {
      const u = train.user[k];
      const m = train.movie[k];
      const t = train.day[k];
      const dev = deviation(t, model.meanDay[u], options.beta);
      const bin = m * options.bins + model.binOf(t);
      const ud = model.userDayIndex(u, t)!;
      const residual =
        train.rating[k] -
        (model.mean +
          model.userBias[u] +
          model.drift[u] * dev +
          model.userDayBias[ud] +
          model.movieBias[m] +
          model.movieBinBias[bin]);
      grad.user[u] -= residual;
      grad.drift[u] -= residual * dev;
      grad.movie[m] -= residual;
      grad.bin[bin] -= residual;
      grad.day[ud] -= residual;
    }
    const check = (g: Float64Array, param: Float64Array, reg: number) => {
      for (let j = 0; j < g.length; j++) expect(Math.abs(g[j] + reg * param[j])).toBeLessThan(1e-6);
    };
    check(grad.user, model.userBias, options.regUser);
    check(grad.drift, model.drift, options.regDrift);
    check(grad.movie, model.movieBias, options.regMovie);
    check(grad.bin, model.movieBinBias, options.regMovieBin);
    check(grad.day, model.userDayBias, options.regUserDay);
    expect(model.params).toBe(1 + 2 * users + movies + movies * 4 + model.userDayBias.length);
  });

  it('reduces to the static baseline when the time terms are regularised away', () => {
    const frozen = {
      ...options,
      userDayBias: false,
      regDrift: 1e15,
      regMovieBin: 1e15,
    };
    const timeAware = fitTimeAwareBaseline(train, context, frozen);
    const flat = fitStaticBaseline(train, context, {
      regUser: options.regUser,
      regMovie: options.regMovie,
      maxSweeps: 5000,
      tolerance: 1e-14,
    });
    const a = timeAware.predict(train);
    const b = flat.predict(train);
    for (let k = 0; k < train.count; k++) expect(a[k]).toBeCloseTo(b[k], 5);
  });

  it('follows a user’s drift that the static baseline cannot', () => {
    // One user whose ratings climb by one star a year, rated on many movies.
    const rows: [number, number, number, number][] = [];
    const rng = createRng(3);
    for (let k = 0; k < 400; k++) {
      const day = 11000 + rng.int(1460);
      rows.push([0, rng.int(movies), 1 + ((day - 11000) / 1460) * 4, day]);
      rows.push([1 + rng.int(users - 1), rng.int(movies), 3, day]);
    }
    const set = ratingSet(rows);
    const dense = { ...options, regDrift: 1 };
    const rmse = (pred: Float32Array) =>
      Math.sqrt(pred.reduce((s, p, k) => s + (p - set.rating[k]) ** 2, 0) / set.count);
    const timeAware = rmse(fitTimeAwareBaseline(set, context, dense).predict(set));
    const flat = rmse(fitStaticBaseline(set, context).predict(set));
    expect(timeAware).toBeLessThan(flat * 0.6);
  });
});
