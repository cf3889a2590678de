/**
 * The report's recurrent model: input → Normalization → LSTM × layers → Dense(activation) → Dense(1), trained
 * with Adam on the mean squared error. Every initialiser is seeded, so a seed fixes the initial weights.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { registerTrainLayers } from '../layers/register-train-layers';
import type { RecurrentInitializer } from '../lstm/fast-lstm-layer';
import type { Tf } from '../tf';
import { fusedAdam } from '../training/fused-adam';

/** Activations of the hidden Dense layer (the report's tuner compared these). */
export const DENSE_ACTIVATIONS = ['swish', 'gelu', 'selu', 'relu', 'linear', 'sigmoid'] as const;
export type DenseActivation = (typeof DENSE_ACTIVATIONS)[number];

export interface LstmModelOptions {
  /** Timesteps per window. */
  steps: number;
  /** Features per timestep. */
  features: number;
  /** Per-feature statistics of the training split (`normalizationStats`). */
  normalization: { mean: ArrayLike<number>; variance: ArrayLike<number> };
  /** LSTM units per layer (the report: 228). */
  units?: number;
  /** Stacked LSTM layers, 1–4. */
  layers?: number;
  /** Input dropout of every LSTM layer, [0, 1). */
  dropout?: number;
  /**
   * Hidden Dense activation. 'sigmoid' is the report's sigmoid scaled to the rating range:
   * low + (high − low)·sigmoid(x).
   */
  activation?: DenseActivation;
  /** Units of the hidden Dense layer (default: `units`). */
  denseUnits?: number;
  /** [low, high] of the ratings: scales the 'sigmoid' activation and sets the output's initial bias. */
  ratingRange?: [number, number];
  learningRate?: number;
  seed?: number;
  recurrentInitializer?: RecurrentInitializer;
}

export const LSTM_MODEL_DEFAULTS = {
  units: 228,
  layers: 1,
  dropout: 0,
  activation: 'swish' as DenseActivation,
  ratingRange: [1, 5] as [number, number],
  learningRate: 1e-3,
  seed: 1,
  recurrentInitializer: 'orthogonal' as RecurrentInitializer,
};

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`buildLstmModel: ${message}`);
}

/** Builds and compiles the model (Adam(learningRate), MSE). Dispose it with `disposeModel(model)`. */
export function buildLstmModel(tf: Tf, options: LstmModelOptions): tfjs.LayersModel {
  const o = { ...LSTM_MODEL_DEFAULTS, ...options };
  const denseUnits = options.denseUnits ?? o.units;
  check(
    Number.isInteger(o.steps) && o.steps >= 1,
    `steps must be a positive integer, got ${o.steps}`,
  );
  check(
    Number.isInteger(o.features) && o.features >= 1,
    `features must be a positive integer, got ${o.features}`,
  );
  check(
    Number.isInteger(o.units) && o.units >= 1,
    `units must be a positive integer, got ${o.units}`,
  );
  check(
    Number.isInteger(denseUnits) && denseUnits >= 1,
    `denseUnits must be a positive integer, got ${denseUnits}`,
  );
  check(
    Number.isInteger(o.layers) && o.layers >= 1 && o.layers <= 4,
    `layers must be 1–4, got ${o.layers}`,
  );
  check(o.dropout >= 0 && o.dropout < 1, `dropout must be in [0, 1), got ${o.dropout}`);
  check(DENSE_ACTIVATIONS.includes(o.activation), `unknown activation '${o.activation}'`);
  check(
    o.learningRate > 0 && Number.isFinite(o.learningRate),
    `learningRate must be positive, got ${o.learningRate}`,
  );
  const [low, high] = o.ratingRange;
  check(low < high, `ratingRange must be [low, high] with low < high, got [${low}, ${high}]`);
  check(
    o.normalization.mean.length === o.features,
    `normalization has ${o.normalization.mean.length} features, the windows ${o.features}`,
  );

  const { FastLstm, Normalization, RatingSigmoid } = registerTrainLayers(tf);
  const model = tf.sequential({ name: 'lstm_rating_model' });
  model.add(
    new Normalization({
      inputShape: [o.steps, o.features],
      mean: o.normalization.mean,
      variance: o.normalization.variance,
      name: 'normalization',
    }),
  );
  for (let layer = 0; layer < o.layers; layer++) {
    model.add(
      new FastLstm({
        units: o.units,
        returnSequences: layer < o.layers - 1,
        dropout: o.dropout,
        seed: o.seed * 1000 + layer * 10,
        recurrentInitializer: o.recurrentInitializer,
        // Only Normalization (no weights) comes before the first LSTM: nothing to send its gradient to.
        inputGradient: layer > 0,
        name: `lstm_${layer + 1}`,
      }),
    );
  }
  const seeded = (offset: number) =>
    tf.initializers.glorotUniform({ seed: o.seed * 1000 + offset });
  const scaledSigmoid = o.activation === 'sigmoid';
  model.add(
    tf.layers.dense({
      units: denseUnits,
      activation: scaledSigmoid ? 'linear' : o.activation,
      kernelInitializer: seeded(101),
      name: 'dense_hidden',
    }),
  );
  if (scaledSigmoid) model.add(new RatingSigmoid({ low, high, name: 'rating_sigmoid' }));
  model.add(
    tf.layers.dense({
      units: 1,
      kernelInitializer: seeded(102),
      // Start at the middle of the rating range, so the first epochs learn structure, not the offset.
      biasInitializer: tf.initializers.constant({ value: (low + high) / 2 }),
      name: 'rating',
    }),
  );
  model.compile({ optimizer: fusedAdam(tf, o.learningRate), loss: 'meanSquaredError' });
  return model;
}

/** Trainable and total (including the normalization statistics) parameter counts. */
export function countParameters(model: tfjs.LayersModel): { trainable: number; total: number } {
  const size = (w: { shape: tfjs.Shape }) => w.shape.reduce<number>((a, b) => a * (b ?? 1), 1);
  const trainable = model.trainableWeights.reduce((sum, w) => sum + size(w), 0);
  const total = model.weights.reduce((sum, w) => sum + size(w), 0);
  return { trainable, total };
}
