import { proxy } from 'comlink';
import { comparedRows } from '../../../app/state/cell-definition';
import { readResult, setCellStatus } from '../../../app/state/notebook';
import { cellChanged } from '../../../app/state/runner';
import { seedStore } from '../../../app/state/seed';
import { dataWorkerApi, newRunId } from '../../../app/workers/data-client';
import { isCancelled } from '../../../lib/cancellation';
import type { RunId } from '../../../lib/ids';
import type { ComparisonRow } from '../../compare/contract';
import { batchPerFrame } from '../../../ui-kit/per-frame';
import { korenPreset } from '../compute/prize-presets';
import {
  PRIZE_MODEL_NAMES,
  PRIZE_PROTOCOL_NAMES,
  type PrizeModelOptions,
  type PrizeModelRowResult,
  type PrizeProgress,
  type PrizeProtocol,
} from '../contract';
import { prizeStore, type PrizeCellState } from './prize-store';

/** Each chosen model with Koren's preset at the chosen f, and the chosen epochs and seed. */
export function prizeModelOptions(): PrizeModelOptions[] {
  const { models, factors, epochs } = prizeStore.get().options;
  const seed = seedStore.get().seed;
  return models.map((kind) => ({ ...korenPreset(kind, factors), epochs, seed }));
}

let planned = 0;

/** Asks the data worker for the split and each model's memory (the split is built once per dataset/probe). */
export async function refreshPrizePlan(): Promise<void> {
  const data = readResult('data');
  if (!data) return;
  const mine = ++planned;
  try {
    const plan = await dataWorkerApi().planPrizeModels({
      datasetId: data.datasetId,
      probe: prizeStore.get().probe,
      models: prizeModelOptions(),
    });
    if (mine === planned) prizeStore.set({ plan, planError: null });
  } catch (error) {
    if (mine === planned) prizeStore.set({ plan: null, planError: (error as Error).message });
  }
}

export function setPrizeProbe(probe: File | null): void {
  prizeStore.set({ probe, plan: null, rows: [], curves: {} });
  void refreshPrizePlan();
}

function modelLabel(row: PrizeModelRowResult, factors: number): string {
  const name = PRIZE_MODEL_NAMES[row.model];
  return row.model === 'mf' || row.model === 'svdpp' || row.model === 'timesvdpp'
    ? `${name} (f = ${factors})`
    : name;
}

/** A Prize model's row in Compare, named with its protocol: its RMSE compares with the Prize's own figures. */
function comparisonRow(
  row: PrizeModelRowResult,
  protocol: PrizeProtocol,
  factors: number,
  heldOut: number,
): ComparisonRow {
  return {
    id: `prize-${row.model}`,
    model: modelLabel(row, factors),
    family: 'prize',
    protocol: PRIZE_PROTOCOL_NAMES[protocol],
    testRmse: row.heldOutRmse,
    testMae: Number.NaN,
    valRmse: null,
    params: row.params,
    trainingSeconds: row.seconds,
    backend: 'cpu (JavaScript)',
    epochs: row.epochs,
    testRatings: heldOut,
    recallAt10: row.ranking?.recall,
    ndcgAt10: row.ranking?.ndcg,
    coverageAt10: row.ranking?.coverage,
  };
}

function applyProgress(state: PrizeCellState, batch: PrizeProgress[]): Partial<PrizeCellState> {
  let { running, curves, rows, plan } = state;
  for (const progress of batch) {
    if (progress.kind === 'plan') plan = progress.plan;
    else if (progress.kind === 'model')
      running = running && {
        ...running,
        current: { model: progress.model, index: progress.index },
      };
    else if (progress.kind === 'epoch') {
      running = running && { ...running, last: progress };
      curves = {
        ...curves,
        [progress.model]: [...(curves[progress.model] ?? []), progress.heldOutRmse],
      };
    } else rows = [...rows.filter((r) => r.model !== progress.row.model), progress.row];
  }
  return { running, curves, rows, plan };
}

/** Share of the run done: finished models plus the current one's epochs. */
export function prizeFraction(state: PrizeCellState): number {
  const total = state.options.models.length;
  const { running } = state;
  if (!running || total === 0) return 0;
  const index = running.current?.index ?? 0;
  const last = running.last;
  const within = last && last.model === running.current?.model ? last.epoch / last.epochs : 0;
  return Math.min(1, (index + within) / total);
}

export async function runPrize(): Promise<void> {
  const data = readResult('data');
  if (!data) {
    setCellStatus('prize', { kind: 'error', message: 'Run the Data cell first.' });
    return;
  }
  const runId = newRunId<RunId>();
  const startedAt = performance.now();
  const { factors } = prizeStore.get().options;
  prizeStore.set({
    running: { runId, startedAt, current: null, last: null },
    curves: {},
    rows: [],
  });
  setCellStatus('prize', { kind: 'running', label: 'splitting', fraction: 0, startedAt });
  const onProgress = batchPerFrame((batch: PrizeProgress[]) => {
    const state = prizeStore.get();
    if (state.running?.runId !== runId) return;
    const next = applyProgress(state, batch);
    prizeStore.set(next);
    const current = next.running?.current;
    setCellStatus('prize', {
      kind: 'running',
      label: current ? PRIZE_MODEL_NAMES[current.model] : 'splitting',
      fraction: prizeFraction({ ...state, ...next }),
      startedAt,
    });
  });
  try {
    const { plan, rows } = await dataWorkerApi().trainPrizeModels(
      {
        datasetId: data.datasetId,
        runId,
        models: prizeModelOptions(),
        probe: prizeStore.get().probe,
        rankUsers: prizeStore.get().options.rankUsers,
        seed: seedStore.get().seed,
      },
      proxy(onProgress),
    );
    prizeStore.set({
      running: null,
      plan,
      rows,
      curves: Object.fromEntries(
        rows.map((row) => [
          row.model,
          // The mean has no epochs: one point, its RMSE.
          row.heldOutRmseByEpoch.length > 0 ? row.heldOutRmseByEpoch : [row.heldOutRmse],
        ]),
      ),
      compared: comparedRows(
        `prize-${data.datasetId}`,
        rows.map((row) => comparisonRow(row, plan.protocol, factors, plan.heldOutRatings)),
        PRIZE_PROTOCOL_NAMES[plan.protocol],
      ),
    });
    const best = rows.reduce<PrizeModelRowResult | null>(
      (a, b) => (!a || b.heldOutRmse < a.heldOutRmse ? b : a),
      null,
    );
    setCellStatus('prize', {
      kind: 'done',
      keyFigure: best
        ? `best ${PRIZE_MODEL_NAMES[best.model]}: ${plan?.protocol ?? ''} RMSE ${best.heldOutRmse.toFixed(4)}`
        : 'no models',
      ms: performance.now() - startedAt,
    });
    await cellChanged('prize');
  } catch (error) {
    prizeStore.set({ running: null });
    setCellStatus(
      'prize',
      isCancelled(error) ? { kind: 'idle' } : { kind: 'error', message: (error as Error).message },
    );
  }
}

export function cancelPrize(): void {
  const running = prizeStore.get().running;
  if (running) void dataWorkerApi().cancelRun(running.runId);
}
