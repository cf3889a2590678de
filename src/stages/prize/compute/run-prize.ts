import type { RatingsTable } from '../../ingest/compute/ratings-table';
import type {
  PrizeEpochProgress,
  PrizeModelOptions,
  PrizeModelResult,
  PrizeProtocol,
  RankingResult,
} from '../contract';
import type { PairList } from './pair-list-parser';
import { buildPrizeData, type PrizeData } from './prize-data';
import type { PrizeCancelSignal } from './prize-errors';
import { lastNSplit, probeSplit } from './protocol-split';
import { rankingMetrics } from './ranking';
import { trainPrizeModel, type TrainedPrizeModel } from './train-prize-model';

export interface PrepareProtocolOptions {
  table: RatingsTable;
  users: number;
  movies: number;
  /** The probe pairs (from `readPairList({ kind: 'probe', … })`); without them the last-9 protocol is used. */
  probe?: PairList | null;
}

export interface PreparedProtocol {
  protocol: PrizeProtocol;
  data: PrizeData;
  trainRatings: number;
  heldOutRatings: number;
  probePairsNotFound: number;
}

/** Splits the table by the Prize protocol and builds the shared user indexes, once for all models. */
export function preparePrizeProtocol(options: PrepareProtocolOptions): PreparedProtocol {
  const { table, users, movies, probe } = options;
  const split = probe ? probeSplit(table, users, probe) : lastNSplit(table, users);
  const data = buildPrizeData(table, users, movies, split);
  return {
    protocol: split.protocol,
    data,
    trainRatings: split.trainRatings,
    heldOutRatings: split.heldOutRatings,
    probePairsNotFound: split.probePairsNotFound,
  };
}

export interface RunPrizeModelsOptions {
  prepared: PreparedProtocol;
  models: PrizeModelOptions[];
  /** Ranked users per model (see `rankingMetrics`); 0 skips the ranking metrics. */
  rankUsers?: number;
  rankSeed?: number;
  onEpoch?: (progress: PrizeEpochProgress) => void;
  signal?: PrizeCancelSignal;
  budgetBytes?: number;
  yieldBetweenEpochs?: () => Promise<void>;
  /** Sees each trained model before it is dropped (e.g. to predict a qualifying file). */
  onTrained?: (trained: TrainedPrizeModel) => void;
}

export interface PrizeModelRow extends PrizeModelResult {
  ranking: RankingResult | null;
}

/** Trains the models one after the other on the prepared split; each is dropped once scored. */
export async function runPrizeModels(options: RunPrizeModelsOptions): Promise<PrizeModelRow[]> {
  const rows: PrizeModelRow[] = [];
  const { data } = options.prepared;
  for (const model of options.models) {
    const trained = await trainPrizeModel({
      data,
      model,
      onEpoch: options.onEpoch,
      signal: options.signal,
      budgetBytes: options.budgetBytes,
      yieldBetweenEpochs: options.yieldBetweenEpochs,
    });
    const rankUsers = options.rankUsers ?? 10_000;
    const ranking =
      rankUsers > 0
        ? rankingMetrics({
            data,
            scorer: trained.scorer,
            maxUsers: rankUsers,
            seed: options.rankSeed,
          })
        : null;
    options.onTrained?.(trained);
    rows.push({ ...trained.result, ranking });
  }
  return rows;
}
