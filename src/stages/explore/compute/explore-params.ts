import { choiceCodec, defineParam, floatCodec, intCodec } from '../../notebook/compute/param-codec';
import { MATRIX_VALUES } from './movie-user-matrix';

/** The Explore cell's parameters as they travel in share links (the seed is the notebook's). */
export const EXPLORE_PARAMS = {
  values: defineParam({
    key: 'explore.values',
    cell: 'explore',
    label: 'Explore: cells hold',
    codec: choiceCodec(MATRIX_VALUES),
  }),
  /** 0 stands for "all ratings, no sub-sample". */
  sampleRatings: defineParam({
    key: 'explore.sample',
    cell: 'explore',
    label: 'Explore: sub-sample of ratings',
    codec: intCodec(0, 1_000_000_000),
  }),
  sparseDensity: defineParam({
    key: 'explore.sparseDensity',
    cell: 'explore',
    label: 'Explore: sparse PCA density',
    codec: floatCodec(0.001, 1),
  }),
  nmfComponents: defineParam({
    key: 'explore.nmf',
    cell: 'explore',
    label: 'Explore: NMF components',
    codec: intCodec(2, 50),
  }),
};
