/**
 * The LSTM recurrence as a few large tfjs ops with a hand-written backward pass.
 *
 * Maths and weight layout follow Keras, so weights copy over from `tf.layers.lstm` (with
 * `recurrentActivation: 'sigmoid'`): gates in the order input, forget, cell, output;
 * z = x·W + h·R + b; i, f, o = sigmoid(z); g = tanh(z_g); c' = f·c + i·g; h' = o·tanh(c').
 *
 * Where the stock layer loses its time: it runs a small cell per step and lets autodiff unroll it, so every
 * step records a dozen kernels whose gradients are transposed products (slow on wasm). Here:
 * - each step is one product [x_t | h | 1] × [W; R; b] (the input projection and the bias ride along in the
 *   recurrent product instead of a separate, inefficient K = features product and an add; the ones column
 *   also gives the bias gradient from the weight-gradient product, where wasm's sum over the batch would
 *   transpose 2 M values first);
 * - one sigmoid covers all four gates: the cell gate's columns are pre-scaled by 2, so tanh(z_g) =
 *   2·sigmoid(2·z_g) − 1 comes from the same kernel, and the backward pass gets every gate's derivative from
 *   one wide product;
 * - the backward pass walks the steps once, keeping only the per-step gate gradients, then forms the weight
 *   gradients with one product over all steps at once ([x_t | h_{t−1}]ᵀ · dZ over T·B rows);
 * - every transpose is explicit, so the wasm backend always takes its fast product path;
 * - the input gradient is only computed when asked for (not for a first layer fed by data).
 * Work is time-major ([T, B, …]) so that each step's rows are contiguous.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../tf';

type Tensor = tfjs.Tensor;
type Tensor2D = tfjs.Tensor2D;
type Tensor3D = tfjs.Tensor3D;

/**
 * tanh for the current backend. tfjs-backend-wasm 4.22 computes tanh with scalar libm calls, ~10x slower than
 * its sigmoid (1.2 ms against 0.12 ms for a [256, 228] tensor), so there we use tanh(x) = 2·sigmoid(2x) − 1
 * (absolute error ~1e-7); other backends have a native tanh kernel.
 */
export function tanhFor(tf: Tf): (x: Tensor) => Tensor {
  if (tf.getBackend() !== 'wasm') return (x) => tf.tanh(x);
  return (x) => tf.sub(tf.mul(tf.sigmoid(tf.mul(x, 2)), 2), 1);
}

/** [1, 1, 2, 1] per gate block: scales the cell gate's pre-activation so one sigmoid serves all gates. */
function gateScale(tf: Tf, units: number, cellFactor: number): Tensor {
  const scale = new Float32Array(4 * units).fill(1);
  scale.fill(cellFactor, 2 * units, 3 * units);
  return tf.tensor1d(scale);
}

interface Forward {
  output: Tensor;
  /** Per step t: the product's left operand, [x_t | h_{t−1} | 1] ([B, F + U + 1]), or [x_0 | 1] at t = 0. */
  inputs: Tensor2D[];
  /** Per step: sigmoid of the scaled pre-activations, [B, 4U]. */
  gates: Tensor2D[];
  i: Tensor2D[];
  f: Tensor2D[];
  g: Tensor2D[];
  o: Tensor2D[];
  c: Tensor2D[];
  tanhC: Tensor2D[];
}

/**
 * Runs the recurrence. x: [B, T, F]; kernel: [F, 4U]; recurrentKernel: [U, 4U]; bias: [4U].
 * Returns [B, T, U] when returnSequences, else the last hidden state [B, U].
 */
