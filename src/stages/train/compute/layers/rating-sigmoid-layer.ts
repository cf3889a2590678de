/**
 * `RatingSigmoid`: low + (high − low) · sigmoid(x), the report's "sigmoid with a scale conversion back to the
 * label's range" activation, as a serialisable layer (tfjs activations take no parameters).
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { LayerArgs } from '@tensorflow/tfjs-layers/dist/engine/topology';
import type { Kwargs } from '@tensorflow/tfjs-layers/dist/types';
import type { Tf } from '../tf';

export interface RatingSigmoidArgs extends LayerArgs {
  low: number;
  high: number;
}

export interface RatingSigmoid extends tfjs.layers.Layer {
  readonly low: number;
  readonly high: number;
}

export interface RatingSigmoidClass extends tfjs.serialization
  .SerializableConstructor<RatingSigmoid> {
  new (args: RatingSigmoidArgs): RatingSigmoid;
}

export function defineRatingSigmoid(tf: Tf): RatingSigmoidClass {
  class RatingSigmoidLayer extends tf.layers.Layer {
    static className = 'RatingSigmoid';
    readonly low: number;
    readonly high: number;

    constructor(args: RatingSigmoidArgs) {
      super(args);
      if (!(Number.isFinite(args.low) && Number.isFinite(args.high) && args.low < args.high))
        throw new Error(`RatingSigmoid: need low < high, got [${args.low}, ${args.high}]`);
      this.low = args.low;
      this.high = args.high;
    }

    override computeOutputShape(inputShape: tfjs.Shape | tfjs.Shape[]): tfjs.Shape {
      return (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfjs.Shape;
    }

    override call(inputs: tfjs.Tensor | tfjs.Tensor[], _kwargs: Kwargs): tfjs.Tensor {
      return tf.tidy(() => {
        const x = Array.isArray(inputs) ? inputs[0] : inputs;
        return tf.add(tf.mul(tf.sigmoid(x), this.high - this.low), this.low);
      });
    }

    override getConfig(): tfjs.serialization.ConfigDict {
      return { ...super.getConfig(), low: this.low, high: this.high };
    }
  }
  return RatingSigmoidLayer;
}
