import type { Rng } from '../../../lib/rng';

/**
 * The inner loops of biased MF, written for V8: flat Float32Array factor matrices (half the memory traffic of
 * Float64Array, measured ~1.3x faster), rating columns shuffled in place so the loop reads them in order, and
 * the factor loops unrolled by four (~1.25x faster).
 */
export interface FactorState {
  mean: number;
  factors: number;
  userBias: Float32Array;
  movieBias: Float32Array;
  /** users × factors, row-major. */
  userFactors: Float32Array;
  /** movies × factors, row-major. */
  movieFactors: Float32Array;
}

/** p_u · q_i. */
export function dotRows(
  P: Float32Array,
  pu: number,
  Q: Float32Array,
  qi: number,
  f: number,
): number {
  const tail = f & 3;
  const end = pu + f - tail;
  let d0 = 0;
  let d1 = 0;
  let d2 = 0;
  let d3 = 0;
  let a = pu;
  let b = qi;
  for (; a < end; a += 4, b += 4) {
    d0 += P[a] * Q[b];
    d1 += P[a + 1] * Q[b + 1];
    d2 += P[a + 2] * Q[b + 2];
    d3 += P[a + 3] * Q[b + 3];
  }
  for (let t = 0; t < tail; t++) d0 += P[a + t] * Q[b + t];
  return d0 + d1 + d2 + d3;
}

/**
 * One SGD pass over ratings already in the order to visit them. With e = r − r̂, each rating moves
 * b_u += lr (e − λ_b b_u), b_i likewise, p_u += lr (e q_i − λ p_u) and q_i += lr (e p_u − λ q_i) (both from the
 * old values). Returns the sum of squared errors, each taken before its update.
 */
export function sgdEpoch(
  state: FactorState,
  user: Uint32Array,
  movie: Uint32Array,
  rating: Float32Array,
  lr: number,
  regBias: number,
  regFactor: number,
): number {
  const { mean, factors: f, userBias: bu, movieBias: bi, userFactors: P, movieFactors: Q } = state;
  const shrink = 1 - lr * regFactor;
  const tail = f & 3;
  let squared = 0;
  for (let k = 0; k < rating.length; k++) {
    const u = user[k];
    const i = movie[k];
    const pu = u * f;
    const qi = i * f;
    const err = rating[k] - (mean + bu[u] + bi[i] + dotRows(P, pu, Q, qi, f));
    squared += err * err;
    bu[u] += lr * (err - regBias * bu[u]);
    bi[i] += lr * (err - regBias * bi[i]);
    const step = lr * err;
    const end = pu + f - tail;
    let a = pu;
    let b = qi;
    for (; a < end; a += 4, b += 4) {
      const p0 = P[a];
      const q0 = Q[b];
      const p1 = P[a + 1];
      const q1 = Q[b + 1];
      const p2 = P[a + 2];
      const q2 = Q[b + 2];
      const p3 = P[a + 3];
      const q3 = Q[b + 3];
      P[a] = shrink * p0 + step * q0;
      Q[b] = shrink * q0 + step * p0;
      P[a + 1] = shrink * p1 + step * q1;
      Q[b + 1] = shrink * q1 + step * p1;
      P[a + 2] = shrink * p2 + step * q2;
      Q[b + 2] = shrink * q2 + step * p2;
      P[a + 3] = shrink * p3 + step * q3;
      Q[b + 3] = shrink * q3 + step * p3;
    }
    for (let t = 0; t < tail; t++) {
      const p = P[a + t];
      const q = Q[b + t];
      P[a + t] = shrink * p + step * q;
      Q[b + t] = shrink * q + step * p;
    }
  }
  return squared;
}

/**
 * Copies of a rating set's columns, shuffled in place before every epoch: one Fisher–Yates pass that swaps the
 * three columns together costs about 40% less than shuffling an index and gathering through it, and the loop
 * then reads the ratings in order.
 */
export class ShuffledColumns {
  readonly user: Uint32Array;
  readonly movie: Uint32Array;
  readonly rating: Float32Array;

  constructor(source: { user: Uint32Array; movie: Uint32Array; rating: Float32Array }) {
    this.user = source.user.slice();
    this.movie = source.movie.slice();
    this.rating = source.rating.slice();
  }

  /** A new uniformly random order (whatever the current one is). */
  shuffle(rng: Rng): void {
    const { user, movie, rating } = this;
    for (let i = user.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const u = user[i];
      user[i] = user[j];
      user[j] = u;
      const m = movie[i];
      movie[i] = movie[j];
      movie[j] = m;
      const r = rating[i];
      rating[i] = rating[j];
      rating[j] = r;
    }
  }
}
