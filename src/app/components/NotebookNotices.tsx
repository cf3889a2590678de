import { chooseFiles } from '../cells';
import { LinkPlan } from './LinkPlan';
import { sessionStore } from '../state/session';
import { useStore } from '../../ui-kit/store';
import { storageStore } from '../storage/storage-store';

/**
 * What the person should know about how the notebook was opened and what storage did: parts of a link
 * that could not be used, files a link asks for, the last storage message or error.
 */
export function NotebookNotices() {
  const { notices, requestedFiles } = useStore(sessionStore, (state) => state);
  const { message, error } = useStore(storageStore, (state) => state);
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
