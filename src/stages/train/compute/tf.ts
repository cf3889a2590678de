/**
 * The tfjs namespace the train stage works with. Callers pass it in (`buildLstmModel(tf, …)`), so that Node
 * tests, the CLI and the worker share one tfjs instance of their choosing and this code never imports a backend.
 */
import type * as tfjs from '@tensorflow/tfjs';

export type Tf = typeof tfjs;
export type Tensor = tfjs.Tensor;
