import { choiceCodec, defineParam, floatCodec, intCodec } from '../../../lib/param-codec';
import { MATRIX_VALUE_NAMES, MATRIX_VALUES } from './movie-user-matrix';

/** The Explore cell's parameters as they travel in share links (the seed is the notebook's). */
export const EXPLORE_PARAMS = {
  values: defineParam({
    key: 'explore.values',
    cell: 'explore',
    label: 'Explore: cells hold',
    codec: choiceCodec(MATRIX_VALUES),
    field: { label: 'Cells hold', names: MATRIX_VALUE_NAMES },
  }),
  /** 0 stands for "all ratings, no sub-sample". */
  sampleRatings: defineParam({
    key: 'explore.sample',
    cell: 'explore',
    label: 'Explore: sub-sample of ratings',
    codec: intCodec(0, 1_000_000_000),
    field: { label: 'Sub-sample of ratings (0 = all)', step: 1000, zeroMeansNone: true },
  }),
  sparseDensity: defineParam({
    key: 'explore.sparseDensity',
    cell: 'explore',
    label: 'Explore: sparse PCA density',
    codec: floatCodec(0.001, 1),
    field: { label: 'Sparse PCA: users per axis (%)', scale: 100, step: 1 },
  }),
  nmfComponents: defineParam({
    key: 'explore.nmf',
    cell: 'explore',
    label: 'Explore: NMF components',
    codec: intCodec(2, 50),
    field: { label: 'NMF parts' },
  }),
};
