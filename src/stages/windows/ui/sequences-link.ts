import { optionParams } from '../../../app/state/param-bindings';
import { SEQUENCE_PARAMS } from '../compute/sequence-params';
import { DEFAULT_SEQUENCE_OPTIONS, type SequenceOptions } from '../contract';
import { setSequenceOptions } from './sequences-actions';
import { sequencesStore, type SequencesCellState } from './sequences-store';

/** The Sequences cell's options in share links. */
export const sequenceParams = optionParams<SequenceOptions, SequencesCellState>({
  store: sequencesStore,
  defaults: DEFAULT_SEQUENCE_OPTIONS,
  get: () => sequencesStore.get().options,
  set: setSequenceOptions,
  table: SEQUENCE_PARAMS,
});
