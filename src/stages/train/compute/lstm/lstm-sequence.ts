/**
 * The LSTM recurrence as a few large tfjs ops with a hand-written backward pass.
 *
 * Layout and maths follow Keras (so weights copy over from `tf.layers.lstm`): gates in the order
 * input, forget, cell, output; `z = x·W + h·R + b`; i, f, o = sigmoid; g = tanh; c' = f·c + i·g; h' = o·tanh(c').
 *
 * Where the stock layer spends its time: it runs one small cell per step and lets autodiff unroll it, so every
 * step records a dozen kernels and their transposed-product gradients. Here:
 * - the input projection of all timesteps is one product ([T·B, F] × [F, 4U]);
 * - the recurrent product per step is a plain (untransposed) product with R;
 * - the backward pass walks the steps once, keeps only the per-step gate gradients, and then forms the weight
 *   gradients with one product each over all timesteps at once (dR = Hᵀ·dZ over [T·B] rows, dW = Xᵀ·dZ);
 * - every transpose is explicit, so the wasm backend always takes its fast product path.
 * Work is time-major ([T, B, …]) so that each step's rows are contiguous.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../tf';

type Tensor = tfjs.Tensor;
type Tensor2D = tfjs.Tensor2D;
type Tensor3D = tfjs.Tensor3D;

/** The per-step values the backward pass needs; index t is timestep t. */
interface StepRecord {
  i: Tensor2D[];
  f: Tensor2D[];
  g: Tensor2D[];
  o: Tensor2D[];
  tanhC: Tensor2D[];
  /** Cell state after step t. */
  c: Tensor2D[];
  /** Hidden state after step t. */
  h: Tensor2D[];
}

interface ForwardResult {
  output: Tensor;
  record: StepRecord;
  /** x time-major and flattened: [T·B, F]. */
  xTime: Tensor2D;
}

/**
 * Runs the recurrence. x: [B, T, F]; kernel: [F, 4U]; recurrentKernel: [U, 4U]; bias: [4U].
 * Returns [B, T, U] when returnSequences, else the last hidden state [B, U].
 */
/**
 * tanh for the current backend. tfjs-backend-wasm 4.22 computes tanh with scalar libm calls, ~10x slower than
 * its sigmoid (1.2 ms against 0.12 ms for a [256, 228] tensor), so there we use tanh(x) = 2·sigmoid(2x) − 1
 * (absolute error ~1e-7); other backends have a native tanh kernel.
 */
export function tanhFor(tf: Tf): (x: Tensor) => Tensor {
  if (tf.getBackend() !== 'wasm') return (x) => tf.tanh(x);
  return (x) => tf.sub(tf.mul(tf.sigmoid(tf.mul(x, 2)), 2), 1);
}

