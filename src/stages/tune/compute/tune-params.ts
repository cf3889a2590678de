import { choiceListCodec, defineParam, floatCodec, intCodec } from '../../../lib/param-codec';
import { HYPERBAND_LIMITS } from './hyperband-schedule';
import { FINAL_ACTIVATIONS } from './search-space';

/** The Tune cell's parameters as they travel in share links: the schedule and the search space. */
export const TUNE_PARAMS = {
  maxEpochs: defineParam({
    key: 'tune.maxEpochs',
    cell: 'tune',
    label: 'Max epochs',
    codec: intCodec(1, HYPERBAND_LIMITS.maxEpochs),
  }),
  factor: defineParam({
    key: 'tune.factor',
    cell: 'tune',
    label: 'Factor',
    codec: intCodec(2, HYPERBAND_LIMITS.factor),
  }),
  iterations: defineParam({
    key: 'tune.iterations',
    cell: 'tune',
    label: 'Iterations',
    codec: intCodec(1, HYPERBAND_LIMITS.iterations),
  }),
  layersMin: defineParam({
    key: 'tune.layersMin',
    cell: 'tune',
    label: 'Fewest layers',
    codec: intCodec(1, 8),
  }),
  layersMax: defineParam({
    key: 'tune.layersMax',
    cell: 'tune',
    label: 'Most layers',
    codec: intCodec(1, 8),
  }),
  unitsMin: defineParam({
    key: 'tune.unitsMin',
    cell: 'tune',
    label: 'Fewest units',
    codec: intCodec(1, 2048),
  }),
  unitsMax: defineParam({
    key: 'tune.unitsMax',
    cell: 'tune',
    label: 'Most units',
    codec: intCodec(1, 2048),
  }),
  dropoutMin: defineParam({
    key: 'tune.dropoutMin',
    cell: 'tune',
    label: 'Lowest dropout',
    codec: floatCodec(0, 0.99),
  }),
  dropoutMax: defineParam({
    key: 'tune.dropoutMax',
    cell: 'tune',
    label: 'Highest dropout',
    codec: floatCodec(0, 0.99),
  }),
  lrMin: defineParam({
    key: 'tune.lrMin',
    cell: 'tune',
    label: 'Lowest learning rate',
    codec: floatCodec(1e-7, 1),
  }),
  lrMax: defineParam({
    key: 'tune.lrMax',
    cell: 'tune',
    label: 'Highest learning rate',
    codec: floatCodec(1e-7, 1),
  }),
  activations: defineParam({
    key: 'tune.activations',
    cell: 'tune',
    label: 'Final activations',
    codec: choiceListCodec(FINAL_ACTIVATIONS),
  }),
};
