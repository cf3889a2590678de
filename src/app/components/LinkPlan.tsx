import { roughDuration } from '../../stages/train/compute/training-cost';
import { cellDefinition, cellTitle, notebook } from '../state/notebook';
import { runLinkPlan } from '../state/open-notebook';
import { sessionStore } from '../state/session';
import { useStore } from '../../ui-kit/store';

/**
 * A link names cells that start work of their own: say which, and roughly what they cost, and run them only
 * on a click. Parameters the machine cannot hold are refused here with the sentence of the cell's check.
 */
export function LinkPlan() {
  const plan = useStore(sessionStore, (state) => state.linkPlan);
  // Estimates read the inputs' results: redraw as the cells that follow the data finish.
  useStore(notebook, (state) => state);
  if (!plan) return null;
  const rows = plan.map((id) => ({
    id,
    title: cellTitle(id),
    estimate: cellDefinition(id).estimate?.() ?? null,
  }));
  const refused = rows.filter((row) => row.estimate?.refusal);
  const seconds = rows.reduce((sum, row) => sum + (row.estimate?.seconds ?? 0), 0);
  return (
    <div className="notice" role="region" aria-label="What this link runs" data-testid="link-plan">
      <p>
        This link runs {rows.length} cell{rows.length === 1 ? '' : 's'}. Nothing beyond loading the
        data and the cells that follow it starts until you ask:
      </p>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>
            <strong>{row.title}</strong>
            {row.estimate?.refusal
              ? `: refused. ${row.estimate.refusal}`
              : row.estimate
                ? `: ${roughDuration(row.estimate.seconds)}`
                : ': seconds to a few minutes'}
          </li>
        ))}
      </ul>
      {seconds > 0 && (
        <p className="note">
          Rough total for the training cells: {roughDuration(seconds)} on a 2-core laptop CPU (every
          epoch run; early stopping usually ends sooner).
        </p>
      )}
      <button type="button" disabled={refused.length > 0} onClick={runLinkPlan}>
        Run {rows.length === 1 ? 'it' : 'them'}
      </button>{' '}
      <button type="button" onClick={() => sessionStore.set({ linkPlan: null })}>
        Not now
      </button>
    </div>
  );
}
