import { useEffect } from 'react';
import { NOTEBOOK_CELLS } from './cells';
import { CellBoundary } from './components/CellBoundary';
import { NotebookNotices } from './components/NotebookNotices';
import { StatusBar } from './components/StatusBar';
import { StoragePanel } from './components/StoragePanel';
import { Toolbar } from './components/Toolbar';
import { useNotebookKeyboard } from './keyboard';
import { openNotebook } from './state/open-notebook';
import { QUICK_TOUR_HASH } from './state/quick-tour';
import './shell.css';

/** Opens the notebook from the link once per page: its parameters, its data, the cells it names. */
function useOpenNotebook(): void {
  useEffect(() => {
    void openNotebook();
  }, []);
}

export function App() {
  useOpenNotebook();
  useNotebookKeyboard();
  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>Prize Lab</h1>
          <p className="tagline">
            How recommenders are built and how they compare, on Netflix Prize data, live in your
            browser. Your data never leaves this tab.
          </p>
          <p className="tagline">
            New here? Take the{' '}
            <a href={QUICK_TOUR_HASH} data-testid="quick-tour">
              quick tour
            </a>
            : every cell runs on the sample with small budgets, in a few minutes. The default
            parameters are the study’s and take longer.
          </p>
        </div>
        <StatusBar />
      </header>
      <Toolbar />
      <NotebookNotices />
      <StoragePanel />
      <main className="notebook">
        {NOTEBOOK_CELLS.map(({ id, title, Component }) => (
          <CellBoundary key={id} title={title}>
            <Component />
          </CellBoundary>
        ))}
      </main>
    </div>
  );
}
