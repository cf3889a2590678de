/**
 * `FastLstm`: a Keras-compatible LSTM layer (same weights, gate order and maths as `tf.layers.lstm` with
 * `recurrentActivation: 'sigmoid'`) whose training pass uses the batched, hand-differentiated recurrence in
 * `lstm-sequence.ts`. It is a normal tfjs layer: it serialises with the model (`registerClass`), stacks, and
 * loads back with `tf.loadLayersModel` once `registerTrainLayers(tf)` has run.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { LayerArgs } from '@tensorflow/tfjs-layers/dist/engine/topology';
import type { Kwargs } from '@tensorflow/tfjs-layers/dist/types';
import type { LayerVariable } from '@tensorflow/tfjs-layers/dist/variables';
import { glorotUniform, orthogonal } from '../layers/seeded-init';
import type { Tf } from '../tf';
import { lstmSequence, lstmSequenceWithGradient } from './lstm-sequence';

export type RecurrentInitializer = 'orthogonal' | 'glorotUniform';

export interface FastLstmArgs extends LayerArgs {
  units: number;
  /** Output every step ([batch, steps, units], for stacking) instead of the last ([batch, units]). */
  returnSequences?: boolean;
  /** Fraction of input features dropped while training; one mask per sample shared by all steps (Keras). */
  dropout?: number;
  /** Seeds the initial weights and the dropout masks. */
  seed?: number;
  /** Default 'orthogonal' (Keras' default, computed in JavaScript, so fast on every backend). */
  recurrentInitializer?: RecurrentInitializer;
  /**
   * Whether training propagates a gradient to this layer's input (default true). False saves a product per
   * batch when nothing before the layer has weights (the first LSTM after the input and Normalization).
   */
  inputGradient?: boolean;
}

export interface FastLstm extends tfjs.layers.Layer {
  readonly units: number;
  readonly returnSequences: boolean;
  readonly dropout: number;
  readonly seed: number;
  readonly recurrentInitializer: RecurrentInitializer;
  readonly inputGradient: boolean;
}

/** The tfjs layer class, bound to one tfjs instance (see `registerTrainLayers`). */
export interface FastLstmClass extends tfjs.serialization.SerializableConstructor<FastLstm> {
  new (args: FastLstmArgs): FastLstm;
}

export function defineFastLstm(tf: Tf): FastLstmClass {
  class FastLstmLayer extends tf.layers.Layer {
    static className = 'FastLstm';
    readonly units: number;
    readonly returnSequences: boolean;
    readonly dropout: number;
    readonly seed: number;
    readonly recurrentInitializer: RecurrentInitializer;
    readonly inputGradient: boolean;
    private kernel: LayerVariable | null = null;
    private recurrentKernel: LayerVariable | null = null;
    private bias: LayerVariable | null = null;
    /** Counts training calls, so each batch draws a fresh (but reproducible) dropout mask. */
    private dropoutCalls = 0;

    constructor(args: FastLstmArgs) {
      super(args);
      if (!Number.isInteger(args.units) || args.units < 1)
        throw new Error(`FastLstm: units must be a positive integer, got ${args.units}`);
      const dropout = args.dropout ?? 0;
      if (!(dropout >= 0 && dropout < 1))
        throw new Error(`FastLstm: dropout must be in [0, 1), got ${dropout}`);
      this.units = args.units;
      this.returnSequences = args.returnSequences ?? false;
      this.dropout = dropout;
      this.seed = args.seed ?? 0;
      this.recurrentInitializer = args.recurrentInitializer ?? 'orthogonal';
      this.inputGradient = args.inputGradient ?? true;
    }

    override build(inputShape: tfjs.Shape | tfjs.Shape[]): void {
      const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfjs.Shape;
      if (shape.length !== 3)
        throw new Error(`FastLstm expects [batch, steps, features] input, got [${shape}]`);
      const features = shape[2];
      if (features == null) throw new Error('FastLstm needs a known feature count');
      const gates = 4 * this.units;
      const zeros = tf.initializers.zeros();
      this.kernel = this.addWeight('kernel', [features, gates], 'float32', zeros);
      this.recurrentKernel = this.addWeight(
        'recurrent_kernel',
        [this.units, gates],
        'float32',
        zeros,
      );
      this.bias = this.addWeight('bias', [gates], 'float32', zeros);
      const recurrent =
        this.recurrentInitializer === 'orthogonal'
          ? orthogonal(this.units, gates, this.seed + 1)
          : glorotUniform(this.units, gates, this.seed + 1);
      // Keras' unit_forget_bias: the forget gate starts at bias 1, so early training keeps the cell state.
      const bias = new Float32Array(gates);
      bias.fill(1, this.units, 2 * this.units);
      tf.tidy(() => {
        this.kernel?.write(
          tf.tensor2d(glorotUniform(features, gates, this.seed), [features, gates]),
        );
        this.recurrentKernel?.write(tf.tensor2d(recurrent, [this.units, gates]));
        this.bias?.write(tf.tensor1d(bias));
      });
      this.built = true;
    }

    override computeOutputShape(inputShape: tfjs.Shape | tfjs.Shape[]): tfjs.Shape {
      const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfjs.Shape;
      return this.returnSequences ? [shape[0], shape[1], this.units] : [shape[0], this.units];
    }

    override call(inputs: tfjs.Tensor | tfjs.Tensor[], kwargs: Kwargs): tfjs.Tensor {
      return tf.tidy(() => {
        let x = (Array.isArray(inputs) ? inputs[0] : inputs) as tfjs.Tensor3D;
        if (!this.kernel || !this.recurrentKernel || !this.bias)
          throw new Error('FastLstm used before build');
        const training = kwargs?.training === true;
        if (training && this.dropout > 0) {
          const [batch, , features] = x.shape;
          const seed = this.seed + 7919 * ++this.dropoutCalls;
          x = tf.dropout(x, this.dropout, [batch, 1, features], seed) as tfjs.Tensor3D;
        }
        const kernel = this.kernel.read() as tfjs.Tensor2D;
        const recurrent = this.recurrentKernel.read() as tfjs.Tensor2D;
        const bias = this.bias.read();
        // Only training needs the custom gradient; inference skips saving the per-step values.
        if (!training) return lstmSequence(tf, x, kernel, recurrent, bias, this.returnSequences);
        return lstmSequenceWithGradient(
          tf,
          x,
          kernel,
          recurrent,
          bias,
          this.returnSequences,
          this.inputGradient,
        );
      });
    }

    override getConfig(): tfjs.serialization.ConfigDict {
      return {
        ...super.getConfig(),
        units: this.units,
        returnSequences: this.returnSequences,
        dropout: this.dropout,
        seed: this.seed,
        recurrentInitializer: this.recurrentInitializer,
        inputGradient: this.inputGradient,
      };
    }
  }
  return FastLstmLayer;
}
