import { proxy } from 'comlink';
import { comparedRows } from '../../../app/state/cell-definition';
import { readResult, setCellStatus } from '../../../app/state/notebook';
import { batchPerFrame } from '../../../ui-kit/per-frame';
import { cellChanged } from '../../../app/state/runner';
import { seedStore } from '../../../app/state/seed';
import { dataWorkerApi, newRunId } from '../../../app/workers/data-client';
import type { RunId } from '../../../lib/ids';
import type { ComparisonRow } from '../../compare/contract';
import { RATING_MODEL_NAMES, type BaselinesProgress, type RatingModelReport } from '../contract';
import { baselinesStore, type BaselinesCellState } from './baselines-store';

function applyProgress(
  state: BaselinesCellState,
  batch: BaselinesProgress[],
): Partial<BaselinesCellState> {
  let { curves, reports, running } = state;
  for (const progress of batch) {
    if (progress.kind === 'model') running = running && { ...running, current: progress.model };
    else if (progress.kind === 'report') reports = [...reports, progress.report];
    else {
      const curve = curves[progress.model] ?? { train: [], validation: [] };
      curves = {
        ...curves,
        [progress.model]: {
          train: [...curve.train, progress.trainRmse],
          validation: [...curve.validation, progress.valRmse],
        },
      };
    }
  }
  return { curves, reports, running };
}

function comparisonRow(report: RatingModelReport): ComparisonRow {
  return {
    id: report.model,
    model: RATING_MODEL_NAMES[report.model],
    family: 'rating',
    testRmse: report.testRmse,
    testMae: report.testMae,
    valRmse: report.valRmse,
    params: report.params,
    trainingSeconds: report.trainMs / 1000,
    backend: 'cpu (JavaScript)',
    epochs: report.epochs,
    testRatings: report.testRatings,
    ...(report.ranking && {
      recallAt10: report.ranking.recall,
      ndcgAt10: report.ranking.ndcg,
      coverageAt10: report.ranking.coverage,
    }),
  };
}

/** Adds the run's rows to those of earlier runs on the same split (a model's new row replaces its old one). */
function addToComparison(windowsId: string, reports: RatingModelReport[]): void {
  const before = baselinesStore.get().compared;
  const ids = new Set(reports.map((r) => r.model as string));
  const kept = before?.windowsId === windowsId ? before.rows.filter((r) => !ids.has(r.id)) : [];
  baselinesStore.set({
    compared: comparedRows(windowsId, [...kept, ...reports.map(comparisonRow)]),
  });
}

export async function runBaselines(): Promise<void> {
  const sequences = readResult('sequences');
  if (!sequences) {
    setCellStatus('baselines', {
      kind: 'error',
      message: 'Run the Sequences cell first: the baselines use its split.',
    });
    return;
  }
  const { models, settings } = baselinesStore.get();
  const runId = newRunId<RunId>();
  const startedAt = performance.now();
  baselinesStore.set({ running: { runId, current: null }, curves: {}, reports: [] });
  setCellStatus('baselines', { kind: 'running', label: 'starting', fraction: 0, startedAt });
  const onProgress = batchPerFrame((batch: BaselinesProgress[]) => {
    const state = baselinesStore.get();
    if (state.running?.runId !== runId) return;
    const next = applyProgress(state, batch);
    baselinesStore.set(next);
    setCellStatus('baselines', {
      kind: 'running',
      label: next.running?.current ? RATING_MODEL_NAMES[next.running.current] : 'starting',
      fraction: (next.reports?.length ?? 0) / models.length,
      startedAt,
    });
  });
  try {
    const reports = await dataWorkerApi().trainBaselines(
      {
        windowsId: sequences.windowsId,
        runId,
        models,
        settings: { ...settings, mf: { ...settings.mf, seed: seedStore.get().seed } },
      },
      proxy(onProgress),
    );
    baselinesStore.set({ running: null, reports });
    addToComparison(sequences.windowsId, reports);
    const best = reports.reduce<RatingModelReport | null>(
      (a, b) => (!a || b.testRmse < a.testRmse ? b : a),
      null,
    );
    setCellStatus('baselines', {
      kind: 'done',
      keyFigure: best
        ? `best ${RATING_MODEL_NAMES[best.model]}: test RMSE ${best.testRmse.toFixed(4)}`
        : 'no models',
      ms: performance.now() - startedAt,
    });
    await cellChanged('baselines');
  } catch (error) {
    baselinesStore.set({ running: null });
    setCellStatus('baselines', { kind: 'error', message: (error as Error).message });
  }
}

export function cancelBaselines(): void {
  const running = baselinesStore.get().running;
  if (running) void dataWorkerApi().cancelRun(running.runId);
}
