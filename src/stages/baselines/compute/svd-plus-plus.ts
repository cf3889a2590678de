import { createRng, shuffleInPlace } from '../../../lib/rng';
import {
  checkMfOptions,
  DEFAULT_MF_OPTIONS,
  initialFactorState,
  restoreFactors,
  snapshotFactors,
  type FactorFit,
  type MfOptions,
} from './biased-mf';
import { runEpochs, type EpochHooks } from './epoch-loop';
import type { FactorState } from './mf-kernels';
import { clip, errorMetrics } from './metrics';
import type { RatingScale, RatingSet } from './rating-set';
import type { FitContext, RatingModel } from './rating-model';

/**
 * SVD++ (Koren, "Factorization meets the neighborhood", KDD 2008, eq. 15):
 * r̂_ui = μ + b_u + b_i + q_i · (p_u + |N(u)|^−½ Σ_{j∈N(u)} y_j), where N(u) is the set of movies u rated in
 * the training split (never a held-out movie, so the implicit part cannot leak the test set; the Prize
 * entries also used the qualifying set's movies, which a fair comparison here cannot).
 *
 * SGD visits users in a shuffled order and each user's ratings in a shuffled order. The implicit sum is computed
 * once per user, and the y_j gradients are summed over the user's ratings and applied once at the end, with
 * the weight decay compounded over those ratings: the usual way to make SVD++ cost O(f) per rating instead of
 * O(|N(u)| f); the per-rating updates of b_u, b_i, p_u and q_i are exactly Koren's.
 */
export interface SvdPlusPlusModel extends RatingModel, FactorState {
  kind: 'svdpp';
  /** movies × factors, row-major: the implicit factors y_j. */
  implicitFactors: Float32Array;
}

interface UserRatings {
  /** users + 1 offsets into `rows`. */
  start: Uint32Array;
  /** Training rows grouped by user. */
  rows: Uint32Array;
}

function groupByUser(train: RatingSet, users: number): UserRatings {
  const start = new Uint32Array(users + 1);
  for (let k = 0; k < train.count; k++) start[train.user[k] + 1]++;
  for (let u = 0; u < users; u++) start[u + 1] += start[u];
  const next = start.slice(0, users);
  const rows = new Uint32Array(train.count);
  for (let k = 0; k < train.count; k++) rows[next[train.user[k]]++] = k;
  return { start, rows };
}

/** p_u + |N(u)|^−½ Σ y_j into `out` (length f). */
function userVector(
  u: number,
  groups: UserRatings,
  train: RatingSet,
  state: FactorState,
  Y: Float32Array,
  out: Float64Array,
): void {
  const f = state.factors;
  const first = groups.start[u];
  const last = groups.start[u + 1];
  out.fill(0);
  for (let k = first; k < last; k++) {
    const j = train.movie[groups.rows[k]] * f;
    for (let c = 0; c < f; c++) out[c] += Y[j + c];
  }
  const norm = last > first ? 1 / Math.sqrt(last - first) : 0;
  for (let c = 0; c < f; c++) out[c] = state.userFactors[u * f + c] + norm * out[c];
}

export async function fitSvdPlusPlus(
  train: RatingSet,
  validation: RatingSet | null,
  context: FitContext,
  options: MfOptions = DEFAULT_MF_OPTIONS,
  hooks: EpochHooks = {},
): Promise<FactorFit<SvdPlusPlusModel>> {
  checkMfOptions(options);
  const f = options.factors;
  const rng = createRng(options.seed);
  const state = initialFactorState(train, context, f, options.initSd, rng);
  // y starts at zero so the first epochs behave like biased MF while the implicit part grows.
  const Y = new Float32Array(context.movies * f);
  const orderRng = rng.fork(3);
  const groups = groupByUser(train, context.users);
  const userOrder = Uint32Array.from({ length: context.users }, (_, u) => u);
  const z = new Float64Array(f);
  const gradient = new Float64Array(f);

  const predict = (set: RatingSet, range: RatingScale = context.scale): Float32Array => {
    const out = new Float32Array(set.count);
    const vectors = new Map<number, Float64Array>();
    for (let k = 0; k < set.count; k++) {
      const u = set.user[k];
      const i = set.movie[k];
      let vector = vectors.get(u);
      if (!vector) {
        vector = new Float64Array(f);
        userVector(u, groups, train, state, Y, vector);
        vectors.set(u, vector);
      }
      let dot = 0;
      for (let c = 0; c < f; c++) dot += state.movieFactors[i * f + c] * vector[c];
      out[k] = clip(
        state.mean + state.userBias[u] + state.movieBias[i] + dot,
        range.min,
        range.max,
      );
    }
    return out;
  };

  const runEpoch = (epoch: number): number => {
    const lr = options.learningRate * Math.pow(options.learningRateDecay, epoch - 1);
    const { regBias, regFactor } = options;
    const { mean, userBias: bu, movieBias: bi, userFactors: P, movieFactors: Q } = state;
    shuffleInPlace(userOrder, orderRng);
    let squared = 0;
    for (let n = 0; n < userOrder.length; n++) {
      const u = userOrder[n];
      const first = groups.start[u];
      const last = groups.start[u + 1];
      if (last === first) continue;
      const norm = 1 / Math.sqrt(last - first);
      userVector(u, groups, train, state, Y, z);
      for (let c = 0; c < f; c++) z[c] -= P[u * f + c]; // keep only the implicit part; p_u moves below
      gradient.fill(0);
      shuffleInPlace(groups.rows.subarray(first, last), orderRng);
      for (let k = first; k < last; k++) {
        const row = groups.rows[k];
        const i = train.movie[row];
        const pu = u * f;
        const qi = i * f;
        let dot = 0;
        for (let c = 0; c < f; c++) dot += Q[qi + c] * (P[pu + c] + z[c]);
        const err = train.rating[row] - (mean + bu[u] + bi[i] + dot);
        squared += err * err;
        bu[u] += lr * (err - regBias * bu[u]);
        bi[i] += lr * (err - regBias * bi[i]);
        for (let c = 0; c < f; c++) {
          const p = P[pu + c];
          const q = Q[qi + c];
          Q[qi + c] = q + lr * (err * (p + z[c]) - regFactor * q);
          P[pu + c] = p + lr * (err * q - regFactor * p);
          gradient[c] += err * q;
        }
      }
      const decay = Math.pow(1 - lr * regFactor, last - first);
      for (let k = first; k < last; k++) {
        const j = train.movie[groups.rows[k]] * f;
        for (let c = 0; c < f; c++) Y[j + c] = decay * Y[j + c] + lr * norm * gradient[c];
      }
    }
    return Math.sqrt(squared / Math.max(1, train.count));
  };

  const model: SvdPlusPlusModel = {
    kind: 'svdpp',
    params: 1 + context.users + context.movies + f * (context.users + 2 * context.movies),
    ...state,
    implicitFactors: Y,
    predict,
  };
  const run = await runEpochs(
    {
      runEpoch,
      validationRmse: () =>
        validation && validation.count > 0
          ? errorMetrics(predict(validation), validation).rmse
          : null,
      snapshot: () => [...snapshotFactors(state), Y.slice()],
      restore: (snapshot) => {
        restoreFactors(state, snapshot);
        Y.set(snapshot[4]);
      },
    },
    options,
    hooks,
  );
  return { model, run };
}
