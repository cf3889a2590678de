import { ratingRange } from '../../../app/model-runs/rating-range';
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
