/**
 * The training worker's functions: start a backend (with the user's forced choice, if any), train the LSTM or
 * the embedding model on windows transferred in, stream progress as increments, stop softly on request, return
 * test metrics; keep trained models for predictions and downloads. The caller owns the data.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import { transfer } from 'comlink';
import type { RunId } from '../../../lib/ids';
import { pairSource, predictWindows } from '../compute/api';
import { runTraining } from '../compute/run-training';
import {
  type BackendOptions,
  type PredictInputs,
  type TrainProgress,
  type TrainMemory,
  type TrainRequest,
  type TrainResult,
} from '../contract';
import type { RunTokens } from '../../../worker-kit/run-tokens';
import type { BackendSession } from './backend-session';
import { BatchCoalescer } from './batch-coalescer';
import type { KeptModels } from './kept-models';
import { yieldToEventLoop } from '../../../worker-kit/yield';
import { disposeModel } from '../compute/model/dispose-model';

/** The training worker's functions over what it holds: its runs, its backend and the trained models. */
export function createTrainApi(state: {
  runs: RunTokens;
  backend: BackendSession;
  kept: KeptModels;
}) {
  const { runs, kept } = state;
  const init = (choice?: BackendOptions) => state.backend.init(choice);

  async function train(
    request: TrainRequest,
    onProgress: (progress: TrainProgress) => void,
  ): Promise<TrainResult> {
    const { runId } = request;
    const token = runs.start(runId);
    try {
      const report = await state.backend.init(request.backend, request);
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
      const saveProblem = modelKey ? await kept.keep(modelKey, model) : null;
      if (!modelKey) disposeModel(model);
      const result: TrainResult = { ...trained, backend: report.backend, modelKey, saveProblem };
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
