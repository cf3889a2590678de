import { choiceListCodec, defineParam, intCodec } from '../../../lib/param-codec';
import { PRIZE_MODEL_KINDS, type PrizeModelKind } from '../contract';

/** What the Prize models cell lets a person choose; the rest of each model is Koren's preset. */
export interface PrizeCellOptions {
  models: PrizeModelKind[];
  /** f of the factor models (Koren's tables: 10, 20, 50, 100, 200). */
  factors: number;
  /** SGD epochs of every model (Koren's presets: 30). */
  epochs: number;
  /** Held-out users ranked for Recall/NDCG@10 (a seeded sample); 0 skips ranking. */
  rankUsers: number;
}

export const DEFAULT_PRIZE_OPTIONS: PrizeCellOptions = {
  models: [...PRIZE_MODEL_KINDS],
  factors: 50,
  epochs: 30,
  rankUsers: 2_000,
};

/** The Prize models cell's parameters, by option field, as links and its form carry them. */
export const PRIZE_PARAMS = {
  models: defineParam({
    key: 'prize.models',
    cell: 'prize',
    label: 'Prize models: models',
    codec: choiceListCodec(PRIZE_MODEL_KINDS),
  }),
  factors: defineParam({
    key: 'prize.factors',
    cell: 'prize',
    label: 'Prize models: factors f',
    codec: intCodec(1, 500),
    field: { label: 'Factors f (Koren: 10–200)' },
  }),
  epochs: defineParam({
    key: 'prize.epochs',
    cell: 'prize',
    label: 'Prize models: epochs',
    codec: intCodec(1, 200),
    field: { label: 'Epochs' },
  }),
  rankUsers: defineParam({
    key: 'prize.rankUsers',
    cell: 'prize',
    label: 'Prize models: users ranked for top-10',
    codec: intCodec(0, 100_000),
    field: { label: 'Users ranked for top-10 (0 = none)', step: 500 },
  }),
};
