/**
 * The train stage's custom layers, defined once per tfjs instance and registered for serialisation, so that
 * `tf.loadLayersModel` can rebuild a saved model. Call before loading a saved model; `buildLstmModel` calls it.
 */
import { defineFastLstm, type FastLstmClass } from '../lstm/fast-lstm-layer';
import type { Tf } from '../tf';
import { defineNormalization, type NormalizationClass } from './normalization-layer';
import { defineRatingSigmoid, type RatingSigmoidClass } from './rating-sigmoid-layer';

export interface TrainLayers {
  FastLstm: FastLstmClass;
  Normalization: NormalizationClass;
  RatingSigmoid: RatingSigmoidClass;
}

const defined = new WeakMap<Tf, TrainLayers>();

export function registerTrainLayers(tf: Tf): TrainLayers {
  const known = defined.get(tf);
  if (known) return known;
  const layers: TrainLayers = {
    FastLstm: defineFastLstm(tf),
    Normalization: defineNormalization(tf),
    RatingSigmoid: defineRatingSigmoid(tf),
  };
  tf.serialization.registerClass(layers.FastLstm);
  tf.serialization.registerClass(layers.Normalization);
  tf.serialization.registerClass(layers.RatingSigmoid);
  defined.set(tf, layers);
  return layers;
}
