import { choiceCodec, defineParam, floatCodec, intCodec } from '../../notebook/compute/param-codec';

/** The Sequences cell's options in share links (the seed is the notebook's). `cap` 0 means "no cap". */
export const SEQUENCE_PARAMS = {
  steps: defineParam({
    key: 'sequences.window',
    cell: 'sequences',
    label: 'Sequences: window length',
    codec: intCodec(1, 200),
  }),
  stride: defineParam({
    key: 'sequences.stride',
    cell: 'sequences',
    label: 'Sequences: stride',
    codec: intCodec(1, 200),
  }),
  maxPerUser: defineParam({
    key: 'sequences.cap',
    cell: 'sequences',
    label: 'Sequences: windows per user',
    codec: intCodec(0, 1_000_000),
  }),
  split: defineParam({
    key: 'sequences.split',
    cell: 'sequences',
    label: 'Sequences: split',
    codec: choiceCodec(['chrono', 'random'] as const),
  }),
  valFraction: defineParam({
    key: 'sequences.val',
    cell: 'sequences',
    label: 'Sequences: validation share',
    codec: floatCodec(0, 0.9),
  }),
  testFraction: defineParam({
    key: 'sequences.test',
    cell: 'sequences',
    label: 'Sequences: test share',
    codec: floatCodec(0, 0.9),
  }),
  daysSincePrevious: defineParam({
    key: 'sequences.gap',
    cell: 'sequences',
    label: 'Sequences: days-since feature',
    codec: choiceCodec(['on', 'off'] as const),
  }),
  movieMean: defineParam({
    key: 'sequences.movieMean',
    cell: 'sequences',
    label: 'Sequences: movie-mean feature',
    codec: choiceCodec(['on', 'off'] as const),
  }),
};
