/**
 * `Normalization`: (x − mean) / √variance per feature (the last axis), like Keras' Normalization layer, which
 * tfjs lacks. Mean and variance come from the training split (`normalizationStats`) and are stored as
 * non-trainable weights, so they save and load with the model.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { LayerArgs } from '@tensorflow/tfjs-layers/dist/engine/topology';
import type { Kwargs } from '@tensorflow/tfjs-layers/dist/types';
import type { LayerVariable } from '@tensorflow/tfjs-layers/dist/variables';
import type { Tf } from '../tf';

export interface NormalizationArgs extends LayerArgs {
  /** Per-feature mean; length = the input's last dimension. */
  mean: ArrayLike<number>;
  /** Per-feature variance, > 0 (see `normalizationStats` for constant features). */
  variance: ArrayLike<number>;
}

export interface Normalization extends tfjs.layers.Layer {
  readonly meanValues: number[];
  readonly varianceValues: number[];
}

export interface NormalizationClass extends tfjs.serialization
  .SerializableConstructor<Normalization> {
  new (args: NormalizationArgs): Normalization;
}

export function defineNormalization(tf: Tf): NormalizationClass {
  class NormalizationLayer extends tf.layers.Layer {
    static className = 'Normalization';
    readonly meanValues: number[];
    readonly varianceValues: number[];
    private mean: LayerVariable | null = null;
    private variance: LayerVariable | null = null;

    constructor(args: NormalizationArgs) {
      super(args);
      this.meanValues = Array.from(args.mean);
      this.varianceValues = Array.from(args.variance);
      if (this.meanValues.length !== this.varianceValues.length)
        throw new Error(
          `Normalization: mean has ${this.meanValues.length} values but variance has ${this.varianceValues.length}`,
        );
      const bad = this.varianceValues.findIndex((v) => !(v > 0) || !Number.isFinite(v));
      if (bad >= 0)
        throw new Error(
          `Normalization: variance of feature ${bad} must be positive, got ${this.varianceValues[bad]}`,
        );
      if (this.meanValues.some((m) => !Number.isFinite(m)))
        throw new Error('Normalization: mean must be finite');
    }

    override build(inputShape: tfjs.Shape | tfjs.Shape[]): void {
      const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfjs.Shape;
      const features = shape[shape.length - 1];
      if (features !== this.meanValues.length)
        throw new Error(
          `Normalization has statistics for ${this.meanValues.length} features but the input has ${features}`,
        );
      const zeros = tf.initializers.zeros();
      this.mean = this.addWeight('mean', [features], 'float32', zeros, undefined, false);
      this.variance = this.addWeight('variance', [features], 'float32', zeros, undefined, false);
      tf.tidy(() => {
        this.mean?.write(tf.tensor1d(this.meanValues));
        this.variance?.write(tf.tensor1d(this.varianceValues));
      });
      this.built = true;
    }

    override computeOutputShape(inputShape: tfjs.Shape | tfjs.Shape[]): tfjs.Shape {
      return (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfjs.Shape;
    }

    override call(inputs: tfjs.Tensor | tfjs.Tensor[], _kwargs: Kwargs): tfjs.Tensor {
      return tf.tidy(() => {
        const x = Array.isArray(inputs) ? inputs[0] : inputs;
        if (!this.mean || !this.variance) throw new Error('Normalization used before build');
        return tf.div(tf.sub(x, this.mean.read()), tf.sqrt(this.variance.read()));
      });
    }

    override getConfig(): tfjs.serialization.ConfigDict {
      return { ...super.getConfig(), mean: this.meanValues, variance: this.varianceValues };
    }
  }
  return NormalizationLayer;
}
