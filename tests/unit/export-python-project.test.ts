/** The exported project's files: generated from the stages' parameter tables, and valid as written. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MF_OPTIONS } from '../../src/stages/baselines/compute/biased-mf';
import { DEFAULT_CLUSTER_OPTIONS } from '../../src/stages/cluster/compute/cluster-movies';
import { defaultExportParams, encodedCatalog } from '../../src/stages/export/compute/export-params';
import { exportPythonProject } from '../../src/stages/export/compute/export-python-project';
import { PYTHON_SOURCES } from '../../src/stages/export/compute/python-sources';
import { PARAM_CATALOG } from '../../src/stages/notebook/compute/param-catalog';
import {
  DEFAULT_DENSE_CELL_OPTIONS,
  DEFAULT_LSTM_CELL_OPTIONS,
} from '../../src/stages/train/compute/cell-defaults';
import { DEFAULT_SEQUENCE_OPTIONS } from '../../src/stages/windows/compute/sequence-options';
import { readPythonFiles } from '../../scripts/export/python-files';

const files = [{ path: 'combined_data_1.txt', format: 'netflix' as const }];
const defaults = defaultExportParams(files, { users: 480_189, movies: 17_770 });

function fileText(name: string, params = defaults): string {
  const file = exportPythonProject(params).find((f) => f.path === name);
  if (!file) throw new Error(`no ${name}`);
  return file.text;
}

describe('exportPythonProject', () => {
  it('carries the Python sources as they are in src/stages/export/python (run embed-python after edits)', () => {
    expect(PYTHON_SOURCES).toEqual(readPythonFiles());
  });

  it('writes the README, requirements, config, notebook, run.py and the package', () => {
    const paths = exportPythonProject(defaults).map((f) => f.path);
    for (const path of ['README.md', 'requirements.txt', 'config.json', 'notebook.ipynb', 'run.py'])
      expect(paths).toContain(path);
    expect(paths.filter((p) => p.startsWith('prizelab/')).length).toBeGreaterThanOrEqual(10);
  });

  it("takes its defaults from the stages' tables: the report's subset, k-range, window, models", () => {
    const config = JSON.parse(fileText('config.json')) as Record<string, Record<string, unknown>>;
    expect(config.subset).toEqual({ users: 10_000, movies: 2_000 });
    expect(config.cluster.kMin).toBe(DEFAULT_CLUSTER_OPTIONS.kMin);
    expect(config.cluster.kMax).toBe(DEFAULT_CLUSTER_OPTIONS.kMax);
    expect(config.sequences).toEqual(DEFAULT_SEQUENCE_OPTIONS);
    expect(config.lstm).toEqual(DEFAULT_LSTM_CELL_OPTIONS);
    expect(config.dense).toEqual(DEFAULT_DENSE_CELL_OPTIONS);
    expect((config.baselines as { mf: unknown }).mf).toEqual({ ...DEFAULT_MF_OPTIONS, seed: 7 });
  });

  it('writes every share-link parameter under its catalog key, and the README lists them', () => {
    const config = JSON.parse(fileText('config.json')) as { params: Record<string, string> };
    expect(Object.keys(config.params).sort()).toEqual(PARAM_CATALOG.map((s) => s.key).sort());
    expect(config.params['lstm.units']).toBe('228');
    expect(config.params['sequences.cap']).toBe('0');
    const readme = fileText('README.md');
    for (const spec of PARAM_CATALOG) expect(readme).toContain(`\`${spec.key}\``);
  });

  it('refuses a value the page would refuse, naming it', () => {
    const bad = { ...defaults, lstm: { ...defaults.lstm, units: 0 } };
    expect(() => encodedCatalog(bad)).toThrow(/LSTM: units \(lstm\.units\): 0 is outside 1–1024/);
    expect(() => exportPythonProject(bad)).toThrow(RangeError);
  });

  it('writes a notebook in nbformat 4 whose code cells use the package', () => {
    const notebook = JSON.parse(fileText('notebook.ipynb')) as {
      nbformat: number;
      cells: { cell_type: string; source: string[] }[];
    };
    expect(notebook.nbformat).toBe(4);
    const code = notebook.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
    expect(code.length).toBeGreaterThanOrEqual(5);
    expect(code[0]).toContain('from prizelab.pipeline import Prepared, load_config');
    expect(
      notebook.cells.every((c) =>
        c.source.every((line, i, all) => i === all.length - 1 || line.endsWith('\n')),
      ),
    ).toBe(true);
  });
});
