import { meanRating, type RatingSet } from './rating-set';
import type { RatingModel } from './rating-model';

/** Predicts the training mean for everything: the floor every other model must beat. */
export function fitGlobalMean(train: RatingSet): RatingModel & { mean: number } {
  const mean = meanRating(train);
  return {
    kind: 'mean',
    params: 1,
    mean,
    predict: (set) => new Float32Array(set.count).fill(mean),
  };
}
