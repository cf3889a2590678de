import { fromStore, type CellDefinition } from '../../../app/state/cell-definition';
import type { LstmCellOptions } from '../compute/cell-defaults';
import { LstmCell } from './LstmCell';
import { lstmEstimate, lstmOptionsStore, lstmRun } from './lstm-run';
import { lstmParams } from './model-links';

declare module '../../../app/state/cell-definition' {
  interface CellResults {
    /** The LSTM's training options (Tune trains its best configuration with the same epochs). */
    lstm: LstmCellOptions;
  }
}

export const lstmCell: CellDefinition<'lstm'> = {
  id: 'lstm',
  title: 'LSTM',
  inputs: ['sequences'],
  Component: LstmCell,
  run: lstmRun.run,
  cancel: lstmRun.stop,
  followsInputs: false,
  usesSeed: true,
  onTrainingWorker: true,
  estimate: lstmEstimate,
  params: [lstmParams],
  result: fromStore(lstmOptionsStore, (state) => state.options),
  comparison: fromStore(lstmRun.store, (state) => state.compared),
};
