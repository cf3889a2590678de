import type { CellParamBinding } from '../../../app/state/param-bindings';
import { TUNE_PARAMS } from '../compute/tune-params';
import { defaultHyperbandOptions } from '../compute/hyperband-schedule';
import { defaultSearchSpace, type FinalActivation } from '../compute/search-space';
import { tuneStore } from './tune-store';

type Key = keyof typeof TUNE_PARAMS;

/** The schedule and the search space as link values, only where they differ from the defaults. */
function linkValues(): Map<string, unknown> {
  const { hyperband: h, space: s } = tuneStore.get();
  const values: [Key, unknown, unknown][] = [
    ['maxEpochs', h.maxEpochs, defaultHyperbandOptions.maxEpochs],
    ['factor', h.factor, defaultHyperbandOptions.factor],
    ['iterations', h.iterations, defaultHyperbandOptions.iterations],
    ['layersMin', s.layers.min, defaultSearchSpace.layers.min],
    ['layersMax', s.layers.max, defaultSearchSpace.layers.max],
    ['unitsMin', s.units.min, defaultSearchSpace.units.min],
    ['unitsMax', s.units.max, defaultSearchSpace.units.max],
    ['dropoutMin', s.dropout.min, defaultSearchSpace.dropout.min],
    ['dropoutMax', s.dropout.max, defaultSearchSpace.dropout.max],
    ['lrMin', s.learningRate.min, defaultSearchSpace.learningRate.min],
    ['lrMax', s.learningRate.max, defaultSearchSpace.learningRate.max],
    ['activations', s.activations, defaultSearchSpace.activations],
  ];
  return new Map(
    values
      .filter(([, value, fallback]) => JSON.stringify(value) !== JSON.stringify(fallback))
      .map(([key, value]) => [TUNE_PARAMS[key].key, value]),
  );
}

export const tuneParams: CellParamBinding = {
  specs: Object.values(TUNE_PARAMS),
  store: tuneStore,
  read: linkValues,
  write(values) {
    if (values.size === 0) return [];
    const get = <T>(key: Key, fallback: T): T =>
      values.has(TUNE_PARAMS[key].key) ? (values.get(TUNE_PARAMS[key].key) as T) : fallback;
    const d = defaultSearchSpace;
    tuneStore.set({
      hyperband: {
        maxEpochs: get('maxEpochs', defaultHyperbandOptions.maxEpochs),
        factor: get('factor', defaultHyperbandOptions.factor),
        iterations: get('iterations', defaultHyperbandOptions.iterations),
      },
      space: {
        layers: { min: get('layersMin', d.layers.min), max: get('layersMax', d.layers.max) },
        units: { min: get('unitsMin', d.units.min), max: get('unitsMax', d.units.max) },
        dropout: { min: get('dropoutMin', d.dropout.min), max: get('dropoutMax', d.dropout.max) },
        learningRate: {
          min: get('lrMin', d.learningRate.min),
          max: get('lrMax', d.learningRate.max),
        },
        activations: get<FinalActivation[]>('activations', d.activations),
      },
    });
    return [];
  },
};
