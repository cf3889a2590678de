import { createStore } from '../../ui-kit/store';

/**
 * The notebook's seed: every seeded step (K-Means initialisation, splits, training, tuning) derives its
 * random streams from it, so the same seed and parameters give the same figures.
 */
export const DEFAULT_SEED = 42;

export const seedStore = createStore<{ seed: number }>({ seed: DEFAULT_SEED });
