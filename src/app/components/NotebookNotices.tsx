import { chooseFiles } from '../cells';
import { LinkPlan } from './LinkPlan';
import { sessionStore } from '../state/session';
import { useStore } from '../../ui-kit/store';
import { answerKeep } from '../storage/storage-actions';
import { storageStore } from '../storage/storage-store';
import { formatBytes } from '../../ui-kit/format';

/**
 * What the person should know about how the notebook was opened and what storage did: parts of a link
 * that could not be used, files a link asks for, the last storage message or error.
 */
export function NotebookNotices() {
  const { notices, requestedFiles } = useStore(sessionStore, (state) => state);
  const { message, error, askToKeep } = useStore(storageStore, (state) => state);
  return (
    <div className="notices">
      <LinkPlan />
      {requestedFiles && (
        <div className="notice request" role="alert" data-testid="requested-files">
          <p>
            This link was made with uploaded files: <strong>{requestedFiles.join(', ')}</strong>.
            Data never travels in links and this browser does not hold them: choose them to rebuild
            the notebook with the link’s parameters.
          </p>
          <label className="button">
            Choose the files…
            <input
              type="file"
              multiple
              aria-label="Choose the files this link was made with"
              onChange={(event) => {
                const files = Array.from(event.target.files ?? []);
                event.target.value = '';
                void chooseFiles(files);
              }}
            />
          </label>
        </div>
      )}
      {notices.length > 0 && (
        <div className="notice" role="status">
          <p>Some of this link could not be used:</p>
          <ul>
            {notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
          <button type="button" onClick={() => sessionStore.set({ notices: [] })}>
            Dismiss
          </button>
        </div>
      )}
      {askToKeep && (
        <div className="notice" role="status" data-testid="ask-to-keep">
          <p>
            Keep {askToKeep.label} ({formatBytes(askToKeep.bytes)}) in this browser, so that a
            reload needs no upload? It stays on this machine either way; large copies take memory
            while they are written.
          </p>
          <button type="button" onClick={() => answerKeep(true)}>
            Keep it
          </button>{' '}
          <button type="button" onClick={() => answerKeep(false)}>
            Not now
          </button>
        </div>
      )}
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {message && !error && (
        <p className="notice quiet" role="status" data-testid="storage-message">
          {message}
        </p>
      )}
    </div>
  );
}
