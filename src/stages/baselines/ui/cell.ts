import { fromStore, type CellDefinition } from '../../../app/state/cell-definition';
import type { RatingModelReport } from '../contract';
import { cancelBaselines, runBaselines } from './baselines-actions';
import { BaselinesCell } from './BaselinesCell';
import { baselinesParams } from './baselines-link';
import { baselinesStore } from './baselines-store';

declare module '../../../app/state/cell-definition' {
  interface CellResults {
    /** Each rating model's report on the split's test ratings. */
    baselines: readonly RatingModelReport[];
  }
}

export const baselinesCell: CellDefinition<'baselines'> = {
  id: 'baselines',
  title: 'Baselines',
  inputs: ['sequences'],
  Component: BaselinesCell,
  run: runBaselines,
  cancel: cancelBaselines,
  followsInputs: false,
  usesSeed: true,
  params: [baselinesParams],
  result: fromStore(baselinesStore, (state) => state.reports),
  comparison: fromStore(baselinesStore, (state) => state.compared),
};
