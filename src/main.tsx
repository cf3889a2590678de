import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { NOTEBOOK_CELLS } from './app/cells';
import { installNotebook } from './app/state/notebook';
import './app/styles.css';

installNotebook(NOTEBOOK_CELLS);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
