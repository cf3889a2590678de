/**
 * Types that cross the worker boundary for the Prize models: training on every rating of the loaded table
 * under the Netflix Prize's own protocol (the probe set, or each user's last 9 ratings), scored by RMSE on the
 * held-out ratings and by top-10 ranking metrics.
 */
import type { DatasetId, RunId } from '../../lib/ids';
import type { BadLine } from '../ingest/contract';

/** The models of the Prize literature, from the floor to Koren's timeSVD++. */
export type PrizeModelKind = 'mean' | 'bias' | 'timebias' | 'mf' | 'svdpp' | 'timesvdpp';

export const PRIZE_MODEL_KINDS: readonly PrizeModelKind[] = [
  'mean',
  'bias',
  'timebias',
  'mf',
  'svdpp',
  'timesvdpp',
];

/** `probe`: the Prize's probe.txt is held out. `last-9`: each user's last ratings by date are held out. */
export type PrizeProtocol = 'probe' | 'last-9';

/** Role of one rating of the table in the Prize protocol (one byte per rating, see `PrizeSplit.role`). */
export const TRAIN_ROLE = 0;
export const HELD_OUT_ROLE = 1;

/** Sent after every epoch of an SGD model (and once for the mean, which has no epochs). */
export interface PrizeEpochProgress {
  kind: 'epoch';
  model: PrizeModelKind;
  /** 1-based. */
  epoch: number;
  epochs: number;
  /** RMSE over the epoch's updates, each error taken just before its update. */
  trainRmse: number;
  /** RMSE on the held-out ratings after the epoch (the probe RMSE under the probe protocol). */
  heldOutRmse: number;
  /** Training ratings visited per second of the SGD pass (scoring excluded). */
  ratingsPerSecond: number;
  /** Seconds the epoch took, scoring included. */
  seconds: number;
}

/**
 * Learning rates (γ) and regularisation (λ) per parameter group, and the shape of a Prize model.
 * Every SGD update is θ += γ (gradient of the error − λ θ); γ is multiplied by `learningRateDecay` after
 * every epoch. Groups a model does not have are ignored.
 */
export interface PrizeModelOptions {
  kind: PrizeModelKind;
  /** f, the number of latent factors (mf, svdpp, timesvdpp). */
  factors: number;
  epochs: number;
  learningRateDecay: number;
  /** b_u and b_i. */
  lrBias: number;
  regBias: number;
  /** p_u, q_i and y_j. */
  lrFactor: number;
  regFactor: number;
  /** α_u, the user's bias drift. */
  lrDrift: number;
  regDrift: number;
  /** b_i,Bin(t), the movie's bias per time bin. */
  lrBin: number;
  regBin: number;
  /** b_u,t, the user's bias per day. */
  lrUserDay: number;
  regUserDay: number;
  /** α_pu, the drift of the user factor (timesvdpp). */
  lrFactorDrift: number;
  regFactorDrift: number;
  /** Number of equal time bins of the rating period for b_i,Bin(t); Koren used 30. */
  bins: number;
  /** β in dev_u(t) = sign(t − t_u) |t − t_u|^β; Koren found 0.4. */
  beta: number;
  /** Whether the time-aware models learn b_u,t (a bias per user and day). */
  userDayBias: boolean;
  /** Standard deviation of the normal initial factors. */
  initSd: number;
  seed: number;
}

/** What one trained model scored. */
export interface PrizeModelResult {
  model: PrizeModelKind;
  /** Held-out RMSE of the final weights (those of the last epoch). */
  heldOutRmse: number;
  /** The epoch with the lowest held-out RMSE and that RMSE (1-based; 0 for the mean). */
  bestEpoch: number;
  bestHeldOutRmse: number;
  /** Epochs that ran (a cancelled run throws a `CancelledError` instead of returning). */
  epochs: number;
  trainRmse: number[];
  heldOutRmseByEpoch: number[];
  /** Learned numbers. */
  params: number;
  /** Bytes of the model's arrays, as `estimateModelBytes` counted them before training. */
  modelBytes: number;
  seconds: number;
}

/**
 * Top-10 metrics over held-out users. Relevant items are all of the user's held-out movies, whatever their
 * rating (the protocol of "which movies will the user rate next"); candidates are every movie the user did not
 * rate in training.
 */
export interface RankingResult {
  /** Users ranked (the sample). */
  users: number;
  k: number;
  /** Mean over ranked users of hits / relevant. */
  recall: number;
  /** Mean over ranked users of DCG@k / ideal DCG@k, binary gains, log2(rank + 1) discount. */
  ndcg: number;
  /** Distinct movies in all the top-k lists / movies in the catalogue. */
  coverage: number;
}

/** A person's names for the protocols, as Compare and the cell label the rows. */
export const PRIZE_PROTOCOL_NAMES: Record<PrizeProtocol, string> = {
  probe: 'Prize probe set, all ratings',
  'last-9': 'each user’s last 9 ratings, all ratings',
};

export const PRIZE_MODEL_NAMES: Record<PrizeModelKind, string> = {
  mean: 'Global mean',
  bias: 'Biases (static)',
  timebias: 'Biases (time-aware)',
  mf: 'Biased MF',
  svdpp: 'SVD++',
  timesvdpp: 'timeSVD++',
};

/** What the Prize models cell asks the data worker to train. */
export interface PrizeRunRequest {
  /** The loaded dataset (the whole of it: never the subset). */
  datasetId: DatasetId;
  runId: RunId;
  /** Models to train, in order, with their options (Koren's presets, as the cell set them). */
  models: PrizeModelOptions[];
  /** A probe file the person chose (Prize protocol); null holds out each user's last 9 ratings. */
  probe: File | null;
  /** Held-out users ranked for Recall/NDCG@10 (seeded sample); 0 skips the ranking. */
  rankUsers: number;
  seed: number;
}

/** Before training: the split, and what each model will take. */
export interface PrizePlan {
  protocol: PrizeProtocol;
  trainRatings: number;
  heldOutRatings: number;
  probePairsNotFound: number;
  /** Probe lines that could not be read, counted (the first ones are in `badLines`). */
  skippedProbeLines: number;
  badLines: BadLine[];
  /** Bytes of the split's shared arrays (indexes, role mask). */
  dataBytes: number;
  models: { kind: PrizeModelKind; bytes: number; refusal: string | null }[];
}

export type PrizeProgress =
  | { kind: 'plan'; plan: PrizePlan }
  | { kind: 'model'; model: PrizeModelKind; index: number }
  | PrizeEpochProgress
  | { kind: 'row'; row: PrizeModelRowResult };

/** One trained model's scores, as the cell and Compare show them. */
export interface PrizeModelRowResult extends PrizeModelResult {
  ranking: RankingResult | null;
}
