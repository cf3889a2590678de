import * as tf from '@tensorflow/tfjs';
import type { WeightSnapshot } from '../src/stages/train/compute/api';
import { BackendSession } from '../src/stages/train/worker/backend-session';
import { KeptModels } from '../src/stages/train/worker/kept-models';
import { RunTokens } from '../src/worker-kit/run-tokens';

/**
 * Everything the training worker holds. Its entry makes one and passes it to the Train and Tune stages'
 * worker functions; tests make their own.
 */
export interface TrainWorkerState {
  /** Cancel tokens of the trainings and searches in progress (a soft stop). */
  runs: RunTokens;
  /** The tfjs backend, selected once per forced choice. */
  backend: BackendSession;
  /** Trained models the page may still use, held in memory and (in a browser) in IndexedDB. */
  kept: KeptModels;
  /** Trials' best weights, so that a resumed search promotes from them. */
  checkpoints: Map<string, WeightSnapshot>;
}

/** `persistModels`: also save kept models to IndexedDB (by default, where there is one: not in Node). */
export function createTrainWorkerState(
  options: { persistModels?: boolean } = {},
): TrainWorkerState {
  return {
    runs: new RunTokens(),
    backend: new BackendSession(tf),
    kept: new KeptModels(tf, options.persistModels ?? typeof indexedDB !== 'undefined'),
    checkpoints: new Map(),
  };
}
