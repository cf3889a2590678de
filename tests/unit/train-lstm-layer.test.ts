import { afterAll, describe, expect, it } from 'vitest';
import { registerTrainLayers } from '../../src/stages/train/compute/layers/register-train-layers';
import { orthogonal } from '../../src/stages/train/compute/layers/seeded-init';
import { maxAbs, maxAbsDiff, tf, useBackend } from '../helpers/train-tf-setup';

const BATCH = 6;
const STEPS = 5;
const FEATURES = 4;
const UNITS = 7;

/** A stock LSTM and a FastLstm with the same (copied) weights, both built. */
function twinLayers(returnSequences: boolean, inputGradient = true) {
  const { FastLstm } = registerTrainLayers(tf);
  const stock = tf.layers.lstm({
    units: UNITS,
    returnSequences,
    recurrentActivation: 'sigmoid',
    recurrentInitializer: 'glorotUniform',
    // Non-zero biases, so the bias path is exercised.
    biasInitializer: tf.initializers.randomNormal({ seed: 3 }),
    kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }),
  });
  const fast = new FastLstm({ units: UNITS, returnSequences, seed: 9, inputGradient });
  // Applying builds a layer (weights created for this input shape).
  const probe = tf.zeros([1, STEPS, FEATURES]);
  stock.apply(probe);
  fast.apply(probe);
  fast.setWeights(stock.getWeights());
  return { stock, fast };
}

function randomInput(seed: number): tf.Tensor3D {
  return tf.randomNormal([BATCH, STEPS, FEATURES], 0, 1.5, 'float32', seed) as tf.Tensor3D;
}

/** Gradients of Σ w·layer(x) with respect to x and each weight, with training on (FastLstm's custom path). */
function gradients(layer: tf.layers.Layer, x: tf.Tensor3D, w: tf.Tensor) {
  const weights = layer.trainableWeights.map((v) => v.read() as tf.Variable);
  const loss = () =>
    tf.sum(tf.mul(layer.apply(x, { training: true }) as tf.Tensor, w)) as tf.Scalar;
  const { grads } = tf.variableGrads(loss, weights);
  const dx = tf.grad((input: tf.Tensor) =>
    tf.sum(tf.mul(layer.apply(input, { training: true }) as tf.Tensor, w)),
  )(x);
  return { dx, dWeights: weights.map((v) => grads[v.name]) };
}

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`FastLstm equals tf.layers.lstm on ${backend}`, () => {
    afterAll(() => {
      tf.disposeVariables();
    });

    for (const returnSequences of [false, true]) {
      it(`outputs and gradients match (returnSequences: ${returnSequences})`, async () => {
        await useBackend(backend);
        const { stock, fast } = twinLayers(returnSequences);
        const x = randomInput(returnSequences ? 11 : 12);
        const expected = stock.apply(x) as tf.Tensor;
        expect(expected.shape).toEqual(returnSequences ? [BATCH, STEPS, UNITS] : [BATCH, UNITS]);
        // Inference path and training path both.
        expect(maxAbsDiff(fast.apply(x) as tf.Tensor, expected)).toBeLessThan(2e-6);
        expect(maxAbsDiff(fast.apply(x, { training: true }) as tf.Tensor, expected)).toBeLessThan(
          2e-6,
        );

        const w = tf.randomNormal(expected.shape, 0, 1, 'float32', 13);
        const ref = gradients(stock, x, w);
        const got = gradients(fast, x, w);
        expect(maxAbsDiff(got.dx, ref.dx)).toBeLessThan(1e-5 * Math.max(1, maxAbs(ref.dx)));
        expect(got.dWeights).toHaveLength(3);
        ref.dWeights.forEach((g, k) => {
          expect(got.dWeights[k].shape).toEqual(g.shape);
          expect(maxAbsDiff(got.dWeights[k], g)).toBeLessThan(1e-5 * Math.max(1, maxAbs(g)));
        });
      });
    }

    it('without an input gradient, the weight gradients are unchanged', async () => {
      await useBackend(backend);
      const { stock, fast } = twinLayers(false, false);
      const x = randomInput(21);
      const w = tf.randomNormal([BATCH, UNITS], 0, 1, 'float32', 22);
      const weights = (layer: tf.layers.Layer) =>
        layer.trainableWeights.map((v) => v.read() as tf.Variable);
      const loss = (layer: tf.layers.Layer) => () =>
        tf.sum(tf.mul(layer.apply(x, { training: true }) as tf.Tensor, w)) as tf.Scalar;
      const ref = tf.variableGrads(loss(stock), weights(stock)).grads;
      const got = tf.variableGrads(loss(fast), weights(fast)).grads;
      weights(stock).forEach((v, k) => {
        expect(maxAbsDiff(got[weights(fast)[k].name], ref[v.name])).toBeLessThan(
          1e-5 * Math.max(1, maxAbs(ref[v.name])),
        );
      });
    });

    it('stacks: two FastLstm layers equal two stock layers', async () => {
      await useBackend(backend);
      const { FastLstm } = registerTrainLayers(tf);
      const build = (fast: boolean) => {
        const model = tf.sequential();
        for (const [k, returnSequences] of [true, false].entries()) {
          const args = {
            units: UNITS,
            returnSequences,
            inputShape: k === 0 ? [STEPS, FEATURES] : undefined,
          };
          model.add(
            fast
              ? new FastLstm({ ...args, seed: k })
              : tf.layers.lstm({
                  ...args,
                  recurrentActivation: 'sigmoid',
                  recurrentInitializer: 'glorotUniform',
                }),
          );
        }
        return model;
      };
      const stock = build(false);
      const fast = build(true);
      fast.setWeights(stock.getWeights());
      const x = randomInput(31);
      expect(maxAbsDiff(fast.predict(x) as tf.Tensor, stock.predict(x) as tf.Tensor)).toBeLessThan(
        2e-6,
      );
      const y = tf.randomNormal([BATCH, UNITS], 0, 1, 'float32', 32);
      const lossOf = (model: tf.Sequential) => () =>
        tf.losses.meanSquaredError(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar;
      const weightsOf = (model: tf.Sequential) =>
        model.trainableWeights.map((v) => v.read() as tf.Variable);
      const ref = tf.variableGrads(lossOf(stock), weightsOf(stock)).grads;
      const got = tf.variableGrads(lossOf(fast), weightsOf(fast)).grads;
      weightsOf(stock).forEach((v, k) => {
        const g = ref[v.name];
        expect(maxAbsDiff(got[weightsOf(fast)[k].name], g)).toBeLessThan(
          1e-5 * Math.max(1, maxAbs(g)),
        );
      });
    });
  });
}

