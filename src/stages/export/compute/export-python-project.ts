import type { ExportedFile, PythonExportParams } from '../contract';
import { notebookIpynb } from './notebook-ipynb';
import { projectConfig } from './project-config';
import { projectReadme } from './project-readme';
import { PYTHON_SOURCES } from './python-sources';

/** The pip requirements of the exported project (the versions of Debian 12, which the tests use). */
const REQUIREMENTS = `torch>=1.13
scikit-learn>=1.2
numpy>=1.24
scipy>=1.8
# only for \`python run.py tune\`
optuna>=3.0
`;

/**
 * The files of a Python project that re-runs the notebook with `params`: README.md, requirements.txt,
 * config.json (the parameters), run.py and the `prizelab/` package, and notebook.ipynb. Throws a RangeError
 * naming any parameter the page itself would refuse.
 */
export function exportPythonProject(params: PythonExportParams): ExportedFile[] {
  return [
    { path: 'README.md', text: projectReadme(params) },
    { path: 'requirements.txt', text: REQUIREMENTS },
    { path: 'config.json', text: `${JSON.stringify(projectConfig(params), null, 2)}\n` },
    { path: 'notebook.ipynb', text: notebookIpynb(params) },
    ...PYTHON_SOURCES.map((file) => ({ path: file.path, text: file.text })),
  ];
}
