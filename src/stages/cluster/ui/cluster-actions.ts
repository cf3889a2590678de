import { proxy } from 'comlink';
import { readResult, notebook, setCellStatus } from '../../../app/state/notebook';
import { batchPerFrame } from '../../../ui-kit/per-frame';
import { cellChanged } from '../../../app/state/runner';
import { seedStore } from '../../../app/state/seed';
import { dataWorkerApi, newRunId } from '../../../app/workers/data-client';
import { isCancelled } from '../../../lib/cancellation';
import type { RunId } from '../../../lib/ids';
import type { ClusterOptions, ClusterProgress, ClusterSweepResult, SweepPoint } from '../contract';
import { fitKRange, type FittedKRange } from '../compute/k-range';
import { clusterStore, REPORT_K, type SweepInProgress } from './cluster-store';

/** The part of the progress bar the PCA step takes; the ks share the rest. */
const FEATURES_SHARE = 0.15;

export function sweepFraction(running: SweepInProgress): number {
  return (
    FEATURES_SHARE * running.featuresFraction +
    (1 - FEATURES_SHARE) * (running.points.length / running.total)
  );
}

/**
 * One store update per animation frame: finished ks are increments and are all kept; of the feature step's
 * fractions only the latest matters.
 */
function progressBatcher(apply: (points: SweepPoint[], featuresFraction: number | null) => void) {
  return batchPerFrame((batch: ClusterProgress[]) => {
    const points = batch.flatMap((p) => (p.kind === 'k' ? [p.point] : []));
    const fractions = batch.flatMap((p) => (p.kind === 'k' ? [] : [p.fraction]));
    apply(points, fractions.length > 0 ? fractions[fractions.length - 1] : null);
  });
}

function keyFigure(result: ClusterSweepResult, k: number | null): string {
  const suggested = result.suggestedK !== null ? `best silhouette k = ${result.suggestedK}` : '';
  return [k !== null ? `k = ${k}` : '', suggested].filter(Boolean).join(', ');
}

export async function runCluster(): Promise<void> {
  const subset = readResult('subset');
  if (!subset) {
    setCellStatus('cluster', {
      kind: 'error',
      message: 'Run the Subset cell first: Cluster groups the subset’s movies.',
    });
    return;
  }
  cancelCluster();
  const asked = clusterStore.get().options;
  let range: FittedKRange;
  try {
    range = fitKRange(asked.kMin, asked.kMax, subset.stats.movies);
  } catch (error) {
    setCellStatus('cluster', { kind: 'error', message: (error as Error).message });
    return;
  }
  // The notebook's seed starts k-means++, so a share link reproduces the sweep.
  const options = {
    ...asked,
    kMin: range.kMin,
    kMax: range.kMax,
    seed: seedStore.get().seed,
  };
  clusterStore.set({ rangeNote: range.note });
  const runId = newRunId<RunId>();
  const startedAt = performance.now();
  const total = options.kMax - options.kMin + 1;
  clusterStore.set({
    running: {
      runId,
      subsetId: subset.subsetId,
      startedAt,
      total,
      featuresFraction: 0,
      points: [],
    },
  });
  setCellStatus('cluster', { kind: 'running', label: 'PCA', fraction: 0, startedAt });
  const onProgress = progressBatcher((points, featuresFraction) => {
    const running = clusterStore.get().running;
    if (running?.runId !== runId) return;
    const next = {
      ...running,
      points: points.length > 0 ? [...running.points, ...points] : running.points,
      featuresFraction: featuresFraction ?? running.featuresFraction,
    };
    clusterStore.set({ running: next });
    const done = next.points.length;
    setCellStatus('cluster', {
      kind: 'running',
      label: done > 0 ? `k = ${next.points[done - 1].k} (${done} of ${total})` : 'PCA',
      fraction: sweepFraction(next),
      startedAt,
    });
  });
  try {
    const result = await dataWorkerApi().clusterSweep(
      { subsetId: subset.subsetId, runId, options },
      proxy(onProgress),
    );
    if (clusterStore.get().running?.runId !== runId) return;
    clusterStore.set({ result, running: null, chosen: null });
    const ks = result.points.map((p) => p.k);
    const wanted = clusterStore.get().preferredK ?? REPORT_K;
    const k = ks.includes(wanted) ? wanted : (result.suggestedK ?? ks[0]);
    await chooseK(k, performance.now() - startedAt);
  } catch (error) {
    if (clusterStore.get().running?.runId !== runId) return;
    clusterStore.set({ running: null });
    const { result, chosen } = clusterStore.get();
    if (isCancelled(error)) {
      setCellStatus(
        'cluster',
        result
          ? { kind: 'stale', keyFigure: `cancelled; ${keyFigure(result, chosen?.ref.k ?? null)}` }
          : { kind: 'idle' },
      );
    } else {
      setCellStatus('cluster', { kind: 'error', message: (error as Error).message });
    }
  }
}

/** Makes k the clustering later stages use, and shows its table. */
export async function chooseK(k: number, ms = 0): Promise<void> {
  const { result } = clusterStore.get();
  if (!result) return;
  clusterStore.set({ choosing: k, preferredK: k });
  try {
    const chosen = await dataWorkerApi().chooseClusterK({
      subsetId: result.subsetId,
      runId: result.runId,
      k,
    });
    if (clusterStore.get().result?.runId !== result.runId) return;
    clusterStore.set({ chosen, choosing: null });
    const status = notebook.get().cluster;
    setCellStatus('cluster', {
      kind: 'done',
      keyFigure: keyFigure(result, k),
      ms: ms || (status.kind === 'done' ? status.ms : result.ms),
    });
    await cellChanged('cluster');
  } catch (error) {
    clusterStore.set({ choosing: null });
    setCellStatus('cluster', { kind: 'error', message: (error as Error).message });
  }
}

export function cancelCluster(): void {
  const running = clusterStore.get().running;
  if (running) void dataWorkerApi().cancelRun(running.runId);
}

export function setClusterOptions(options: ClusterOptions): void {
  clusterStore.set({ options });
  const status = notebook.get().cluster;
  if (status.kind === 'done')
    setCellStatus('cluster', { kind: 'stale', keyFigure: status.keyFigure });
}

// A sweep takes seconds to minutes, so the cell waits for its Run button rather than following Subset.