describe('FastLstm details', () => {
  it('dropout drops whole features for every step, only while training, reproducibly', async () => {
    await useBackend('cpu');
    const { FastLstm } = registerTrainLayers(tf);
    const layer = new FastLstm({ units: 3, returnSequences: true, dropout: 0.5, seed: 5 });
    layer.build([null, 4, 6]);
    const x = tf.ones([8, 4, 6]);
    const inference = layer.apply(x) as tf.Tensor;
    expect(maxAbsDiff(layer.apply(x) as tf.Tensor, inference)).toBe(0);
    const trained = layer.apply(x, { training: true }) as tf.Tensor;
    expect(maxAbsDiff(trained, inference)).toBeGreaterThan(1e-3);
    // A second layer with the same seed draws the same masks.
    const twin = new FastLstm({ units: 3, returnSequences: true, dropout: 0.5, seed: 5 });
    twin.build([null, 4, 6]);
    twin.setWeights(layer.getWeights());
    expect(maxAbsDiff(twin.apply(x, { training: true }) as tf.Tensor, trained)).toBe(0);
  });

  it('rejects bad arguments with clear messages', () => {
    const { FastLstm } = registerTrainLayers(tf);
    expect(() => new FastLstm({ units: 0 })).toThrow(/units/);
    expect(() => new FastLstm({ units: 4, dropout: 1 })).toThrow(/dropout/);
    const layer = new FastLstm({ units: 4 });
    expect(() => layer.build([null, 4])).toThrow(/\[batch, steps, features\]/);
  });

  it('the seeded orthogonal initialiser gives orthonormal rows, reproducibly', () => {
    const [rows, cols] = [12, 48];
    const q = orthogonal(rows, cols, 7);
    expect(orthogonal(rows, cols, 7)).toEqual(q);
    expect(orthogonal(rows, cols, 8)).not.toEqual(q);
    for (let a = 0; a < rows; a++) {
      for (let b = 0; b < rows; b++) {
        let dot = 0;
        for (let k = 0; k < cols; k++) dot += q[a * cols + k] * q[b * cols + k];
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 5);
      }
    }
  });
});
