import { createStore } from '../../ui-kit/store';
import type { BackendName } from '../../stages/train/contract';

/** The person's backend choice for the training worker: null tries WebGPU → WebGL → WASM → CPU. */
export const backendChoiceStore = createStore<{ force: BackendName | null }>({ force: null });
