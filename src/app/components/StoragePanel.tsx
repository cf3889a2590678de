import { formatBytes } from '../../ui-kit/format';
import { sessionStore } from '../state/session';
import { useStore } from '../../ui-kit/store';
import {
  deleteAllStored,
  deleteStored,
  deleteStoredModel,
  refreshStorage,
  restoreStored,
} from '../storage/storage-actions';
import { storageStore } from '../storage/storage-store';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** What Prize Lab keeps in this browser, with sizes; any of it can be deleted, datasets can be opened. */
export function StoragePanel() {
  const { entries, models, estimate, panelOpen } = useStore(storageStore, (state) => state);
  const count = (entries?.length ?? 0) + (models?.length ?? 0);
  const fresh = useStore(sessionStore, (state) => state.fresh);
  if (!panelOpen) return null;
  return (
    <section className="storage-panel" aria-labelledby="storage-title">
      <h2 id="storage-title">Storage</h2>
      <p className="note">
        Uploaded datasets, slow results and trained models are kept in this browser (IndexedDB) so
        that a reload needs no upload and Recommend still finds its models. Nothing is sent
        anywhere.
      </p>
      {fresh ? (
        <p role="status">
          This session was opened with <code>#fresh</code>: browser storage is neither read nor
          written. Open the page without it to see what is stored.
        </p>
      ) : (
        <>
          {estimate && (
            <p className="note">
              This site uses {formatBytes(estimate.usage)} of the {formatBytes(estimate.quota)} the
              browser allows it.
            </p>
          )}
          {entries && count === 0 && <p>Nothing is stored.</p>}
          {entries && count > 0 && (
            <table className="storage-table">
              <caption>Stored in this browser</caption>
              <thead>
                <tr>
                  <th>What</th>
                  <th>Kind</th>
                  <th>Size</th>
                  <th>Saved</th>
                  <th>
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.key} data-storage-key={entry.key}>
                    <td>{entry.label}</td>
                    <td>{entry.kind}</td>
                    <td className="num">{formatBytes(entry.bytes)}</td>
                    <td>{dateTime.format(entry.savedAt)}</td>
                    <td className="actions">
                      {entry.kind === 'dataset' && (
                        <button type="button" onClick={() => void restoreStored(entry)}>
                          Open
                        </button>
                      )}
                      <button
                        type="button"
                        onClick={() => void deleteStored(entry)}
                        aria-label={`Delete ${entry.label}`}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
                {models?.map((model) => (
                  <tr key={model.key} data-storage-key={`model:${model.key}`}>
                    <td>Trained model “{model.key}” (tfjs layers format)</td>
                    <td>model</td>
                    <td className="num">{formatBytes(model.bytes)}</td>
                    <td>{dateTime.format(new Date(model.savedAt))}</td>
                    <td className="actions">
                      <button
                        type="button"
                        onClick={() => void deleteStoredModel(model)}
                        aria-label={`Delete the trained model ${model.key}`}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="actions">
            <button type="button" onClick={() => void refreshStorage()}>
              Refresh
            </button>
            {count > 0 && (
              <button
                type="button"
                onClick={() => {
                  // Destructive and not undoable: ask.
                  if (
                    confirm(
                      'Delete every dataset, result and trained model Prize Lab keeps in this browser?',
                    )
                  )
                    void deleteAllStored();
                }}
              >
                Delete everything
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
