/** Hyperband tuning in the training worker: trial after trial on the transferred windows, resumable. */
import * as tf from '@tensorflow/tfjs';
import type { WeightSnapshot } from '../../src/stages/train/compute/api';
import type { BackendOptions, BackendReport } from '../../src/stages/train/contract';
import { measureEpoch } from '../../src/stages/tune/compute/epoch-timer';
import { runTuning } from '../../src/stages/tune/compute/run-tuning';
import type {
  EpochTiming,
  EpochTimingRequest,
  TuneProgress,
  TuneRequest,
  TunerState,
} from '../../src/stages/tune/contract';
import type { RunTokens } from '../data/cancellation';
import { yieldToEventLoop } from './yield';

export function createTuneApi(
  runs: RunTokens,
  init: (choice?: BackendOptions) => Promise<BackendReport>,
) {
  /** Trials' best weights, kept while this worker lives, so that a resumed search promotes from them. */
  const checkpoints = new Map<string, WeightSnapshot>();

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
