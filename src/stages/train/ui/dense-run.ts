import { seedStore } from '../../../app/state/seed';
import { createStore } from '../../../ui-kit/store';
import { DEFAULT_DENSE_CELL_OPTIONS, type DenseCellOptions } from '../compute/cell-defaults';
import { createModelRun } from '../../../app/model-runs/model-run';

export { DEFAULT_DENSE_CELL_OPTIONS, type DenseCellOptions };
import { ratingRange } from '../../../app/model-runs/rating-range';

export const denseOptionsStore = createStore<{ options: DenseCellOptions }>({
  options: DEFAULT_DENSE_CELL_OPTIONS,
});

export const denseRun = createModelRun({
  cell: 'dense',
  id: 'dense',
  name: 'Dense on embeddings',
  family: 'embedding',
  spec: () => {
    const o = denseOptionsStore.get().options;
    return {
      kind: 'dense',
      options: {
        embeddingSize: o.embeddingSize,
        dropout: o.dropout,
        learningRate: o.learningRate,
        ratingRange: ratingRange(),
        seed: seedStore.get().seed,
      },
    };
  },
  fit: () => {
    const o = denseOptionsStore.get().options;
    return {
      epochs: o.epochs,
      batchSize: o.batchSize,
      patience: o.patience,
      seed: seedStore.get().seed,
    };
  },
});
