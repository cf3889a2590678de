import { NOTEBOOK_CELLS } from '../cells';

/**
 * The quick tour: the bundled sample with small budgets in every cell, and every cell run on open, so a
 * first visit watches the whole study (clusters, live training, tuning, the comparison, recommendations) in a
 * few minutes on a laptop CPU. The defaults stay the study's (LSTM of 228 units trained to early stopping,
 * Hyperband over the report's space), which take much longer on the sample.
 */
const TOUR_PARAMS = [
  'subset.users=1000',
  'subset.movies=300',
  'cluster.nInit=4',
  'cluster.k=12',
  'sequences.cap=20',
  'lstm.units=64',
  'lstm.epochs=5',
  'lstm.patience=3',
  'tune.maxEpochs=2',
  'tune.unitsMin=16',
  'tune.unitsMax=48',
  'tune.layersMax=2',
  'baselines.epochs=10',
  'dense.embedding=32',
  'dense.epochs=5',
  'dense.patience=3',
];

/** The tour as a link hash (the share-link format, version 1). */
export const QUICK_TOUR_HASH = `#v=1&seed=1&data=sample&${TOUR_PARAMS.join('&')}&run=${NOTEBOOK_CELLS.map((cell) => cell.id).join(',')}`;
