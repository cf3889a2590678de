import { rankTestUsers, type SubsetRanking } from './subset-ranking';
import { DEFAULT_MF_OPTIONS, fitBiasedMf, type MfOptions } from './biased-mf';
import type { EpochHooks } from './epoch-loop';
import { fitGlobalMean } from './global-mean';
import { errorMetrics } from './metrics';
import type { RatingSplitSets } from './rating-set';
import type { RatingModel, RatingModelKind } from './rating-model';
import {
  DEFAULT_STATIC_BASELINE_OPTIONS,
  fitStaticBaseline,
  type StaticBaselineOptions,
} from './static-baseline';
import { fitSvdPlusPlus } from './svd-plus-plus';
import {
  DEFAULT_TIME_AWARE_BASELINE_OPTIONS,
  fitTimeAwareBaseline,
  type TimeAwareBaselineOptions,
} from './time-aware-baseline';

export interface RatingModelSettings {
  bias: StaticBaselineOptions;
  timebias: TimeAwareBaselineOptions;
  /** Shared by `mf` and `svdpp`. */
  mf: MfOptions;
}

export const DEFAULT_RATING_MODEL_SETTINGS: RatingModelSettings = {
  bias: DEFAULT_STATIC_BASELINE_OPTIONS,
  timebias: DEFAULT_TIME_AWARE_BASELINE_OPTIONS,
  mf: DEFAULT_MF_OPTIONS,
};

/** One model's line in the comparison; the same shape as the sequence models' reports. */
export interface RatingModelReport {
  model: RatingModelKind;
  testRmse: number;
  testMae: number;
  /** Null without validation ratings. */
  valRmse: number | null;
  /** Test RMSE of predicting the training mean, for scale. */
  trainMeanRmse: number;
  params: number;
  /** SGD epochs for mf/svdpp (those that ran), alternating sweeps for the baselines, 0 for the mean. */
  epochs: number;
  /** The SGD epoch whose weights were kept (best validation RMSE); null for the other models. */
  bestEpoch: number | null;
  trainMs: number;
  backend: 'cpu';
  testRatings: number;
  /** Top-10 ranking of the catalogue for test users (`rankTestUsers`); null without test ratings. */
  ranking: SubsetRanking | null;
}

/** Fits one rating model on the training ratings and scores it on the validation and test ratings. */
export async function trainRatingModel(
  kind: RatingModelKind,
  sets: RatingSplitSets,
  settings: RatingModelSettings = DEFAULT_RATING_MODEL_SETTINGS,
  hooks: EpochHooks = {},
): Promise<{ model: RatingModel; report: RatingModelReport }> {
  const now = hooks.now ?? Date.now;
  const context = { users: sets.users, movies: sets.movies, scale: sets.scale };
  const started = now();
  let model: RatingModel;
  let epochs = 0;
  let bestEpoch: number | null = null;
  switch (kind) {
    case 'mean':
      model = fitGlobalMean(sets.train);
      break;
    case 'bias': {
      const fitted = fitStaticBaseline(sets.train, context, settings.bias);
      model = fitted;
      epochs = fitted.sweeps;
      break;
    }
    case 'timebias': {
      const fitted = fitTimeAwareBaseline(sets.train, context, settings.timebias);
      model = fitted;
      epochs = fitted.sweeps;
      break;
    }
    case 'mf':
    case 'svdpp': {
      const fit = kind === 'mf' ? fitBiasedMf : fitSvdPlusPlus;
      const fitted = await fit(sets.train, sets.validation, context, settings.mf, hooks);
      model = fitted.model;
      epochs = fitted.run.epochs;
      bestEpoch = fitted.run.bestEpoch;
      break;
    }
  }
  const trainMs = now() - started;
  const test = errorMetrics(model.predict(sets.test), sets.test);
  const meanModel = fitGlobalMean(sets.train);
  return {
    model,
    report: {
      model: kind,
      testRmse: test.rmse,
      testMae: test.mae,
      valRmse:
        sets.validation.count > 0
          ? errorMetrics(model.predict(sets.validation), sets.validation).rmse
          : null,
      trainMeanRmse: errorMetrics(meanModel.predict(sets.test), sets.test).rmse,
      params: model.params,
      epochs,
      bestEpoch,
      trainMs,
      backend: 'cpu',
      testRatings: sets.test.count,
      ranking: sets.test.count > 0 ? rankTestUsers(model, sets) : null,
    },
  };
}
