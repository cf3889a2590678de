import { describe, expect, it } from 'vitest';
import {
  configKey,
  defaultSearchSpace,
  drawConfig,
  searchSpaceProblems,
  type SearchSpace,
} from '../../src/stages/tune/compute/search-space';

describe('the search space', () => {
  it("defaults to the report's: 1–4 layers, 32–512 units, dropout 0–0.5, six activations, lr 1e-4–1e-1", () => {
    expect(defaultSearchSpace).toEqual({
      layers: { min: 1, max: 4 },
      units: { min: 32, max: 512 },
      dropout: { min: 0, max: 0.5 },
      activations: ['gelu', 'selu', 'swish', 'relu', 'sigmoid-scaled', 'linear'],
      learningRate: { min: 1e-4, max: 1e-1 },
    });
    expect(searchSpaceProblems(defaultSearchSpace)).toEqual([]);
  });

  it('draws every value of an edited space and nothing outside it', () => {
    const space: SearchSpace = {
      layers: { min: 2, max: 3 },
      units: { min: 64, max: 66 },
      dropout: { min: 0.1, max: 0.2 },
      activations: ['selu', 'linear'],
      learningRate: { min: 1e-3, max: 1e-2 },
    };
    const draws = Array.from({ length: 400 }, (_, i) => drawConfig(space, 9, i));
    expect(new Set(draws.map((d) => d.layers))).toEqual(new Set([2, 3]));
    expect(new Set(draws.map((d) => d.units))).toEqual(new Set([64, 65, 66]));
    expect(new Set(draws.map((d) => d.activation))).toEqual(new Set(['selu', 'linear']));
    for (const d of draws) {
      expect(d.dropout >= 0.1 && d.dropout <= 0.2).toBe(true);
      expect(d.learningRate >= 1e-3 && d.learningRate <= 1e-2).toBe(true);
    }
    expect(new Set(draws.map(configKey)).size).toBe(400);
  });

  it('depends only on the seed and the draw index', () => {
    expect(drawConfig(defaultSearchSpace, 5, 17)).toEqual(drawConfig(defaultSearchSpace, 5, 17));
    expect(drawConfig(defaultSearchSpace, 5, 17)).not.toEqual(
      drawConfig(defaultSearchSpace, 5, 18),
    );
    expect(drawConfig(defaultSearchSpace, 5, 17)).not.toEqual(
      drawConfig(defaultSearchSpace, 6, 17),
    );
  });

  it('explains what is wrong with a space', () => {
    expect(
      searchSpaceProblems({
        layers: { min: 3, max: 2 },
        units: { min: 32.5, max: 64 },
        dropout: { min: 0, max: 1 },
        activations: [],
        learningRate: { min: 0, max: 0.1 },
      }),
    ).toEqual([
      'Layers must lie within 1–8, lowest first.',
      'Units must be whole numbers.',
      'Dropout must lie within 0 to below 1, lowest first.',
      'The learning rate must lie above 0 and at most 1, lowest first.',
      'Choose at least one final activation.',
    ]);
  });
});