function forward(
  tf: Tf,
  x: Tensor3D,
  kernel: Tensor2D,
  recurrentKernel: Tensor2D,
  bias: Tensor,
  returnSequences: boolean,
): Forward {
  const [batch, steps] = x.shape;
  const units = recurrentKernel.shape[0];
  const tanh = tanhFor(tf);
  const scale = gateScale(tf, units, 2);
  const biasRow = tf.reshape(bias, [1, 4 * units]);
  const stacked = tf.mul(tf.concat([kernel, recurrentKernel, biasRow], 0), scale) as Tensor2D; // [F + U + 1, 4U]
  const firstStacked = tf.mul(tf.concat([kernel, biasRow], 0), scale) as Tensor2D; // [F + 1, 4U]
  const ones = tf.ones([batch, 1]);
  const xSteps = tf.unstack(tf.transpose(x, [1, 0, 2])) as Tensor2D[];
  const run: Forward = {
    output: x,
    inputs: [],
    gates: [],
    i: [],
    f: [],
    g: [],
    o: [],
    c: [],
    tanhC: [],
  };
  let h: Tensor2D | null = null;
  const hs: Tensor2D[] = [];
  for (let t = 0; t < steps; t++) {
    // h₀ = c₀ = 0: the first step multiplies x₀ alone and has no forget term.
    const input = tf.concat(h ? [xSteps[t], h, ones] : [xSteps[t], ones], 1) as Tensor2D;
    const z = tf.matMul(input, h ? stacked : firstStacked);
    const gates = tf.sigmoid(z) as Tensor2D;
    // One kernel call cuts the four gate blocks out of [B, 4U].
    const [i, f, cellGate, o] = tf.unstack(tf.reshape(gates, [batch, 4, units]), 1) as Tensor2D[];
    const g = tf.sub(tf.mul(cellGate, 2), 1) as Tensor2D;
    const ig = tf.mul(i, g);
    const c = (t === 0 ? ig : tf.add(tf.mul(f, run.c[t - 1]), ig)) as Tensor2D;
    const tanhC = tanh(c) as Tensor2D;
    h = tf.mul(o, tanhC) as Tensor2D;
    hs.push(h);
    run.inputs.push(input);
    run.gates.push(gates);
    run.i.push(i);
    run.f.push(f);
    run.g.push(g);
    run.o.push(o);
    run.c.push(c);
    run.tanhC.push(tanhC);
  }
  run.output = returnSequences ? tf.stack(hs, 1) : hs[steps - 1];
  return run;
}

/** The LSTM without a custom gradient (inference, or any caller that wants tfjs autodiff). */
export function lstmSequence(
  tf: Tf,
  x: Tensor3D,
  kernel: Tensor2D,
  recurrentKernel: Tensor2D,
  bias: Tensor,
  returnSequences: boolean,
): Tensor {
  return tf.tidy(() => forward(tf, x, kernel, recurrentKernel, bias, returnSequences).output);
}

const PER_STEP = ['inputs', 'gates', 'i', 'f', 'g', 'o', 'c', 'tanhC'] as const;
type StepKey = (typeof PER_STEP)[number];

/**
 * The LSTM with the hand-written backward pass, for training. Same result as `lstmSequence`. The gradient
 * flows to kernel, recurrentKernel and bias, and to x only when `inputGradient` (a first layer fed by data, or
 * by layers without weights, does not need it).
 */
export function lstmSequenceWithGradient(
  tf: Tf,
  x: Tensor3D,
  kernel: Tensor2D,
  recurrentKernel: Tensor2D,
  bias: Tensor,
  returnSequences: boolean,
  inputGradient = true,
): Tensor {
  const [batch, steps, features] = x.shape;
  const units = recurrentKernel.shape[0];
  const dims = { batch, steps, features, units, returnSequences, inputGradient };
  const body = (xIn: Tensor3D, weights: Tensor[], save: (tensors: Tensor[]) => void) => {
    const [kernelIn, recurrentIn, biasIn] = weights as [Tensor2D, Tensor2D, Tensor];
    const run = forward(tf, xIn, kernelIn, recurrentIn, biasIn, returnSequences);
    // Saved past this tidy in a fixed order: kernel, recurrentKernel, then each per-step list in turn.
    save([kernelIn, recurrentIn, ...PER_STEP.flatMap((key) => run[key])]);
    return {
      value: run.output,
      gradFunc: (dy: Tensor | Tensor[], saved: Tensor[]) => {
        const at = (key: StepKey, t: number) =>
          saved[2 + PER_STEP.indexOf(key) * steps + t] as Tensor2D;
        const grads = backward(
          tf,
          dy as Tensor,
          saved[0] as Tensor2D,
          saved[1] as Tensor2D,
          at,
          dims,
        );
        return inputGradient ? grads : grads.slice(1);
      },
    };
  };
  if (inputGradient) {
    const op = tf.customGrad((...args) =>
      body(
        args[0] as Tensor3D,
        args.slice(1, 4) as Tensor[],
        args[4] as unknown as (t: Tensor[]) => void,
      ),
    );
    return op(x, kernel, recurrentKernel, bias);
  }
  // x is closed over rather than passed in, so the tape treats it as a constant.
  const op = tf.customGrad((...args) =>
    body(x, args.slice(0, 3) as Tensor[], args[3] as unknown as (t: Tensor[]) => void),
  );
  return op(kernel, recurrentKernel, bias);
}

