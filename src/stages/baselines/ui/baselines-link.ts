import type { CellParamBinding } from '../../../app/state/param-bindings';
import { BASELINE_PARAMS } from '../compute/baseline-params';
import { DEFAULT_RATING_MODEL_SETTINGS, type RatingModelKind } from '../contract';
import { ALL_RATING_MODELS, baselinesStore } from './baselines-store';

const MF_FIELDS = ['factors', 'learningRate', 'regFactor', 'epochs'] as const;

/** The Baselines cell's model choice and MF settings in share links, where they differ from the defaults. */
export const baselinesParams: CellParamBinding = {
  specs: Object.values(BASELINE_PARAMS),
  store: baselinesStore,
  read() {
    const { models, settings } = baselinesStore.get();
    const values = new Map<string, unknown>();
    if (models.join() !== ALL_RATING_MODELS.join()) values.set(BASELINE_PARAMS.models.key, models);
    for (const field of MF_FIELDS)
      if (settings.mf[field] !== DEFAULT_RATING_MODEL_SETTINGS.mf[field])
        values.set(BASELINE_PARAMS[field].key, settings.mf[field]);
    return values;
  },
  write(values) {
    if (values.size === 0) return [];
    const mf = { ...DEFAULT_RATING_MODEL_SETTINGS.mf };
    for (const field of MF_FIELDS)
      if (values.has(BASELINE_PARAMS[field].key))
        mf[field] = values.get(BASELINE_PARAMS[field].key) as number;
    baselinesStore.set({
      models:
        (values.get(BASELINE_PARAMS.models.key) as RatingModelKind[] | undefined) ??
        ALL_RATING_MODELS,
      settings: { ...DEFAULT_RATING_MODEL_SETTINGS, mf },
    });
    return [];
  },
};
