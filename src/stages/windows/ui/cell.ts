import { fromStore, type CellDefinition } from '../../../app/state/cell-definition';
import type { SequencesResult } from '../contract';
import { runSequences } from './sequences-actions';
import { SequencesCell } from './SequencesCell';
import { sequenceParams } from './sequences-link';
import { sequencesStore } from './sequences-store';

declare module '../../../app/state/cell-definition' {
  interface CellResults {
    /** The windows and their split, which every model trains and is scored on. */
    sequences: SequencesResult | null;
  }
}

export const sequencesCell: CellDefinition<'sequences'> = {
  id: 'sequences',
  title: 'Sequences',
  inputs: ['cluster'],
  Component: SequencesCell,
  run: runSequences,
  followsInputs: true,
  usesSeed: true,
  params: [sequenceParams],
  result: fromStore(sequencesStore, (state) => state.result),
};