interface Dims {
  batch: number;
  steps: number;
  features: number;
  units: number;
  returnSequences: boolean;
  inputGradient: boolean;
}

/** Returns [dx, dKernel, dRecurrentKernel, dBias] (dx is a placeholder when !inputGradient). */
function backward(
  tf: Tf,
  dy: Tensor,
  kernel: Tensor2D,
  recurrentKernel: Tensor2D,
  at: (key: StepKey, t: number) => Tensor2D,
  dims: Dims,
): Tensor[] {
  const { batch, steps, features, units, returnSequences, inputGradient } = dims;
  const recurrentT = tf.transpose(recurrentKernel);
  // d gate / d z for all four gates at once: s·σ'(s·z) with s = 2 on the cell gate, where g = 2σ(2z) − 1,
  // so its derivative is 4σ'(2z); the factor 4 = 2 (from g's formula) × 2 (from the chain rule).
  const derivativeScale = gateScale(tf, units, 4);
  const dySteps = returnSequences ? (tf.unstack(dy, 1) as Tensor2D[]) : null;
  const dz: Tensor2D[] = new Array(steps);
  let dhNext: Tensor | null = null;
  let dcNext: Tensor | null = null;
  for (let t = steps - 1; t >= 0; t--) {
    const dyStep = dySteps ? dySteps[t] : t === steps - 1 ? dy : null;
    const dh = (dyStep && dhNext ? tf.add(dyStep, dhNext) : (dyStep ?? dhNext)) as Tensor2D;
    const tanhC = at('tanhC', t);
    // dc = dh·o·(1 − tanh²c) + dc carried back from step t + 1
    const dcHere = tf.mul(tf.mul(dh, at('o', t)), tf.sub(1, tf.mul(tanhC, tanhC)));
    const dc: Tensor = dcNext ? tf.add(dcHere, dcNext) : dcHere;
    const dForget = t === 0 ? tf.zerosLike(dc) : tf.mul(dc, at('c', t - 1));
    // Gradients with respect to the gate values, then through all four activations in one product.
    const dGates = tf.concat(
      [tf.mul(dc, at('g', t)), dForget, tf.mul(dc, at('i', t)), tf.mul(dh, tanhC)],
      1,
    );
    const gates = at('gates', t);
    const activationSlope = tf.mul(tf.mul(gates, tf.sub(1, gates)), derivativeScale);
    dz[t] = tf.mul(dGates, activationSlope) as Tensor2D;
    if (t > 0) {
      dhNext = tf.matMul(dz[t], recurrentT);
      dcNext = tf.mul(dc, at('f', t));
    }
  }
  const gateCols = 4 * units;
  const rows = (t: Tensor, from: number, count: number) =>
    tf.slice(t, [from, 0], [count, gateCols]);
  // Step 0 multiplied [x₀ | 1]; steps 1… multiplied [x_t | h_{t−1} | 1]: one product covers all of those.
  const dFirst = tf.matMul(tf.transpose(at('inputs', 0)), dz[0]); // [F + 1, 4U]
  let dKernel: Tensor = rows(dFirst, 0, features);
  let dBias: Tensor = rows(dFirst, features, 1);
  let dRecurrent: Tensor = tf.zerosLike(recurrentKernel);
  if (steps > 1) {
    const laterInputs = tf.concat(
      Array.from({ length: steps - 1 }, (_, t) => at('inputs', t + 1)),
      0,
    );
    const dStacked = tf.matMul(tf.transpose(laterInputs), tf.concat(dz.slice(1), 0)); // [F + U + 1, 4U]
    dKernel = tf.add(dKernel, rows(dStacked, 0, features));
    dRecurrent = rows(dStacked, features, units);
    dBias = tf.add(dBias, rows(dStacked, features + units, 1));
  }
  dBias = tf.reshape(dBias, [gateCols]);
  let dx: Tensor;
  if (inputGradient) {
    const dxTime = tf.matMul(tf.concat(dz, 0), tf.transpose(kernel)); // [T·B, F]
    dx = tf.transpose(tf.reshape(dxTime, [steps, batch, features]), [1, 0, 2]);
  } else {
    dx = tf.zeros([0]);
  }
  return [dx, dKernel, dRecurrent, dBias];
}
