import { createStore } from '../../../ui-kit/store';
import { DEFAULT_SEQUENCE_OPTIONS, type SequenceOptions, type SequencesResult } from '../contract';

export interface SequencesCellState {
  options: SequenceOptions;
  result: SequencesResult | null;
  building: boolean;
}

export const sequencesStore = createStore<SequencesCellState>({
  options: DEFAULT_SEQUENCE_OPTIONS,
  result: null,
  building: false,
});
