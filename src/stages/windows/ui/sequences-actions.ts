import { formatCount } from '../../../ui-kit/format';
import { readResult, setCellStatus } from '../../../app/state/notebook';
import { cellChanged } from '../../../app/state/runner';
import { seedStore } from '../../../app/state/seed';
import { dataWorkerApi, newRunId } from '../../../app/workers/data-client';
import type { RunId } from '../../../lib/ids';
import type { SequenceOptions } from '../contract';
import { sequencesStore } from './sequences-store';

export async function runSequences(): Promise<void> {
  const subset = readResult('subset');
  const chosen = readResult('cluster');
  if (!subset || !chosen || chosen.ref.subsetId !== subset.subsetId) {
    setCellStatus('sequences', {
      kind: 'error',
      message:
        'Run the Cluster cell first and choose k: each window step shows its movie’s cluster.',
    });
    return;
  }
  const startedAt = performance.now();
  sequencesStore.set({ building: true });
  setCellStatus('sequences', {
    kind: 'running',
    label: 'building windows',
    fraction: null,
    startedAt,
  });
  try {
    const result = await dataWorkerApi().buildSequences({
      subsetId: subset.subsetId,
      options: sequencesStore.get().options,
      seed: seedStore.get().seed,
      runId: newRunId<RunId>(),
    });
    sequencesStore.set({ result, building: false });
    const { train, validation, test } = result.windowCounts;
    setCellStatus('sequences', {
      kind: 'done',
      keyFigure: `${formatCount(train + validation + test)} windows`,
      ms: performance.now() - startedAt,
    });
    await cellChanged('sequences');
  } catch (error) {
    sequencesStore.set({ building: false });
    setCellStatus('sequences', { kind: 'error', message: (error as Error).message });
  }
}

export function setSequenceOptions(options: SequenceOptions): void {
  sequencesStore.set({ options });
}

// Building windows takes about a second on the sample, so the cell follows a newly chosen clustering.
