import { setCellStatus } from '../../../app/state/notebook';
import { registerCellRunner } from '../../../app/state/runner';
import { spreadFromBest } from '../compute/comparison';
import { compareStore } from './compare-store';

/** Compare shows whatever the model cells add; its status follows its rows rather than a run of its own. */
function showStatus(): void {
  const { rows } = compareStore.get();
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

compareStore.subscribe(showStatus);

// New windows mean a new split: rows of the old one are dropped when the first model of the new one arrives.
registerCellRunner('compare', { followsInputs: true, run: async () => showStatus() });
