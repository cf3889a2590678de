import { setCellStatus } from '../../../app/state/notebook';
import type { CellDefinition } from '../../../app/state/cell-definition';
import { spreadFromBest } from '../compute/comparison';
import { CompareCell } from './CompareCell';
import { currentComparison, subscribeComparison, type ComparisonTable } from './comparison-table';

declare module '../../../app/state/cell-definition' {
  interface CellResults {
    /** Every model's row on the current split. */
    compare: ComparisonTable;
  }
}

/** Compare shows what the model cells offer; its status follows their rows rather than a run of its own. */
async function showStatus(): Promise<void> {
  const { rows } = currentComparison();
  const { best } = spreadFromBest(rows);
  setCellStatus(
    'compare',
    best
      ? {
          kind: 'done',
          keyFigure: `${rows.length} models, best ${best.model} (${best.testRmse.toFixed(4)})`,
          ms: 0,
        }
      : { kind: 'idle' },
  );
}

export const compareCell: CellDefinition<'compare'> = {
  id: 'compare',
  title: 'Compare',
  inputs: ['sequences'],
  readsComparisons: true,
  Component: CompareCell,
  run: showStatus,
  followsInputs: true,
  params: [],
  result: { get: currentComparison, subscribe: subscribeComparison },
};
