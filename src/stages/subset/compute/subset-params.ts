import { defineParam, intCodec } from '../../../lib/param-codec';

/** The Subset cell's parameters as they travel in share links. Absent means "the defaults for this dataset". */
export const SUBSET_PARAMS = {
  users: defineParam({
    key: 'subset.users',
    cell: 'subset',
    label: 'Top users u',
    codec: intCodec(1, 10_000_000),
    field: { label: 'Top users u' },
  }),
  movies: defineParam({
    key: 'subset.movies',
    cell: 'subset',
    label: 'Top movies m',
    codec: intCodec(1, 1_000_000),
    field: { label: 'Top movies m' },
  }),
};
