/** Hyperband tuning in the training worker: trial after trial on the transferred windows, resumable. */
import * as tf from '@tensorflow/tfjs';
import type { WeightSnapshot } from '../../train/compute/api';
import type { BackendOptions, BackendReport } from '../../train/contract';
import { measureEpoch } from '../compute/epoch-timer';
import { runTuning } from '../compute/run-tuning';
import type {
  EpochTiming,
  EpochTimingRequest,
  TuneProgress,
  TuneRequest,
  TunerState,
} from '../contract';
import type { RunTokens } from '../../../worker-kit/run-tokens';
import { yieldToEventLoop } from '../../../worker-kit/yield';

/** What the tuning functions read and keep in the training worker. */
export interface TuneWorkerState {
  runs: RunTokens;
  /** The training worker's backend, which the search trains on. */
  backend: { init(choice?: BackendOptions): Promise<BackendReport> };
  /** Trials' best weights, kept while the worker lives, so that a resumed search promotes from them. */
  checkpoints: Map<string, WeightSnapshot>;
}

export function createTuneApi(state: TuneWorkerState) {
  const { runs, checkpoints } = state;
  const init = (choice?: BackendOptions) => state.backend.init(choice);
  return {
    /** Times an epoch of one configuration on the backend the search would use, before it starts. */
    async measureTuneEpoch(
      request: EpochTimingRequest & { backend?: BackendOptions },
    ): Promise<EpochTiming & { backend: BackendReport }> {
      const report = await init(request.backend);
      const timing = await measureEpoch(tf, request, () => performance.now());
      return { ...timing, backend: report };
    },
    async tune(
      request: TuneRequest,
      onProgress: (progress: TuneProgress) => void,
    ): Promise<TunerState> {
      const token = runs.start(request.runId);
      try {
        const report = await init(request.backend);
        onProgress({ kind: 'backend', report });
        return await runTuning(tf, request, checkpoints, {
          onProgress,
          onBatch: yieldToEventLoop,
          shouldStop: () => token.cancelled,
          now: () => performance.now(),
        });
      } finally {
        runs.finish(request.runId);
      }
    },
  };
}
