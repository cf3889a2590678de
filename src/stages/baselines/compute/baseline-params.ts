import { choiceListCodec, defineParam, floatCodec, intCodec } from '../../../lib/param-codec';
import type { RatingModelKind } from './rating-model';

export const RATING_MODEL_KINDS: RatingModelKind[] = ['mean', 'bias', 'timebias', 'mf', 'svdpp'];

/** The Baselines cell's options in share links (the SGD seed is the notebook's). */
export const BASELINE_PARAMS = {
  models: defineParam({
    key: 'baselines.models',
    cell: 'baselines',
    label: 'Baselines: models',
    codec: choiceListCodec(RATING_MODEL_KINDS),
  }),
  factors: defineParam({
    key: 'baselines.factors',
    cell: 'baselines',
    label: 'Baselines: MF factors',
    codec: intCodec(1, 500),
  }),
  learningRate: defineParam({
    key: 'baselines.lr',
    cell: 'baselines',
    label: 'Baselines: MF learning rate',
    codec: floatCodec(1e-5, 1),
  }),
  regFactor: defineParam({
    key: 'baselines.reg',
    cell: 'baselines',
    label: 'Baselines: MF regularisation',
    codec: floatCodec(0, 10),
  }),
  epochs: defineParam({
    key: 'baselines.epochs',
    cell: 'baselines',
    label: 'Baselines: MF epochs',
    codec: intCodec(1, 500),
  }),
};