function forward(
  tf: Tf,
  x: Tensor3D,
  kernel: Tensor2D,
  recurrentKernel: Tensor2D,
  bias: Tensor,
  returnSequences: boolean,
): ForwardResult {
  const [batch, steps, features] = x.shape;
  const units = recurrentKernel.shape[0];
  const xTime = tf.reshape(tf.transpose(x, [1, 0, 2]), [steps * batch, features]) as Tensor2D;
  const projection = tf.add(tf.matMul(xTime, kernel), bias) as Tensor2D;
  const projected = tf.split(projection, steps, 0) as Tensor2D[];
  const record: StepRecord = { i: [], f: [], g: [], o: [], tanhC: [], c: [], h: [] };
  const tanh = tanhFor(tf);
  for (let t = 0; t < steps; t++) {
    // h₀ = c₀ = 0, so the first step needs no recurrent product and no forget term.
    const z =
      t === 0
        ? projected[0]
        : tf.add(projected[0 + t], tf.matMul(record.h[t - 1], recurrentKernel));
    const gates = tf.sigmoid(z);
    const i = tf.slice(gates, [0, 0], [batch, units]) as Tensor2D;
    const f = tf.slice(gates, [0, units], [batch, units]) as Tensor2D;
    const o = tf.slice(gates, [0, 3 * units], [batch, units]) as Tensor2D;
    const g = tanh(tf.slice(z, [0, 2 * units], [batch, units])) as Tensor2D;
    const ig = tf.mul(i, g);
    const c = (t === 0 ? ig : tf.add(tf.mul(f, record.c[t - 1]), ig)) as Tensor2D;
    const tanhC = tanh(c) as Tensor2D;
    const h = tf.mul(o, tanhC) as Tensor2D;
    record.i.push(i);
    record.f.push(f);
    record.g.push(g);
    record.o.push(o);
    record.c.push(c);
    record.tanhC.push(tanhC);
    record.h.push(h);
  }
  const output = returnSequences ? tf.stack(record.h, 1) : record.h[steps - 1];
  return { output, record, xTime };
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

/** Adds two optional tensors. */
function addMaybe(tf: Tf, a: Tensor | null, b: Tensor | null): Tensor | null {
  if (a && b) return tf.add(a, b);
  return a ?? b;
}

/**
 * The LSTM with the hand-written backward pass, for training. Same signature and result as `lstmSequence`;
 * the gradient flows to x, kernel, recurrentKernel and bias.
 */
export function lstmSequenceWithGradient(
  tf: Tf,
  x: Tensor3D,
  kernel: Tensor2D,
  recurrentKernel: Tensor2D,
  bias: Tensor,
  returnSequences: boolean,
): Tensor {
  const [batch, steps, features] = x.shape;
  const units = recurrentKernel.shape[0];
  const op = tf.customGrad((...args) => {
    const [xIn, kernelIn, recurrentIn, biasIn] = args.slice(0, 4) as [
      Tensor3D,
      Tensor2D,
      Tensor2D,
      Tensor,
    ];
    const save = args[4] as unknown as (tensors: Tensor[]) => void;
    const { output, record, xTime } = forward(
      tf,
      xIn,
      kernelIn,
      recurrentIn,
      biasIn,
      returnSequences,
    );
    // Saved (kept past this tidy) in a fixed order: xTime, kernel, recurrentKernel, then per step i f g o tanhC c h.
    const perStep: Tensor[] = [];
    for (let t = 0; t < steps; t++) {
      perStep.push(
        record.i[t],
        record.f[t],
        record.g[t],
        record.o[t],
        record.tanhC[t],
        record.c[t],
        record.h[t],
      );
    }
    save([xTime, kernelIn, recurrentIn, ...perStep]);
    return {
      value: output,
      gradFunc: (dy: Tensor | Tensor[], saved: Tensor[]) =>
        backward(tf, dy as Tensor, saved, { batch, steps, features, units, returnSequences }),
    };
  });
  return op(x, kernel, recurrentKernel, bias);
}

interface Dims {
  batch: number;
  steps: number;
  features: number;
  units: number;
  returnSequences: boolean;
}

function backward(tf: Tf, dy: Tensor, saved: Tensor[], dims: Dims): Tensor[] {
  const { batch, steps, features, units, returnSequences } = dims;
  const [xTime, kernel, recurrentKernel] = saved as Tensor2D[];
  const at = (t: number, k: number) => saved[3 + t * 7 + k] as Tensor2D;
  const I = 0,
    F = 1,
    G = 2,
    O = 3,
    TANH_C = 4,
    C = 5,
    H = 6;
  const recurrentT = tf.transpose(recurrentKernel);
  const dySteps = returnSequences ? (tf.unstack(dy, 1) as Tensor2D[]) : null;
  const dz: Tensor2D[] = new Array(steps);
  let dhNext: Tensor | null = null;
  let dcNext: Tensor | null = null;
  for (let t = steps - 1; t >= 0; t--) {
    const dyStep = dySteps ? dySteps[t] : t === steps - 1 ? dy : null;
    const dh = addMaybe(tf, dyStep, dhNext) as Tensor2D;
    const i = at(t, I),
      f = at(t, F),
      g = at(t, G),
      o = at(t, O),
      tanhC = at(t, TANH_C);
    // dc = dh·o·(1 − tanh²c) + dc from the next step
    const dcHere = tf.mul(tf.mul(dh, o), tf.sub(1, tf.square(tanhC)));
    const dc = addMaybe(tf, dcHere, dcNext) as Tensor2D;
    // Gate pre-activation gradients: sigmoid' = s(1 − s), tanh' = 1 − g².
    const dzi = tf.mul(tf.mul(dc, g), tf.mul(i, tf.sub(1, i)));
    const dzg = tf.mul(tf.mul(dc, i), tf.sub(1, tf.square(g)));
    const dzo = tf.mul(tf.mul(dh, tanhC), tf.mul(o, tf.sub(1, o)));
    const dzf =
      t === 0 ? tf.zerosLike(dzi) : tf.mul(tf.mul(dc, at(t - 1, C)), tf.mul(f, tf.sub(1, f)));
    dz[t] = tf.concat([dzi, dzf, dzg, dzo], 1) as Tensor2D;
    if (t > 0) {
      dhNext = tf.matMul(dz[t], recurrentT);
      dcNext = tf.mul(dc, f);
    }
  }
  const dZ = tf.concat(dz, 0) as Tensor2D; // [T·B, 4U], time-major like xTime
  const dKernel = tf.matMul(tf.transpose(xTime), dZ);
  const dBias = tf.sum(dZ, 0);
  // Step 0 saw h = 0, so only steps 1..T−1 contribute to dR: rows B.. of dZ against h of steps 0..T−2.
  let dRecurrent: Tensor;
  if (steps > 1) {
    const hPrev = tf.concat(
      Array.from({ length: steps - 1 }, (_, t) => at(t, H)),
      0,
    );
    const dZRecurrent = tf.slice(dZ, [batch, 0], [(steps - 1) * batch, 4 * units]);
    dRecurrent = tf.matMul(tf.transpose(hPrev), dZRecurrent);
  } else {
    dRecurrent = tf.zerosLike(recurrentKernel);
  }
  const dxTime = tf.matMul(dZ, tf.transpose(kernel));
  const dx = tf.transpose(tf.reshape(dxTime, [steps, batch, features]), [1, 0, 2]);
  return [dx, dKernel, dRecurrent, dBias];
}
