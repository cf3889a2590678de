/** Turns the transferred windows into what each model trains and is scored on. */
import type { ModelSpec } from '../../contract';
import {
  ratingTriples,
  windowBatches,
  type CompactWindows,
} from '../../../windows/compute/compact-windows';
import { TEST, TRAIN, VALIDATION } from '../../../windows/compute/window-split';
import { pairSource } from './pair-source';
import { windowSource, type TrainingSource } from './training-source';

export interface ModelData {
  train: TrainingSource;
  validation: TrainingSource;
  test: TrainingSource;
}

/**
 * The LSTM learns from the windows; the embedding model from every training rating (labels of training
 * windows and the ratings no window labels). Both are scored on the validation and test window labels, which
 * are the same (user, movie, day) triples in the same order.
 */
export function modelData(kind: ModelSpec['kind'], windows: CompactWindows): ModelData {
  if (kind === 'lstm')
    return {
      train: windowSource(windowBatches(windows, 'train')),
      validation: windowSource(windowBatches(windows, 'validation')),
      test: windowSource(windowBatches(windows, 'test')),
    };
  return {
    train: pairSource(ratingTriples(windows, TRAIN)),
    validation: pairSource(ratingTriples(windows, VALIDATION)),
    test: pairSource(ratingTriples(windows, TEST)),
  };
}
