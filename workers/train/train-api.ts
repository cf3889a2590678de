/**
 * The training worker's functions: start a backend (with the user's forced choice, if any), train the LSTM or
 * the embedding model on windows transferred in, stream progress as increments, stop softly on request, return
 * test metrics; keep trained models for predictions and downloads. The caller owns the data.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import { transfer } from 'comlink';
import type { RunId } from '../../src/lib/ids';
import { pairSource, predictWindows } from '../../src/stages/train/compute/api';
import {
  timeTrainingBatches,
  type TimedRequest,
} from '../../src/stages/train/compute/backend/time-training-batches';
import { runTraining } from '../../src/stages/train/compute/run-training';
import {
  DEFAULT_BACKEND_OPTIONS,
  type BackendOptions,
  type BackendReport,
  type PredictInputs,
  type TrainProgress,
  type TrainMemory,
  type TrainRequest,
  type TrainResult,
} from '../../src/stages/train/contract';
import { RunTokens } from '../data/cancellation';
import { tinyChecks } from './backend-check';
import { selectBackend } from './backend-select';
import { BatchCoalescer } from './batch-coalescer';
import { KeptModels } from './kept-models';
import { createTuneApi } from './tune-api';
import { yieldToEventLoop } from './yield';
import { disposeModel } from '../../src/stages/train/compute/model/dispose-model';

export function createTrainApi(options: { persistModels?: boolean } = {}) {
  const runs = new RunTokens();
  const kept = new KeptModels(tf, options.persistModels ?? typeof indexedDB !== 'undefined');
  let backend: { options: BackendOptions; report: Promise<BackendReport>; timed: boolean } | null =
    null;

  /**
   * Starts (once per choice) and reports the backend; a different forced choice restarts the selection.
   * Without options, keeps the backend already chosen (or selects with the defaults). With `timed` (the
   * request about to train) and no forced choice, a selection not yet timed is run again as a race: every
   * backend that passes is timed on that model and the fastest is kept.
   */
  function init(choice?: BackendOptions, timed?: TimedRequest): Promise<BackendReport> {
    if (!choice && backend) return backend.report;
    choice ??= DEFAULT_BACKEND_OPTIONS;
    const race = timed !== undefined && choice.force === null;
    if (!backend || backend.options.force !== choice.force || (race && !backend.timed)) {
      const time = race ? (t: typeof tf) => timeTrainingBatches(t, timed) : undefined;
      const report = selectBackend(tf, choice, tinyChecks, time);
      backend = { options: choice, report, timed: race };
      // A failed selection may be retried with another choice.
      report.catch(() => {
        if (backend?.report === report) backend = null;
      });
    }
    return backend.report;
  }

  async function train(
    request: TrainRequest,
    onProgress: (progress: TrainProgress) => void,
  ): Promise<TrainResult> {
    const { runId } = request;
    const token = runs.start(runId);
    try {
      const report = await init(request.backend, request);
      onProgress({ kind: 'backend', report });
      const batches = new BatchCoalescer(onProgress);
      const { model, result: trained } = await runTraining(tf, request, {
        onPhase: (phase) => onProgress({ kind: 'phase', phase }),
        onBatch: async (progress) => {
          batches.add(progress);
          await yieldToEventLoop();
        },
        onEpoch: (log) => {
          batches.flush();
          onProgress({ kind: 'epoch', ...log });
        },
        shouldStop: () => token.cancelled,
      });
      batches.flush();
      const modelKey = request.keepAs ?? null;
      if (modelKey) await kept.keep(modelKey, model);
      else disposeModel(model);
      const result: TrainResult = { ...trained, backend: report.backend, modelKey };
      const buffers = [
        result.test?.predictions.buffer,
        result.test?.labels.buffer,
        ...(result.weights?.values.map((v) => v.buffer) ?? []),
      ];
      return transfer(
        result,
        buffers.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer),
      );
    } finally {
      runs.finish(runId);
    }
  }

  /** Scores examples with a kept model: candidate windows for the LSTM, (user, movie) pairs for the embedding model. */
  async function predict(modelKey: string, inputs: PredictInputs): Promise<Float32Array> {
    await init();
    const model = await kept.get(modelKey);
    const predictions =
      inputs.kind === 'windows'
        ? await predictWindows(tf, model, { ...inputs, y: new Float32Array(inputs.count) })
        : await predictWindows(
            tf,
            model,
            pairSource({ ...inputs, rating: new Float32Array(inputs.user.length) }),
          );
    return transfer(predictions, [predictions.buffer as ArrayBuffer]);
  }

  return {
    init,
    train,
    predict,
    ...createTuneApi(runs, init),
    /** Soft stop: the run finishes its current batch, keeps its best weights and returns its result. */
    stop(runId: RunId): void {
      runs.cancel(runId);
    },
    async exportModel(modelKey: string) {
      await init();
      const exported = await kept.export(modelKey);
      return transfer(exported, [exported.weights]);
    },
    listModels: () => kept.list(),
    memory: (): TrainMemory => {
      const { numBytes, numTensors } = tf.memory();
      return { bytes: numBytes, tensors: numTensors, models: kept.heldCount };
    },
    removeModel: (modelKey: string) => kept.remove(modelKey),
  };
}
