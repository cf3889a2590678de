/**
 * Adam whose step is one fused pass per variable (backend/fused-adam-kernel.ts) on the backends that have
 * the kernel (wasm and cpu, once `applyBackendPatches` has run for them), and tfjs' own Adam everywhere else
 * (webgl, webgpu, or a backend left unpatched). It is a subclass of tfjs'
 * `AdamOptimizer`, same class name, config and weights (iterations, then every `<name>/m`, then every
 * `<name>/v`), so a model compiled with it saves, loads and resumes as one compiled with `tf.train.adam`.
 * Results match tfjs' Adam to float32 rounding (tests/unit/fused-adam.test.ts).
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../tf';
import { FUSED_ADAM_KERNEL } from '../backend/fused-adam-kernel';

/** The private state of tfjs-core 4.22's `AdamOptimizer` that a step reads and writes. */
interface AdamState {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tfjs.Variable;
  accBeta2: tfjs.Variable;
  accumulatedFirstMoment: { originalName: string; variable: tfjs.Variable }[];
  accumulatedSecondMoment: { originalName: string; variable: tfjs.Variable }[];
  incrementIterations(): void;
}

type Gradients = Parameters<tfjs.AdamOptimizer['applyGradients']>[0];

type FusedAdamClass = new (
  learningRate: number,
  beta1: number,
  beta2: number,
  epsilon?: number,
) => tfjs.AdamOptimizer;

const classes = new WeakMap<Tf, FusedAdamClass>();

function fusedAdamClass(tf: Tf): FusedAdamClass {
  const known = classes.get(tf);
  if (known) return known;
  class FusedAdamOptimizer extends tf.AdamOptimizer {
    override applyGradients(gradients: Gradients): void {
      if (!tf.getKernel(FUSED_ADAM_KERNEL, tf.getBackend())) {
        super.applyGradients(gradients);
        return;
      }
      const state = this as unknown as AdamState;
      const names = Array.isArray(gradients)
        ? gradients.map((g) => g.name)
        : Object.keys(gradients);
      const attrs = {
        beta1: state.beta1,
        beta2: state.beta2,
        epsilon: state.epsilon,
        learningRate: state.learningRate,
      };
      tf.tidy(() => {
        names.forEach((name, i) => {
          const value = tf.engine().registeredVariables[name];
          // Created as tfjs' Adam creates them, in the same order, so getWeights/setWeights line up.
          state.accumulatedFirstMoment[i] ??= {
            originalName: `${name}/m`,
            variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
          };
          state.accumulatedSecondMoment[i] ??= {
            originalName: `${name}/v`,
            variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
          };
          const gradient = Array.isArray(gradients) ? gradients[i].tensor : gradients[name];
          if (gradient == null) return;
          const m = state.accumulatedFirstMoment[i].variable;
          const v = state.accumulatedSecondMoment[i].variable;
          const [x2, m2, v2] = tf
            .engine()
            .runKernel(
              FUSED_ADAM_KERNEL,
              { x: value, m, v, g: gradient, accBeta1: state.accBeta1, accBeta2: state.accBeta2 },
              attrs as unknown as tfjs.NamedAttrMap,
            ) as tfjs.Tensor[];
          m.assign(m2);
          v.assign(v2);
          value.assign(x2);
        });
        state.accBeta1.assign(tf.mul(state.accBeta1, state.beta1));
        state.accBeta2.assign(tf.mul(state.accBeta2, state.beta2));
      });
      state.incrementIterations();
    }
  }
  classes.set(tf, FusedAdamOptimizer);
  return FusedAdamOptimizer;
}

/**
 * `tf.train.adam(learningRate, beta1, beta2, epsilon)` with the fused step (same defaults: 0.9, 0.999, the
 * backend's epsilon).
 */
export function fusedAdam(
  tf: Tf,
  learningRate = 0.001,
  beta1 = 0.9,
  beta2 = 0.999,
  epsilon?: number,
): tfjs.AdamOptimizer {
  const FusedAdamOptimizer = fusedAdamClass(tf);
  return new FusedAdamOptimizer(learningRate, beta1, beta2, epsilon);
}
