/**
 * One model cell's training run on the training worker (the LSTM and the Dense cells share it): copy the
 * windows out of the data worker, train, stream the curves into a store, and add the result to Compare.
 */
import { proxy, transfer } from 'comlink';
import { formatCount } from '../../ui-kit/format';
import { comparedRows, type ComparedRows } from '../state/cell-definition';
import { notebook, readResult, setCellStatus, type CellId } from '../state/notebook';
import { batchPerFrame } from '../../ui-kit/per-frame';
import { cellChanged } from '../state/runner';
import { createStore } from '../../ui-kit/store';
import { storageStore } from '../storage/storage-store';
import { dataWorkerApi, newRunId } from '../workers/data-client';
import { noteBackend, onTrainWorker, terminateTrainWorker } from '../workers/train-client';
import { isCancelled } from '../../lib/cancellation';
import type { RunId } from '../../lib/ids';
import { compactWindowsBuffers } from '../../stages/windows/compute/compact-windows';
import type {
  EpochLog,
  ModelSpec,
  TrainFitOptions,
  TrainProgress,
  TrainResult,
} from '../../stages/train/contract';
import { backendChoiceStore } from '../workers/backend-choice';

export interface RunningModel {
  runId: RunId;
  startedAt: number;
  phase: string;
  maxEpochs: number;
  epochs: EpochLog[];
  /** Every batch loss so far, in order (the live per-batch curve). */
  batchLosses: number[];
  batchesPerEpoch: number;
  /** Index of the epoch in progress. */
  epoch: number;
  samplesPerSecond: number;
  stopping: boolean;
}

export interface FinishedModel {
  result: TrainResult;
  epochs: EpochLog[];
  batchLosses: number[];
  windowsId: string;
}

export interface ModelRunState {
  running: RunningModel | null;
  finished: FinishedModel | null;
  /** The trained model's row for Compare (kept when a later run ends without a test score). */
  compared: ComparedRows | null;
}

export interface ModelRunConfig {
  cell: CellId;
  /** Row id in Compare and the key the trained model is kept under. */
  id: string;
  name: string;
  family: 'sequence' | 'embedding';
  spec: () => ModelSpec;
  fit: () => TrainFitOptions;
}

/** Applies a frame's progress messages to the running state (increments only: nothing is re-sent). */
function applyProgress(running: RunningModel, batch: TrainProgress[]): RunningModel {
  let next = running;
  for (const progress of batch) {
    if (progress.kind === 'backend') noteBackend(progress.report);
    else if (progress.kind === 'phase') next = { ...next, phase: progress.phase };
    else if (progress.kind === 'batches')
      next = {
        ...next,
        batchLosses: [...next.batchLosses, ...progress.losses],
        batchesPerEpoch: progress.batchesPerEpoch,
        epoch: progress.epoch,
        samplesPerSecond: progress.samplesPerSecond,
      };
    else next = { ...next, epochs: [...next.epochs, progress], epoch: progress.epoch + 1 };
  }
  return next;
}

export function createModelRun(config: ModelRunConfig) {
  const store = createStore<ModelRunState>({ running: null, finished: null, compared: null });

  async function run(): Promise<void> {
    const sequences = readResult('sequences');
    if (!sequences) {
      setCellStatus(config.cell, {
        kind: 'error',
        message: 'Run the Sequences cell first: models train on its split.',
      });
      return;
    }
    const runId = newRunId<RunId>();
    const fit = config.fit();
    const startedAt = performance.now();
    store.set({
      running: {
        runId,
        startedAt,
        phase: 'copying windows',
        maxEpochs: fit.epochs,
        epochs: [],
        batchLosses: [],
        batchesPerEpoch: 0,
        epoch: 0,
        samplesPerSecond: 0,
        stopping: false,
      },
    });
    setCellStatus(config.cell, { kind: 'running', label: 'starting', fraction: null, startedAt });
    const onProgress = batchPerFrame((batch: TrainProgress[]) => {
      const running = store.get().running;
      if (running?.runId !== runId) return;
      const next = applyProgress(running, batch);
      store.set({ running: next });
      const done =
        next.epoch +
        (next.batchesPerEpoch
          ? (next.batchLosses.length % next.batchesPerEpoch) / next.batchesPerEpoch
          : 0);
      // Progress never goes back: an epoch's last batch can be shorter than the others.
      const before = notebook.get()[config.cell];
      const shown = before.kind === 'running' ? (before.fraction ?? 0) : 0;
      setCellStatus(config.cell, {
        kind: 'running',
        label: next.phase === 'training' ? `epoch ${next.epoch + 1}` : next.phase,
        fraction: Math.max(shown, Math.min(1, done / next.maxEpochs)),
        startedAt,
      });
    });
    try {
      const copy = await dataWorkerApi().copyWindows(sequences.windowsId);
      const request = {
        runId,
        windows: copy.windows,
        space: { users: copy.users, movies: copy.movies },
        model: config.spec(),
        fit,
        backend: { force: backendChoiceStore.get().force },
        keepAs: config.id,
      };
      const result = await onTrainWorker((api) =>
        api.train(transfer(request, compactWindowsBuffers(copy.windows)), proxy(onProgress)),
      );
      // The model trained, but the browser would not keep it: say so where storage speaks.
      if (result.saveProblem) storageStore.set({ error: result.saveProblem, message: null });
      const running = store.get().running;
      store.set({
        running: null,
        finished: {
          result,
          epochs: running?.epochs ?? [],
          batchLosses: running?.batchLosses ?? [],
          windowsId: sequences.windowsId,
        },
      });
      if (result.test)
        store.set({
          compared: comparedRows(sequences.windowsId, [
            {
              id: config.id,
              model: config.name,
              family: config.family,
              testRmse: result.test.rmse,
              testMae: result.test.mae,
              valRmse: result.validation?.rmse ?? null,
              params: result.params.trainable,
              trainingSeconds: result.trainingSeconds,
              backend: result.backend,
              epochs: result.epochsRun,
              testRatings: result.test.labels.length,
            },
          ]),
        });
      setCellStatus(config.cell, {
        kind: 'done',
        keyFigure: result.test
          ? `test RMSE ${result.test.rmse.toFixed(4)}, ${formatCount(result.params.trainable)} parameters`
          : `${result.epochsRun} epochs`,
        ms: performance.now() - startedAt,
      });
      await cellChanged(config.cell);
    } catch (error) {
      if (store.get().running?.runId === runId) store.set({ running: null });
      setCellStatus(
        config.cell,
        isCancelled(error)
          ? { kind: 'idle' }
          : { kind: 'error', message: (error as Error).message },
      );
    }
  }

  /** Finishes the current batch, keeps the best weights so far, and reports the model as trained. */
  function stop(): void {
    const running = store.get().running;
    if (!running) return;
    store.set({ running: { ...running, stopping: true } });
    void onTrainWorker((api) => api.stop(running.runId));
  }

  /** Ends the training worker at once: nothing of this run is kept. */
  function cancel(): void {
    store.set({ running: null });
    terminateTrainWorker();
  }

  return { store, run, stop, cancel };
}

export type ModelRun = ReturnType<typeof createModelRun>;
