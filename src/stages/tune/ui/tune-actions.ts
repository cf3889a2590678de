import { proxy, transfer } from 'comlink';
import { notebook, readResult, setCellStatus } from '../../../app/state/notebook';
import { batchPerFrame } from '../../../ui-kit/per-frame';
import { seedStore } from '../../../app/state/seed';
import { dataWorkerApi, newRunId } from '../../../app/workers/data-client';
import { noteBackend, onTrainWorker } from '../../../app/workers/train-client';
import { isCancelled } from '../../../lib/cancellation';
import type { RunId } from '../../../lib/ids';
import { createModelRun } from '../../../app/model-runs/model-run';
import { backendChoiceStore } from '../../../app/workers/backend-choice';
import { ratingRange } from '../../../app/model-runs/rating-range';
import { compactWindowsBuffers } from '../../windows/compute/compact-windows';
import { middleConfig } from '../compute/epoch-timer';
import { bestTrial, createTunerState } from '../compute/hyperband-state';
import { trialModelOptions } from '../compute/lstm-trial-runner';
import type { TuneProgress, TunerState } from '../contract';
import { tuneStore, type TuneCellState } from './tune-store';

function applyProgress(state: TuneCellState, batch: TuneProgress[]): Partial<TuneCellState> {
  let { curves, current, secondsPerEpoch, state: tuner } = state;
  for (const progress of batch) {
    if (progress.kind === 'backend') noteBackend(progress.report);
    else if (progress.kind === 'trial-started') {
      current = progress.trial;
      curves = { ...curves, [progress.trial.request.trialId]: { epochs: [], valLoss: [] } };
    } else if (progress.kind === 'trial-epoch') {
      const curve = curves[progress.trialId] ?? { epochs: [], valLoss: [] };
      curves = {
        ...curves,
        [progress.trialId]: {
          epochs: [...curve.epochs, progress.epoch + 1],
          valLoss: [...curve.valLoss, progress.valLoss],
        },
      };
      secondsPerEpoch = [...secondsPerEpoch, progress.seconds];
    } else if (progress.kind === 'trial-finished' && tuner) {
      tuner = {
        ...tuner,
        trials: [
          ...tuner.trials.filter((t) => t.trialId !== progress.trial.trialId),
          progress.trial,
        ],
      };
      current = null;
    } else if (progress.kind === 'search-ended') tuner = progress.state;
  }
  return { curves, current, secondsPerEpoch, state: tuner };
}

function keyFigure(state: TunerState): string {
  const best = bestTrial(state);
  return `${state.trials.length} trials${best ? `, best val loss ${best.valLoss?.toFixed(4)}` : ''}${state.end ? '' : ' (stopped)'}`;
}

/** Runs the search from `initial` until it ends or is stopped; the state it reaches is kept for a resume. */
async function runSearch(initial: TunerState): Promise<void> {
  const sequences = readResult('sequences');
  if (!sequences) {
    setCellStatus('tune', {
      kind: 'error',
      message: 'Run the Sequences cell first: trials train on its windows.',
    });
    return;
  }
  const runId = newRunId<RunId>();
  const startedAt = performance.now();
  tuneStore.set({ state: initial, running: { runId, startedAt }, current: null });
  setCellStatus('tune', { kind: 'running', label: 'starting', fraction: null, startedAt });
  const onProgress = batchPerFrame((batch: TuneProgress[]) => {
    if (tuneStore.get().running?.runId !== runId) return;
    const next = applyProgress(tuneStore.get(), batch);
    tuneStore.set(next);
    const trials = next.state?.trials.length ?? 0;
    setCellStatus('tune', {
      kind: 'running',
      label: next.current ? `trial ${next.current.number}` : `${trials} trials done`,
      fraction: null,
      startedAt,
    });
  });
  try {
    const copy = await dataWorkerApi().copyWindows(sequences.windowsId);
    const { fit } = tuneStore.get();
    const request = {
      runId,
      windows: copy.windows,
      state: initial,
      fit,
      ratingRange: ratingRange(),
      backend: { force: backendChoiceStore.get().force },
    };
    const final = await onTrainWorker((api) =>
      api.tune(transfer(request, compactWindowsBuffers(copy.windows)), proxy(onProgress)),
    );
    tuneStore.set({ state: final, running: null, current: null });
    setCellStatus('tune', {
      kind: 'done',
      keyFigure: keyFigure(final),
      ms: performance.now() - startedAt,
    });
  } catch (error) {
    const kept = tuneStore.get().state;
    tuneStore.set({ running: null, current: null });
    if (isCancelled(error) && kept)
      setCellStatus('tune', { kind: 'stale', keyFigure: keyFigure(kept) });
    else setCellStatus('tune', { kind: 'error', message: (error as Error).message });
  }
}

