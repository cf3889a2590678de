import { optionParams } from '../../../app/state/param-bindings';
import { SEQUENCE_PARAMS } from '../compute/sequence-params';
import { DEFAULT_SEQUENCE_OPTIONS, type SequenceOptions } from '../contract';
import { setSequenceOptions } from './sequences-actions';
import { sequencesStore, type SequencesCellState } from './sequences-store';

const onOff = { toLink: (v: unknown) => (v ? 'on' : 'off'), fromLink: (v: unknown) => v === 'on' };

/** The Sequences cell's options in share links. */
export const sequenceParams = optionParams<SequenceOptions, SequencesCellState>({
  store: sequencesStore,
  defaults: DEFAULT_SEQUENCE_OPTIONS,
  get: () => sequencesStore.get().options,
  set: setSequenceOptions,
  fields: [
    { field: 'steps', spec: SEQUENCE_PARAMS.steps },
    { field: 'stride', spec: SEQUENCE_PARAMS.stride },
    {
      field: 'maxPerUser',
      spec: SEQUENCE_PARAMS.maxPerUser,
      toLink: (v) => v ?? 0,
      fromLink: (v) => (v === 0 ? null : v),
    },
    { field: 'split', spec: SEQUENCE_PARAMS.split },
    { field: 'valFraction', spec: SEQUENCE_PARAMS.valFraction },
    { field: 'testFraction', spec: SEQUENCE_PARAMS.testFraction },
    { field: 'daysSincePrevious', spec: SEQUENCE_PARAMS.daysSincePrevious, ...onOff },
    { field: 'movieMean', spec: SEQUENCE_PARAMS.movieMean, ...onOff },
  ],
});
