import { useState, type ReactNode } from 'react';
import { formatDuration } from '../../ui-kit/format';
import { cellTitle, notebook, type CellId, type CellStatus } from '../state/notebook';
import { longRunStore } from '../state/long-run';
import { runCells } from '../state/runner';
import { roughDuration } from '../../stages/train/compute/training-cost';
import { useStore } from '../../ui-kit/store';

function statusText(status: CellStatus): string {
  switch (status.kind) {
    case 'idle':
      return 'not run';
    case 'running':
      return status.fraction === null
        ? 'running…'
        : `running ${Math.round(status.fraction * 100)}%`;
    case 'done':
      return `${status.keyFigure} · ${formatDuration(status.ms)}`;
    case 'stale':
      return `stale · ${status.keyFigure}`;
    case 'error':
      return 'error';
  }
}

export interface CellProps {
  id: CellId;
  /** One sentence under the title: what this step of the study does. */
  intro: ReactNode;
  /** Runs the cell; absent for cells that run on their own. */
  onRun?: () => void;
  runLabel?: string;
  children: ReactNode;
}

/**
 * A notebook cell: a header with the cell's status and its run buttons, and output that can be folded away.
 * The section takes keyboard focus (see keyboard.ts) but is not a tab stop of its own.
 */
export function Cell({ id, intro, onRun, runLabel = 'Run', children }: CellProps) {
  const status = useStore(notebook, (state) => state[id]);
  const pending = useStore(longRunStore, (state) => state.pending);
  const [open, setOpen] = useState(true);
  const title = cellTitle(id);
  return (
    <section
      className={`cell cell-${status.kind}`}
      aria-labelledby={`cell-${id}-title`}
      data-cell={id}
      data-status={status.kind}
      tabIndex={-1}
    >
      <header className="cell-header">
        <button
          type="button"
          className="cell-fold"
          aria-expanded={open}
          aria-controls={`cell-${id}-body`}
          onClick={() => setOpen(!open)}
          title={open ? 'Fold the output' : 'Show the output'}
        >
          {open ? '▾' : '▸'}
        </button>
        <h2 id={`cell-${id}-title`}>{title}</h2>
        <span className={`cell-status status-${status.kind}`} data-testid={`status-${id}`}>
          {statusText(status)}
        </span>
        <span className="cell-actions">
          {onRun && (
            <button
              type="button"
              className="run"
              onClick={onRun}
              disabled={status.kind === 'running'}
              title="Run this cell (Ctrl+Enter)"
            >
              {runLabel}
            </button>
          )}
          <button
            type="button"
            className="run-from"
            onClick={() => void runCells({ from: id, force: true })}
            disabled={status.kind === 'running'}
            title="Run this cell, then every later cell that is not up to date"
          >
            Run from here
          </button>
        </span>
      </header>
      <div id={`cell-${id}-body`} className="cell-body" hidden={!open}>
        <p className="cell-intro">{intro}</p>
        {status.kind === 'error' && (
          <div className="error-box" role="alert">
            <p>{status.message}</p>
          </div>
        )}
        {pending?.id === id && (
          <div className="notice" role="alertdialog" aria-label="Start a long run?">
            <p>
              This run will take {roughDuration(pending.seconds)} on a 2-core laptop CPU with these
              options (every epoch; early stopping usually ends sooner). Start it?
            </p>
            <button type="button" className="primary" onClick={() => pending.answer(true)}>
              Start it
            </button>{' '}
            <button type="button" onClick={() => pending.answer(false)}>
              Not now
            </button>
          </div>
        )}
        {status.kind === 'stale' && (
          <p className="stale-note" role="status">
            Stale: a parameter or an input changed since this ran. Run it again to bring it up to
            date.
          </p>
        )}
        {children}
      </div>
    </section>
  );
}
