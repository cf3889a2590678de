import { formatCount, formatPercent } from '../../../ui-kit/format';
import { readResult, setCellStatus } from '../../../app/state/notebook';
import { cellChanged } from '../../../app/state/runner';
import { dataWorkerApi } from '../../../app/workers/data-client';
import { defaultSubsetOptions } from '../compute/top-subset';
import type { SubsetOptions } from '../contract';
import { subsetStore } from './subset-store';

/** The options the cell shows and runs with: the person's, or defaults that adapt to the dataset. */
export function effectiveSubsetOptions(): SubsetOptions | null {
  const loaded = readResult('data');
  if (!loaded) return null;
  return (
    subsetStore.get().options ?? defaultSubsetOptions(loaded.summary.users, loaded.summary.movies)
  );
}

export async function runSubset(): Promise<void> {
  const loaded = readResult('data');
  const options = effectiveSubsetOptions();
  if (!loaded || !options) {
    setCellStatus('subset', {
      kind: 'error',
      message: 'Run the Data cell first: there are no ratings to cut a subset from.',
    });
    return;
  }
  const startedAt = performance.now();
  setCellStatus('subset', {
    kind: 'running',
    label: 'selecting the top users and movies',
    fraction: null,
    startedAt,
  });
  try {
    const result = await dataWorkerApi().makeSubset({ datasetId: loaded.datasetId, options });
    subsetStore.set({ result });
    setCellStatus('subset', {
      kind: 'done',
      keyFigure: `${formatCount(result.stats.ratings)} ratings (${formatPercent(result.stats.share)})`,
      ms: performance.now() - startedAt,
    });
    await cellChanged('subset');
  } catch (error) {
    setCellStatus('subset', { kind: 'error', message: (error as Error).message });
  }
}

export function setSubsetOptions(options: SubsetOptions | null): void {
  subsetStore.set({ options });
}
