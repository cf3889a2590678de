import { useStore } from '../../../ui-kit/store';
import { trainWorkerStore } from '../../../app/workers/train-client';
import { BACKEND_ORDER, type BackendName } from '../contract';
import { backendChoiceStore } from '../../../app/workers/backend-choice';
import { BACKEND_LABELS as NAMES, describeBackend } from '../compute/backend-labels';

/** Which tfjs backend trains, why the others were skipped, and a way to force one. */
export function BackendPanel({ disabled }: { disabled: boolean }) {
  const report = useStore(trainWorkerStore, (state) => state.backend);
  const force = useStore(backendChoiceStore, (state) => state.force);
  return (
    <div className="backend-panel">
      <label>
        Backend
        <select
          value={force ?? 'auto'}
          disabled={disabled}
          onChange={(e) =>
            backendChoiceStore.set({
              force: e.target.value === 'auto' ? null : (e.target.value as BackendName),
            })
          }
        >
          <option value="auto">fastest that works (timed on the model)</option>
          {BACKEND_ORDER.map((name) => (
            <option key={name} value={name}>
              {NAMES[name]} only
            </option>
          ))}
        </select>
      </label>
      {report && (
        <div data-testid="backend-in-use">
          In use: <strong>{describeBackend(report)}</strong>
          {report.forced ? ', forced' : ''}.
          {report.choice && <div data-testid="backend-race">{report.choice}</div>}
          <ul className="backend-attempts">
            {report.attempts.map((attempt) => (
              <li key={attempt.backend}>
                {NAMES[attempt.backend]}: {attempt.ok ? 'used' : 'skipped'} — {attempt.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
