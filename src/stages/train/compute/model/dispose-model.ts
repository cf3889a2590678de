import type * as tfjs from '@tensorflow/tfjs';

/**
 * Frees a model and its optimizer. tfjs-layers' `model.dispose()` leaves alone an optimizer that was passed
 * to `compile` as an instance (as the model builders do, to set Adam's learning rate), so Adam's two moment
 * tensors per weight would outlive every trained model: 16 tensors for a 1-layer LSTM, more with each
 * Hyperband trial. Disposing the optimizer twice (when tfjs did own it) is harmless.
 */
export function disposeModel(model: tfjs.LayersModel): void {
  const optimizer = model.optimizer;
  model.dispose();
  optimizer?.dispose();
}
