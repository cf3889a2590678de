/** What crosses worker boundaries for the Recommend cell. */
import type { RatingModelKind } from '../baselines/compute/rating-model';
import type { PredictInputs } from '../train/contract';
import type { WindowsId } from '../windows/contract';

export interface HistoryPoint {
  /** `YYYY-MM-DD`. */
  date: string;
  movie: number;
  title: string;
  rating: number;
  /** −1 for a movie without a cluster. */
  cluster: number;
  /** 'train', 'validation' or 'test': which ratings the models learnt from. */
  role: 'train' | 'validation' | 'test';
}

export interface RecommendRequest {
  windowsId: WindowsId;
  /** Subset user index. */
  user: number;
}

/**
 * One user's history and everything needed to rank the movies they have not rated: candidate inputs for the
 * LSTM and the embedding model (scored in the training worker), and the rating models' scores (computed here).
 */
export interface RecommendInputs {
  user: number;
  userId: string;
  history: HistoryPoint[];
  /** Subset movie indices the user has not rated. */
  candidates: Uint32Array;
  /** Per candidate: title (plain text), year, cluster, and training ratings of the movie. */
  titles: string[];
  years: (number | null)[];
  clusters: Int32Array;
  trainingRatings: Uint32Array;
  /** Null when the user has fewer ratings than a window's context. */
  lstmInputs: PredictInputs | null;
  pairInputs: PredictInputs;
  ratingModelScores: { model: RatingModelKind; scores: Float32Array }[];
}
