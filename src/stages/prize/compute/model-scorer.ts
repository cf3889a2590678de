import type { PrizeData } from './prize-data';
import { binOf, deviation, type PrizeModelState } from './model-state';

/**
 * Predictions of a trained model, one user at a time: `begin(u)` prepares what depends on the user alone
 * (p_u + |N(u)|^−½ Σ y_j, the user's training days), then `predict` and `scoreMovies` are O(f) per movie.
 * A day that is not among the user's training days has no b_u,t (Koren's treatment of unseen days); a user
 * index of −1 (a qualifying customer without training ratings) gets the user terms 0.
 */
export class PrizeScorer {
  private user = -1;
  private readonly vector: Float64Array;
  private readonly drift: Float64Array;
  /** Slot in `userDays` + 1 per day for the current user, valid where `stamp` holds the user + 1. */
  private readonly slot = new Int32Array(65536);
  private readonly stamp = new Int32Array(65536);

  constructor(
    readonly state: PrizeModelState,
    readonly data: PrizeData,
  ) {
    this.vector = new Float64Array(state.factors);
    this.drift = new Float64Array(state.factors);
  }

  begin(u: number): void {
    const { state, data } = this;
    const f = state.factors;
    this.user = u;
    this.vector.fill(0);
    this.drift.fill(0);
    if (u < 0) return;
    for (let c = 0; c < f; c++) this.vector[c] = state.userFactors[u * f + c];
    if (state.factorDrift.length > 0)
      for (let c = 0; c < f; c++) this.drift[c] = state.factorDrift[u * f + c];
    const { start, entry } = data.train;
    const count = start[u + 1] - start[u];
    if (state.implicitFactors.length > 0 && count > 0) {
      const norm = 1 / Math.sqrt(count);
      const Y = state.implicitFactors;
      for (let k = start[u]; k < start[u + 1]; k++) {
        const j = (entry[k] >>> 8) * f;
        for (let c = 0; c < f; c++) this.vector[c] += norm * Y[j + c];
      }
    }
    if (state.drift.length > 0)
      for (let s = state.userDayStart[u]; s < state.userDayStart[u + 1]; s++) {
        this.slot[state.userDays[s]] = s;
        this.stamp[state.userDays[s]] = u + 1;
      }
  }

  /** The prediction for movie `i` (−1: unknown) on `day` for the current user, clipped to the scale. */
  predict(i: number, day: number): number {
    const value = this.userTerms(day) + (i < 0 ? 0 : this.movieTerms(i, day));
    return value < this.data.min ? this.data.min : value > this.data.max ? this.data.max : value;
  }

  /**
   * Unclipped scores of every movie for the current user on `day`, without the terms that are the same for
   * every movie (they do not change the order): clipping would tie every movie predicted above the top of the
   * scale, so rankings use these.
   */
  scoreMovies(day: number, out: Float32Array): void {
    for (let i = 0; i < this.data.movies; i++) out[i] = this.movieTerms(i, day);
  }

  private userTerms(day: number): number {
    const { state } = this;
    const u = this.user;
    let value = state.mean;
    if (u < 0) return value;
    value += state.userBias[u];
    if (state.drift.length > 0) {
      const known = this.stamp[day] === u + 1;
      const dev = known
        ? state.userDayDev[this.slot[day]]
        : deviation(day, state.meanDay[u], state.beta);
      value += state.drift[u] * dev;
      if (known && state.userDayBias.length > 0) value += state.userDayBias[this.slot[day]];
    }
    return value;
  }

  private movieTerms(i: number, day: number): number {
    const { state } = this;
    const f = state.factors;
    let value = state.movieBias[i];
    if (state.binBias.length > 0) value += state.binBias[i * state.bins + binOf(state, day)];
    if (f === 0) return value;
    const Q = state.movieFactors;
    const qi = i * f;
    const v = this.vector;
    let dot = 0;
    if (state.factorDrift.length > 0 && this.user >= 0) {
      const u = this.user;
      const known = this.stamp[day] === u + 1;
      const dev = known
        ? state.userDayDev[this.slot[day]]
        : deviation(day, state.meanDay[u], state.beta);
      for (let c = 0; c < f; c++) dot += Q[qi + c] * (v[c] + this.drift[c] * dev);
    } else for (let c = 0; c < f; c++) dot += Q[qi + c] * v[c];
    return value + dot;
  }
}

/** RMSE of a model on the held-out ratings, one user at a time. NaN without held-out ratings. */
export function heldOutRmse(scorer: PrizeScorer): number {
  const data = scorer.data;
  const { start, rows } = data.heldOut;
  const { movie, day, code, ratingValues: values } = data.table;
  let squared = 0;
  for (let u = 0; u < data.users; u++) {
    if (start[u] === start[u + 1]) continue;
    scorer.begin(u);
    for (let k = start[u]; k < start[u + 1]; k++) {
      const row = rows[k];
      const err = values[code[row]] - scorer.predict(movie[row], day[row]);
      squared += err * err;
    }
  }
  return Math.sqrt(squared / rows.length);
}

/**
 * Predictions for a list of (user, movie, day), e.g. a qualifying file, in the list's order. The list is
 * visited grouped by user (a counting sort), so each user's part is prepared once.
 */
export function predictPairs(options: {
  scorer: PrizeScorer;
  /** A `PairList` (from `readPairList`) or any list of the same shape; −1 marks an unknown user or movie. */
  pairs: { count: number; user: Int32Array; movie: Int32Array; day: Uint16Array };
}): Float32Array {
  const { scorer, pairs } = options;
  const users = scorer.data.users;
  const start = new Uint32Array(users + 2);
  for (let p = 0; p < pairs.count; p++) start[pairs.user[p] + 2]++;
  for (let u = 0; u <= users; u++) start[u + 1] += start[u];
  const order = new Uint32Array(pairs.count);
  const next = start.slice(0, users + 1);
  for (let p = 0; p < pairs.count; p++) order[next[pairs.user[p] + 1]++] = p;
  const out = new Float32Array(pairs.count);
  for (let g = 0; g <= users; g++) {
    if (start[g] === start[g + 1]) continue;
    scorer.begin(g - 1);
    for (let k = start[g]; k < start[g + 1]; k++) {
      const p = order[k];
      out[p] = scorer.predict(pairs.movie[p], pairs.day[p]);
    }
  }
  return out;
}
