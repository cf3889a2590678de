import { seedStore } from '../../../app/state/seed';
import { createStore } from '../../../ui-kit/store';
import { DEFAULT_DENSE_CELL_OPTIONS, type DenseCellOptions } from '../compute/cell-defaults';
import { createModelRun } from '../../../app/model-runs/model-run';

export { DEFAULT_DENSE_CELL_OPTIONS, type DenseCellOptions };
import { ratingRange } from '../../../app/model-runs/rating-range';
import type { CellEstimate } from '../../../app/state/cell-definition';
import { readResult } from '../../../app/state/notebook';
import { denseTrainingCost } from '../compute/training-cost';

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

/**
 * The dense model's rough cost with the chosen options: on the current split, or before there is one, on
 * the subset's ratings (80% training, 10% validation).
 */
export function denseEstimate(): CellEstimate | null {
  const sequences = readResult('sequences');
  const subset = readResult('subset')?.stats;
  if (!sequences && !subset) return null;
  const o = denseOptionsStore.get().options;
  return denseTrainingCost({
    embeddingSize: o.embeddingSize,
    epochs: o.epochs,
    users: sequences?.users ?? subset?.users ?? 0,
    movies: sequences?.movies ?? subset?.movies ?? 0,
    trainRatings: sequences?.ratingCounts.train ?? Math.round((subset?.ratings ?? 0) * 0.8),
    validationRatings:
      sequences?.ratingCounts.validation ?? Math.round((subset?.ratings ?? 0) * 0.1),
  });
}
