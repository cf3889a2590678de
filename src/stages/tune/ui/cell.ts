import { fromStore, type CellDefinition } from '../../../app/state/cell-definition';
import type { TunerState } from '../contract';
import { stopTuning, tuneAndTrainBest, tunedLstmRun } from './tune-actions';
import { TuneCell } from './TuneCell';
import { tuneParams } from './tune-link';
import { tuneStore } from './tune-store';

declare module '../../../app/state/cell-definition' {
  interface CellResults {
    /** The Hyperband search so far. */
    tune: TunerState | null;
  }
}

export const tuneCell: CellDefinition<'tune'> = {
  id: 'tune',
  title: 'Tune',
  inputs: ['sequences'],
  reads: ['lstm'],
  Component: TuneCell,
  run: tuneAndTrainBest,
  cancel: stopTuning,
  followsInputs: false,
  usesSeed: true,
  onTrainingWorker: true,
  params: [tuneParams],
  result: fromStore(tuneStore, (state) => state.state),
  comparison: fromStore(tunedLstmRun.store, (state) => state.compared),
};
