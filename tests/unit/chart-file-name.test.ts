import { describe, expect, it } from 'vitest';
import { chartFileName } from '../../src/ui-kit/download';

describe('chart file names', () => {
  it('keep letters and digits of the title, in lower case, joined by hyphens', () => {
    expect(chartFileName('LSTM: loss per batch')).toBe('prize-lab-lstm-loss-per-batch');
    expect(chartFileName('K-Means: inertia (k = 7…30)')).toBe('prize-lab-k-means-inertia-k-7-30');
    expect(chartFileName('Café “noir” / épisode 2')).toBe('prize-lab-cafe-noir-episode-2');
    expect(chartFileName('…')).toBe('prize-lab-chart');
  });
});
