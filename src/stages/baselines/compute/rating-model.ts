import type { RatingScale, RatingSet } from './rating-set';

/** The rating models of the Netflix Prize literature that Prize Lab runs. */
export type RatingModelKind = 'mean' | 'bias' | 'timebias' | 'mf' | 'svdpp';

/** A fitted model, held where it was trained (the data worker); only its numbers cross to the page. */
export interface RatingModel {
  kind: RatingModelKind;
  /** Number of learned numbers, sized by the index spaces (users and movies without ratings included). */
  params: number;
  /**
   * Predictions for every rating of `set`, clipped to the rating scale, or to `range` when given: ranking
   * passes an unbounded range, since clipped scores tie at the top of the scale and hide the order.
   */
  predict(set: RatingSet, range?: RatingScale): Float32Array;
}

/** What a model is fitted against: its training ratings and the index spaces and scale of the data. */
export interface FitContext {
  users: number;
  movies: number;
  scale: RatingScale;
}
