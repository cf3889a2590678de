import type { PythonExportParams } from '../contract';
import { encodedCatalog } from './export-params';

/**
 * config.json of the exported project: the parameters grouped by cell, as the Python code reads them, and
 * the same values under the share links' catalog keys (`params`), for a person to check against the page.
 */
export function projectConfig(p: PythonExportParams): Record<string, unknown> {
  const params = encodedCatalog(p);
  return {
    generatedBy: 'Prize Lab (export as a Python project)',
    seed: p.seed,
    data: { files: p.files },
    subset: p.subset,
    explore: p.explore,
    cluster: p.cluster,
    sequences: p.sequences,
    lstm: p.lstm,
    dense: p.dense,
    baselines: p.baselines,
    tune: p.tune,
    models: p.models,
    params,
  };
}
