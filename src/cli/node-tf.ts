import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { applyBackendPatches } from '../stages/train/compute/backend/apply-backend-patches';
import type { BackendName } from '../stages/train/contract';

/**
 * tfjs for training from the command line: the WASM backend (single-threaded in Node; tfjs-node would need a
 * binary download) with the project's patches, or the plain CPU backend. The same training code as the browser's
 * training worker runs on it. `patches` lists what the project changed on the backend (empty when an earlier
 * call in this process applied them).
 */
export async function nodeTf(
  backend: Extract<BackendName, 'wasm' | 'cpu'>,
): Promise<{ tf: typeof tf; backend: BackendName; patches: string[] }> {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (!(await tf.setBackend(backend))) throw new Error(`the tfjs ${backend} backend did not start`);
  await tf.ready();
  const { applied } = applyBackendPatches(tf);
  return { tf, backend, patches: applied };
}
