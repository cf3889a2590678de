/** What crosses the training worker's boundary: plain data and typed arrays only. */
import type { RunId } from '../../lib/ids';
import type { CompactWindows } from '../windows/compute/compact-windows';
import type { DenseModelOptions } from './compute/model/build-dense-model';
import type { LstmModelOptions } from './compute/model/build-lstm-model';
import type { WeightSnapshot } from './compute/model/weights';
import type { EpochLog, StopReason } from './compute/training/fit-model';

export type { DenseActivation, LstmModelOptions } from './compute/model/build-lstm-model';
export type { DenseModelOptions } from './compute/model/build-dense-model';
export type { WeightSnapshot } from './compute/model/weights';
export type { EpochLog, StopReason } from './compute/training/fit-model';
export type { WindowData } from './compute/training/window-data';

/** tfjs backends in the order the worker tries them. */
export const BACKEND_ORDER = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_ORDER)[number];

export interface BackendOptions {
  /** Use only this backend (the user's choice); null tries them in BACKEND_ORDER. */
  force: BackendName | null;
}

export const DEFAULT_BACKEND_OPTIONS: BackendOptions = { force: null };

/** One backend the worker tried, and why it was or was not used. */
export interface BackendAttempt {
  backend: BackendName;
  ok: boolean;
  /** Human-readable: what failed, or what the check measured. */
  reason: string;
  /** Milliseconds spent starting and checking it. */
  ms: number;
}

/** How fast a backend trained the model about to train (compute/backend/time-training-batches.ts). */
export interface BackendSpeed {
  backend: BackendName;
  /** Training samples per second over a few real batches, warm-up excluded. */
  samplesPerSecond: number;
  /** Batches timed. */
  batches: number;
}

export interface BackendReport {
  /** The backend in use. */
  backend: BackendName;
  forced: boolean;
  attempts: BackendAttempt[];
  /**
   * Every backend that passed the check, timed on the model about to train, fastest first; empty when the
   * choice was forced or not timed (then the first backend in BACKEND_ORDER that passed is used).
   */
  speeds: BackendSpeed[];
  /** "WebGPU 41,000 samples/s, WASM 2,600: using WebGPU", or null when not timed. */
  choice: string | null;
  /** wasm only: threads in tfjs' pool (1 unless the page is cross-origin isolated). */
  threads: number | null;
  /** Fixes applied to the chosen backend (see compute/backend/). */
  patches: string[];
}

/** LSTM options the page chooses; shapes and normalization come from the windows. */
export type TrainModelOptions = Omit<LstmModelOptions, 'steps' | 'features' | 'normalization'>;

/** Dense-model options the page chooses; the embedding tables' sizes come from the subset. */
export type DenseTrainOptions = Omit<DenseModelOptions, 'users' | 'movies'>;

/** Which model to train: the cluster-sequence LSTM (on windows) or the embedding model (on rating pairs). */
export type ModelSpec =
  { kind: 'lstm'; options: TrainModelOptions } | { kind: 'dense'; options: DenseTrainOptions };

export interface TrainFitOptions {
  epochs: number;
  batchSize: number;
  patience: number;
  seed: number;
  initialEpoch?: number;
}

export const DEFAULT_FIT_OPTIONS: TrainFitOptions = {
  epochs: 50,
  batchSize: 256,
  patience: 5,
  seed: 1,
};

/**
 * One training run. The windows are a copy transferred into the worker (the data worker keeps its own: this
 * worker may be terminated at any time, so it never holds the only one). The LSTM trains on the windows, the
 * embedding model on the training-split ratings; both are scored on the same test labels.
 */
export interface TrainRequest {
  runId: RunId;
  windows: CompactWindows;
  /** Users and movies of the subset: the embedding tables' rows. */
  space: { users: number; movies: number };
  model: ModelSpec;
  fit: TrainFitOptions;
  backend?: BackendOptions;
  /** Start from these weights (same architecture), e.g. a tuner's parent; pair with fit.initialEpoch. */
  initialWeights?: WeightSnapshot;
  /** Return the trained (best) weights, e.g. for a tuner's children. */
  returnWeights?: boolean;
  /** Keep the trained model under this key (in the worker and in IndexedDB) for predictions and downloads. */
  keepAs?: string;
}

/** Examples to score with a kept model: windows (LSTM) or (user, movie) pairs (embedding model). */
export type PredictInputs =
  | { kind: 'windows'; count: number; steps: number; features: number; x: Float32Array }
  | { kind: 'pairs'; user: Uint32Array; movie: Uint32Array };

/** A trained model saved by tfjs in this browser (IndexedDB), as the Storage panel lists it. */
export interface StoredModelInfo {
  /** The model's key: the Compare row id of the cell that trained it (`lstm`, `dense`, `lstm-tuned`). */
  key: string;
  /** Bytes of the topology and weights. */
  bytes: number;
  savedAt: string;
}

/** What the training worker holds, for the status bar. */
export interface TrainMemory {
  /** Bytes of every tensor tfjs holds (the kept models' weights, and a run's data while it trains). */
  bytes: number;
  tensors: number;
  /** Trained models held for Recommend and downloads. */
  models: number;
}

/** A trained model in the tfjs layers format, ready to download (model.json + one weights file). */
export interface ExportedModel {
  /** model.json, with its weights manifest pointing at `weightsFileName`. */
  modelJson: string;
  weightsFileName: string;
  weights: ArrayBuffer;
}

/** Progress of a run, as increments: the page appends them, nothing is ever re-sent. */
export type TrainProgress =
  | { kind: 'backend'; report: BackendReport }
  | { kind: 'phase'; phase: 'building' | 'training' | 'evaluating' }
  | {
      kind: 'batches';
      epoch: number;
      /** Index of the first batch in `losses` within its epoch. */
      fromBatch: number;
      /** Losses of consecutive batches since the previous 'batches' message. */
      losses: number[];
      batchesPerEpoch: number;
      /** Windows per second over the epoch so far. */
      samplesPerSecond: number;
    }
  | ({ kind: 'epoch' } & EpochLog);

export interface SplitEvaluation {
  rmse: number;
  mae: number;
  /** RMSE of always predicting the training labels' mean (the baseline shown next to the model). */
  trainMeanRmse: number;
}

export interface TrainResult {
  runId: RunId;
  /** Why the trained model could not be kept in browser storage (it is still held for the session). */
  saveProblem?: string | null;
  backend: BackendName;
  params: { trainable: number; total: number };
  epochsRun: number;
  /** Epoch whose weights were kept (−1 if none finished). */
  bestEpoch: number;
  bestValLoss: number;
  stopReason: StopReason;
  trainingSeconds: number;
  samplesPerSecond: number;
  /** Null when there were no validation windows. */
  validation: SplitEvaluation | null;
  test: (SplitEvaluation & { predictions: Float32Array; labels: Float32Array }) | null;
  weights: WeightSnapshot | null;
  /** The key the model is kept under (`keepAs`), or null. */
  modelKey: string | null;
}
