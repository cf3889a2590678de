import { describe, expect, it } from 'vitest';
import { registerTrainLayers } from '../../src/stages/train/compute/layers/register-train-layers';
import { normalizationStats } from '../../src/stages/train/compute/training/normalization-stats';
import { tf, useBackend } from '../helpers/train-tf-setup';

describe('normalizationStats', () => {
  it('matches hand-computed per-feature statistics over all windows and steps', () => {
    // 2 windows × 2 steps × 2 features; feature 1 is constant.
    const x = Float32Array.from([1, 7, 3, 7, 5, 7, 7, 7]);
    const stats = normalizationStats({
      count: 2,
      steps: 2,
      features: 2,
      x,
      y: new Float32Array(2),
    });
    // Feature 0: values 1, 3, 5, 7 → mean 4, population variance (9 + 1 + 1 + 9) / 4 = 5.
    expect(Array.from(stats.mean)).toEqual([4, 7]);
    // A constant feature gets variance 1, so the layer only centres it.
    expect(Array.from(stats.variance)).toEqual([5, 1]);
  });

  it('refuses an empty training split', () => {
    expect(() =>
      normalizationStats({
        count: 0,
        steps: 3,
        features: 2,
        x: new Float32Array(0),
        y: new Float32Array(0),
      }),
    ).toThrow(/no windows/);
  });
});

describe('Normalization layer', () => {
  it('computes (x − mean) / √variance per feature, with non-trainable weights', async () => {
    await useBackend('cpu');
    const { Normalization } = registerTrainLayers(tf);
    const layer = new Normalization({ mean: [4, 7], variance: [4, 1] });
    const x = tf.tensor3d([1, 7, 6, 9], [1, 2, 2]);
    const y = layer.apply(x) as tf.Tensor;
    expect(Array.from(y.dataSync())).toEqual([-1.5, 0, 1, 2]);
    expect(layer.trainableWeights).toHaveLength(0);
    expect(layer.nonTrainableWeights.map((w) => w.originalName.split('/').pop())).toEqual([
      'mean',
      'variance',
    ]);
    expect(layer.getConfig()).toMatchObject({ mean: [4, 7], variance: [4, 1] });
  });

  it('rejects statistics that do not fit the input or cannot normalise', () => {
    const { Normalization } = registerTrainLayers(tf);
    expect(() => new Normalization({ mean: [0, 0], variance: [1] })).toThrow(/variance has 1/);
    expect(() => new Normalization({ mean: [0], variance: [0] })).toThrow(/positive/);
    const layer = new Normalization({ mean: [0, 0], variance: [1, 1] });
    expect(() => layer.apply(tf.zeros([1, 2, 3]))).toThrow(/2 features but the input has 3/);
  });
});
