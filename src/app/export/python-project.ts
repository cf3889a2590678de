import { zipSync, strToU8 } from 'fflate';
import { defaultExportParams } from '../../stages/export/compute/export-params';
import { exportPythonProject } from '../../stages/export/compute/export-python-project';
import { withLinkValues } from '../../stages/export/compute/with-link-values';
import type { ExportDataFile } from '../../stages/export/contract';
import type { LoadResult } from '../../stages/ingest/contract';
import { downloadBlob } from '../../ui-kit/download';
import { currentDataset } from '../dataset';
import { readAllParams } from '../state/param-bindings';
import { seedStore } from '../state/seed';

/** The bundled sample's ratings file, as the exported project will look for it beside its config. */
const SAMPLE_RATINGS = 'sample_ratings.txt.gz';

function dataFiles(dataset: LoadResult): ExportDataFile[] {
  if (dataset.source.kind === 'sample') return [{ path: SAMPLE_RATINGS, format: 'netflix' }];
  return dataset.report.files
    .filter((file) => !/titles|movies/i.test(file.format))
    .map((file) => {
      const layout = dataset.layouts?.[file.name];
      return layout
        ? { path: file.name, format: 'delimited' as const, layout }
        : { path: file.name, format: 'netflix' as const };
    });
}

/**
 * The notebook as a Python project (a zip): the same parameters and seed as this page, the loaders pointed at
 * the files' names (the person puts the files beside it, or edits config.json). Nothing is uploaded.
 */
export function downloadPythonProject(): void {
  const dataset = currentDataset();
  if (!dataset) return;
  const base = defaultExportParams(dataFiles(dataset), dataset.summary);
  const seed = seedStore.get().seed;
  const params = withLinkValues(
    { ...base, seed, baselines: { ...base.baselines, mf: { ...base.baselines.mf, seed } } },
    readAllParams(),
  );
  const files = exportPythonProject(params);
  const zip = zipSync(
    Object.fromEntries(files.map((file) => [`prize-lab/${file.path}`, strToU8(file.text)])),
  );
  downloadBlob(new Blob([zip], { type: 'application/zip' }), 'prize-lab-python.zip');
}
