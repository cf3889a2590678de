import { ratingRange } from '../../../app/model-runs/rating-range';
import type { CellEstimate } from '../../../app/state/cell-definition';
import { readResult } from '../../../app/state/notebook';
import { lstmTrainingCost } from '../compute/training-cost';
import { seedStore } from '../../../app/state/seed';
import { createStore } from '../../../ui-kit/store';
import { DEFAULT_LSTM_CELL_OPTIONS, type LstmCellOptions } from '../compute/cell-defaults';
import { createModelRun } from '../../../app/model-runs/model-run';

export { DEFAULT_LSTM_CELL_OPTIONS, type LstmCellOptions };

export const lstmOptionsStore = createStore<{ options: LstmCellOptions }>({
  options: DEFAULT_LSTM_CELL_OPTIONS,
});

export const lstmRun = createModelRun({
  cell: 'lstm',
  id: 'lstm',
  name: 'LSTM on clusters',
  family: 'sequence',
  spec: () => {
    const o = lstmOptionsStore.get().options;
    return {
      kind: 'lstm',
      options: {
        units: o.units,
        layers: o.layers,
        dropout: o.dropout,
        activation: o.activation,
        learningRate: o.learningRate,
        ratingRange: ratingRange(),
        seed: seedStore.get().seed,
      },
    };
  },
  fit: () => {
    const o = lstmOptionsStore.get().options;
    return {
      epochs: o.epochs,
      batchSize: o.batchSize,
      patience: o.patience,
      seed: seedStore.get().seed,
    };
  },
});

/**
 * The LSTM's rough cost with the chosen options: on the current windows, or before there are any, on about
 * one window per kept rating (80% training, 10% validation) of 10 steps over 20 clusters.
 */
export function lstmEstimate(): CellEstimate | null {
  const sequences = readResult('sequences');
  const kept = readResult('subset')?.stats.ratings;
  if (!sequences && kept === undefined) return null;
  const o = lstmOptionsStore.get().options;
  return lstmTrainingCost({
    units: o.units,
    layers: o.layers,
    batchSize: o.batchSize,
    epochs: o.epochs,
    steps: sequences?.steps ?? 10,
    features: sequences?.featureNames.length ?? 22,
    trainWindows: sequences?.windowCounts.train ?? Math.round((kept ?? 0) * 0.8),
    validationWindows: sequences?.windowCounts.validation ?? Math.round((kept ?? 0) * 0.1),
  });
}
