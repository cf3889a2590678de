import { choiceCodec, defineParam, floatCodec, intCodec } from '../../../lib/param-codec';

/** The Sequences cell's options in share links (the seed is the notebook's). `cap` 0 means "no cap". */
export const SEQUENCE_PARAMS = {
  steps: defineParam({
    key: 'sequences.window',
    cell: 'sequences',
    label: 'Sequences: window length',
    codec: intCodec(1, 100),
    field: { label: 'Window length W (1 = single ratings)' },
  }),
  stride: defineParam({
    key: 'sequences.stride',
    cell: 'sequences',
    label: 'Sequences: stride',
    codec: intCodec(1, 100),
    field: { label: 'Stride' },
  }),
  maxPerUser: defineParam({
    key: 'sequences.cap',
    cell: 'sequences',
    label: 'Sequences: windows per user',
    codec: intCodec(0, 100_000),
    field: { label: 'Windows per user (0 = all)', zeroMeansNone: true },
  }),
  split: defineParam({
    key: 'sequences.split',
    cell: 'sequences',
    label: 'Sequences: split',
    codec: choiceCodec(['chrono', 'random'] as const),
    field: {
      label: 'Split',
      names: { chrono: 'chronological per user', random: 'random by window' },
    },
  }),
  valFraction: defineParam({
    key: 'sequences.val',
    cell: 'sequences',
    label: 'Sequences: validation share',
    codec: floatCodec(0, 0.5),
    field: { label: 'Validation share', step: 0.01 },
  }),
  testFraction: defineParam({
    key: 'sequences.test',
    cell: 'sequences',
    label: 'Sequences: test share',
    codec: floatCodec(0.01, 0.5),
    field: { label: 'Test share', step: 0.01 },
  }),
  daysSincePrevious: defineParam({
    key: 'sequences.gap',
    cell: 'sequences',
    label: 'Sequences: days-since feature',
    codec: choiceCodec(['on', 'off'] as const),
    field: { label: 'Days since previous rating', switch: true },
  }),
  movieMean: defineParam({
    key: 'sequences.movieMean',
    cell: 'sequences',
    label: 'Sequences: movie-mean feature',
    codec: choiceCodec(['on', 'off'] as const),
    field: { label: 'Movie’s mean rating', switch: true },
  }),
};
