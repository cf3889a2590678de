import { proxy } from 'comlink';
import { formatCount } from '../../../ui-kit/format';
import { readResult, notebook, setCellStatus } from '../../../app/state/notebook';
import { latestPerFrame } from '../../../ui-kit/per-frame';
import { cellChanged } from '../../../app/state/runner';
import { seedStore } from '../../../app/state/seed';
import { dataWorkerApi, newRunId } from '../../../app/workers/data-client';
import { isCancelled } from '../../../lib/cancellation';
import type { RunId } from '../../../lib/ids';
import type { ExploreOptions, ExploreProgress } from '../contract';
import { exploreStore } from './explore-store';

const STEP_LABELS: Record<ExploreProgress['step'], string> = {
  pca: 'PCA',
  'sparse-pca': 'sparse PCA',
  nmf: 'NMF',
};
const STEP_SPAN: Record<ExploreProgress['step'], [number, number]> = {
  pca: [0, 0.4],
  'sparse-pca': [0.4, 0.6],
  nmf: [0.6, 1],
};

export async function runExplore(): Promise<void> {
  const subset = readResult('subset');
  if (!subset) {
    setCellStatus('explore', {
      kind: 'error',
      message: 'Run the Subset cell first: Explore projects the subset’s movies.',
    });
    return;
  }
  cancelExplore();
  const runId = newRunId<RunId>();
  // The notebook's seed draws the sub-sample and starts the projections, so a link reproduces the plots.
  const options = { ...exploreStore.get().options, seed: seedStore.get().seed };
  const startedAt = performance.now();
  exploreStore.set({ running: { runId, progress: null } });
  setCellStatus('explore', {
    kind: 'running',
    label: 'building the matrix',
    fraction: null,
    startedAt,
  });
  const onProgress = latestPerFrame((progress: ExploreProgress) => {
    if (exploreStore.get().running?.runId !== runId) return;
    exploreStore.set({ running: { runId, progress } });
    const [from, to] = STEP_SPAN[progress.step];
    setCellStatus('explore', {
      kind: 'running',
      label: STEP_LABELS[progress.step],
      fraction: from + (to - from) * progress.fraction,
      startedAt,
    });
  });
  try {
    const result = await dataWorkerApi().exploreMatrix(
      { subsetId: subset.subsetId, runId, options },
      proxy(onProgress),
    );
    if (exploreStore.get().running?.runId !== runId) return; // replaced by a newer run
    exploreStore.set({ result, running: null });
    setCellStatus('explore', {
      kind: 'done',
      keyFigure: `${formatCount(result.rows)} movies, PC1+2 ${(
        (result.pca.explainedVarianceRatio[0] + result.pca.explainedVarianceRatio[1]) *
        100
      ).toFixed(1)}%`,
      ms: performance.now() - startedAt,
    });
    await cellChanged('explore');
  } catch (error) {
    if (exploreStore.get().running?.runId !== runId) return;
    exploreStore.set({ running: null });
    const cancelled = isCancelled(error);
    const previous = exploreStore.get().result;
    if (cancelled && previous) {
      setCellStatus('explore', { kind: 'stale', keyFigure: 'cancelled; showing the last result' });
    } else if (cancelled) {
      setCellStatus('explore', { kind: 'idle' });
    } else {
      setCellStatus('explore', { kind: 'error', message: (error as Error).message });
    }
  }
}

export function cancelExplore(): void {
  const running = exploreStore.get().running;
  if (running) void dataWorkerApi().cancelRun(running.runId);
}

export function setExploreOptions(options: ExploreOptions): void {
  exploreStore.set({ options });
  const status = notebook.get().explore;
  if (status.kind === 'done')
    setCellStatus('explore', { kind: 'stale', keyFigure: status.keyFigure });
}

// Explore follows the Subset cell: on the report's sub-sample of 20,000 ratings it takes about a second.
