import { fromStore, type CellDefinition } from '../../../app/state/cell-definition';
import type { FinishedModel } from '../../../app/model-runs/model-run';
import { DenseCell } from './DenseCell';
import { denseEstimate, denseRun } from './dense-run';
import { denseParams } from './model-links';

declare module '../../../app/state/cell-definition' {
  interface CellResults {
    /** The trained dense embedding model. */
    dense: FinishedModel | null;
  }
}

export const denseCell: CellDefinition<'dense'> = {
  id: 'dense',
  title: 'Dense model',
  inputs: ['sequences'],
  Component: DenseCell,
  run: denseRun.run,
  cancel: denseRun.stop,
  followsInputs: false,
  usesSeed: true,
  onTrainingWorker: true,
  estimate: denseEstimate,
  params: [denseParams],
  result: fromStore(denseRun.store, (state) => state.finished),
  comparison: fromStore(denseRun.store, (state) => state.compared),
};
