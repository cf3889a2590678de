import type { PrizeModelOptions } from '../contract';
import type { PrizeDims } from './prize-data';
import { PrizeModelTooLargeError } from './prize-errors';
import { hasFactors, isTimeAware } from './prize-presets';

const F32 = 4;

/** Bytes a model's arrays take once allocated (they are allocated once, before the first epoch). */
export function estimateModelBytes(
  options: Pick<PrizeModelOptions, 'kind' | 'factors' | 'bins' | 'userDayBias'>,
  dims: PrizeDims,
): number {
  const { kind } = options;
  if (kind === 'mean') return 0;
  const f = hasFactors(kind) ? options.factors : 0;
  const { users, movies } = dims;
  let bytes = F32 * (users + movies); // b_u, b_i
  bytes += F32 * f * (users + movies); // p_u, q_i
  if (kind === 'svdpp' || kind === 'timesvdpp') bytes += F32 * f * movies; // y_j
  if (isTimeAware(kind)) {
    const pairs = dims.userDays ?? dims.trainRatings;
    bytes += F32 * users * 2; // α_u, t_u
    bytes += F32 * movies * options.bins; // b_i,Bin
    bytes += F32 * (users + 1) + pairs * (2 + F32); // each user's distinct days and dev_u(t) per day
    if (options.userDayBias) bytes += F32 * pairs; // b_u,t
  }
  if (kind === 'timesvdpp') bytes += F32 * f * users; // α_pu
  return bytes;
}

/**
 * Bytes of the split and its user indexes, shared by all models (on top of the table's 11 per rating): the
 * role byte of every rating, 6 per training rating, 4 per held-out rating, 8 per user.
 */
export function estimateDataBytes(dims: PrizeDims): number {
  const ratings = dims.trainRatings + dims.heldOutRatings;
  return ratings + 6 * dims.trainRatings + 4 * dims.heldOutRatings + 8 * (dims.users + 1);
}

const MODEL_NAMES: Record<PrizeModelOptions['kind'], string> = {
  mean: 'The global mean',
  bias: 'The static baseline',
  timebias: 'The time-aware baseline',
  mf: 'Biased MF',
  svdpp: 'SVD++',
  timesvdpp: 'timeSVD++',
};

/**
 * Throws `PrizeModelTooLargeError` when the model's arrays would exceed `budgetBytes`, with one sentence
 * naming what to lower: the factors (with the most that fit), else the per-day user biases or the bins.
 */
export function checkModelFits(
  options: PrizeModelOptions,
  dims: PrizeDims,
  budgetBytes: number,
): number {
  const bytes = estimateModelBytes(options, dims);
  if (bytes <= budgetBytes) return bytes;
  const name = MODEL_NAMES[options.kind];
  const need = `${name} needs ${formatBytes(bytes)}, over the ${formatBytes(budgetBytes)} budget`;
  let advice: string;
  if (hasFactors(options.kind) && options.factors > 1) {
    let fit = options.factors - 1;
    while (fit > 0 && estimateModelBytes({ ...options, factors: fit }, dims) > budgetBytes) fit--;
    advice =
      fit > 0
        ? `lower the factors from ${options.factors} to ${fit} or fewer`
        : 'lower the factors, or load fewer users and movies';
  } else if (isTimeAware(options.kind) && options.userDayBias) {
    advice = 'turn off the per-day user biases, or load fewer ratings';
  } else {
    advice = 'load fewer users and movies';
  }
  throw new PrizeModelTooLargeError(options.kind, bytes, budgetBytes, `${need}: ${advice}.`);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e3).toFixed(1)} kB`;
}
