/**
 * The train stage's public API: what the training worker, the CLI, the tuner and the benchmark call. Keep these
 * signatures stable; everything else under compute/ is an implementation detail.
 *
 * Every function takes the tfjs namespace as its first argument, so callers choose the tfjs instance and
 * backend (Node tests use the cpu or wasm backend; the worker picks WebGPU → WebGL → WASM → CPU).
 *
 * ```ts
 * applyBackendPatches(tf);                               // after tf.setBackend(…), once per backend
 * const stats = normalizationStats(train);               // per-feature mean/variance of the training split
 * const model = buildLstmModel(tf, { steps, features, normalization: stats, units: 228, layers: 1,
 *   dropout: 0, activation: 'swish', ratingRange: [1, 5], learningRate: 1e-3, seed: 1 });
 * const fit = await fitModel(tf, model, { train, validation }, { epochs: 50, batchSize: 256, patience: 5,
 *   seed: 1, onBatch, onEpoch, shouldStop });         // → { history, bestEpoch, bestValLoss, epochsRun, … }
 * const { rmse, mae, predictions } = await evaluateModel(tf, model, test);
 * disposeModel(model);                                  // the model and its Adam state
 * ```
 *
 * Windows (`WindowData`) are `{ count, steps, features, x: Float32Array (count × steps × features, row-major),
 * y: Float32Array (count) }`; the windows stage's `WindowSet` fits as is.
 *
 * Resuming (the Hyperband tuner's "continue from the parent's best weights and epoch count"): build the same
 * architecture, `writeWeights(tf, model, parentWeights)` (from `readWeights` of the parent), then
 * `fitModel(…, { initialEpoch: parentEpochs, epochs: parentEpochs + budget, … })`. The epoch order depends only
 * on (seed, epoch), so a resumed run shuffles as a straight run would; the optimizer state starts fresh unless
 * the same model object is continued.
 *
 * Loading a saved model needs the custom layers registered first: `registerTrainLayers(tf)` then
 * `tf.loadLayersModel(…)`.
 */
export { applyBackendPatches, type BackendPatchReport } from './backend/apply-backend-patches';
export { registerTrainLayers, type TrainLayers } from './layers/register-train-layers';
export {
  buildLstmModel,
  countParameters,
  DENSE_ACTIVATIONS,
  LSTM_MODEL_DEFAULTS,
  type DenseActivation,
  type LstmModelOptions,
} from './model/build-lstm-model';
export {
  buildDenseModel,
  DENSE_HIDDEN_UNITS,
  DENSE_MODEL_DEFAULTS,
  denseParameterCount,
  type DenseModelOptions,
} from './model/build-dense-model';
export { disposeModel } from './model/dispose-model';
export { readWeights, writeWeights, type WeightSnapshot } from './model/weights';
export { pairSource, type RatingPairs } from './training/pair-source';
export { constantPredictionRmse, evaluateModel, type Evaluation } from './training/evaluate-model';
export {
  fitModel,
  type BatchProgress,
  type EpochLog,
  type FitData,
  type FitOptions,
  type FitResult,
  type StopReason,
} from './training/fit-model';
export { normalizationStats, type NormalizationStats } from './training/normalization-stats';
export { meanSquaredError, predictWindows } from './training/predict';
export { assertWindowData, type WindowData } from './training/window-data';
export {
  denseWindowBatches,
  toTrainingSource,
  windowSource,
  type TrainingData,
  type TrainingSource,
  type WindowBatches,
} from './training/training-source';
export type { Tf } from './tf';
