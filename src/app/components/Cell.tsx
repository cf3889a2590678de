import { useState, type ReactNode } from 'react';
import { formatDuration } from '../format';
import { CELL_TITLES, notebook, type CellId, type CellStatus } from '../state/notebook';
import { useStore } from '../state/store';

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

/** A notebook cell: a header with the cell's status, and output that can be folded away. */
export function Cell({ id, intro, onRun, runLabel = 'Run', children }: CellProps) {
  const status = useStore(notebook, (state) => state[id]);
  const [open, setOpen] = useState(true);
  const title = CELL_TITLES[id];
  return (
    <section
      className={`cell cell-${status.kind}`}
      aria-labelledby={`cell-${id}-title`}
      data-cell={id}
      data-status={status.kind}
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
        {onRun && (
          <button
            type="button"
            className="run"
            onClick={onRun}
            disabled={status.kind === 'running'}
          >
            {runLabel}
          </button>
        )}
      </header>
      <div id={`cell-${id}-body`} className="cell-body" hidden={!open}>
        <p className="cell-intro">{intro}</p>
        {status.kind === 'error' && (
          <div className="error-box" role="alert">
            <p>{status.message}</p>
          </div>
        )}
        {children}
      </div>
    </section>
  );
}
