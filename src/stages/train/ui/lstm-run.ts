import { registerCellRunner } from '../../../app/state/runner';
import { seedStore } from '../../../app/state/seed';
import { createStore } from '../../../ui-kit/store';
import { dataStore } from '../../ingest/ui/data-store';
import { DEFAULT_LSTM_CELL_OPTIONS, type LstmCellOptions } from '../compute/cell-defaults';
import { createModelRun } from './model-run';

export { DEFAULT_LSTM_CELL_OPTIONS, type LstmCellOptions };

export const lstmOptionsStore = createStore<{ options: LstmCellOptions }>({
  options: DEFAULT_LSTM_CELL_OPTIONS,
});

/** The lowest and highest rating of the loaded data (the sigmoid's scale, the output's starting bias). */
export function ratingRange(): [number, number] {
  const values = dataStore.get().loaded?.summary.ratingHistogram.values ?? [1, 5];
  return [values[0], values[values.length - 1]];
}

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

registerCellRunner('lstm', {
  followsInputs: false,
  run: lstmRun.run,
  cancel: lstmRun.stop,
  usesSeed: true,
});