/** Times an epoch of a middle configuration on the Sequences cell's windows, for the estimate before a search. */
export async function measureTuneEpoch(): Promise<void> {
  const sequences = readResult('sequences');
  if (!sequences || tuneStore.get().timing === 'running') return;
  tuneStore.set({ timing: 'running' });
  try {
    const copy = await dataWorkerApi().copyWindows(sequences.windowsId);
    const { fit, space } = tuneStore.get();
    const request = {
      windows: copy.windows,
      batchSize: fit.batchSize,
      ratingRange: ratingRange(),
      seed: seedStore.get().seed,
      config: middleConfig(space),
      backend: { force: backendChoiceStore.get().force },
    };
    const timing = await onTrainWorker((api) =>
      api.measureTuneEpoch(transfer(request, compactWindowsBuffers(copy.windows))),
    );
    noteBackend(timing.backend);
    tuneStore.set({ epochTiming: timing, timing: null });
  } catch (error) {
    tuneStore.set({ timing: { error: (error as Error).message } });
  }
}

/** A new search with the cell's schedule and search space, seeded by the notebook's seed. */
export function startTuning(): Promise<void> {
  const { hyperband, space } = tuneStore.get();
  let state: TunerState;
  try {
    state = createTunerState({ ...hyperband, space, seed: seedStore.get().seed });
  } catch (error) {
    setCellStatus('tune', { kind: 'error', message: (error as Error).message });
    return Promise.resolve();
  }
  tuneStore.set({ curves: {}, secondsPerEpoch: [] });
  return runSearch(state);
}

/** Continues a stopped search where it left off (the interrupted trial runs again). */
export function resumeTuning(): Promise<void> {
  const state = tuneStore.get().state;
  return state && !state.end ? runSearch(state) : startTuning();
}

/** Stops after the current batch; finished trials are kept and the search can resume. */
export function stopTuning(): void {
  const running = tuneStore.get().running;
  if (running) void onTrainWorker((api) => api.stop(running.runId));
}

/** The best configuration found, trained in full (the LSTM cell's epochs and patience) as "LSTM (tuned)". */
export const tunedLstmRun = createModelRun({
  cell: 'tune',
  id: 'lstm-tuned',
  name: 'LSTM (tuned)',
  family: 'sequence',
  spec: () => {
    const best = tuneStore.get().state && bestTrial(tuneStore.get().state!);
    if (!best) throw new Error('No finished trial yet: tune first.');
    const { config } = best;
    return {
      kind: 'lstm',
      options: trialModelOptions(config, ratingRange(), seedStore.get().seed),
    };
  },
  fit: () => {
    const o = readResult('lstm');
    return {
      epochs: o.epochs,
      batchSize: tuneStore.get().fit.batchSize,
      patience: o.patience,
      seed: seedStore.get().seed,
    };
  },
});

/**
 * What running the Tune cell does (its Run button, Run all, a link): the search, resumed where it stopped,
 * then — when it has ended with a finished trial — the best configuration trained in full as "LSTM (tuned)",
 * so that Compare gets the tuned row whenever Tune is done.
 */
export async function tuneAndTrainBest(): Promise<void> {
  await resumeTuning();
  const state = tuneStore.get().state;
  if (notebook.get().tune.kind === 'done' && state?.end && bestTrial(state))
    await tunedLstmRun.run();
}
