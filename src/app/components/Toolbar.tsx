import { useState } from 'react';
import { downloadPythonProject } from '../export/python-project';
import { SHORTCUTS } from '../keyboard';
import { useCellResult } from '../state/cell-results';
import { notebook } from '../state/notebook';
import { shareLink } from '../state/notebook-link';
import { runCells, stopRunning } from '../state/runner';
import { seedStore } from '../state/seed';
import { useStore } from '../../ui-kit/store';
import { setStoragePanelOpen } from '../storage/storage-actions';
import { storageStore } from '../storage/storage-store';

const MAX_SEED = 4_294_967_295;

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // no clipboard permission (or an insecure origin): the link stays on screen to copy
  }
}

/** The notebook's controls: run all, the seed, the share link, storage and the keyboard help. */
export function Toolbar() {
  const seed = useStore(seedStore, (state) => state.seed);
  const anyRunning = useStore(notebook, (state) =>
    Object.values(state).some((status) => status.kind === 'running'),
  );
  const storedCount = useStore(storageStore, (state) =>
    state.entries ? state.entries.length + (state.models?.length ?? 0) : null,
  );
  const panelOpen = useStore(storageStore, (state) => state.panelOpen);
  const hasData = useCellResult('data') !== null;
  const [link, setLink] = useState<{ url: string; copied: boolean } | null>(null);
  const [seedText, setSeedText] = useState<string | null>(null);

  const onSeed = (text: string) => {
    setSeedText(text);
    const value = Number(text);
    if (/^\d+$/.test(text) && value <= MAX_SEED) {
      seedStore.set({ seed: value });
      setSeedText(null);
    }
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Notebook">
      <button
        type="button"
        className="primary"
        onClick={() => void runCells()}
        title="Run every cell that is not up to date, in order"
      >
        Run all
      </button>
      <button
        type="button"
        onClick={downloadPythonProject}
        disabled={!hasData}
        title="Download this notebook as a Python project (scikit-learn, PyTorch, torchrun, Optuna) with the same parameters and seed"
      >
        Export as Python
      </button>
      {anyRunning && (
        <button
          type="button"
          onClick={stopRunning}
          title="Run no further cells after the current one"
        >
          Stop after this cell
        </button>
      )}
      <label className="seed">
        Seed
        <input
          type="text"
          inputMode="numeric"
          value={seedText ?? String(seed)}
          aria-invalid={seedText !== null}
          onChange={(event) => onSeed(event.target.value.trim())}
          title={`A whole number from 0 to ${MAX_SEED}; every seeded step draws from it`}
        />
      </label>
      <button
        type="button"
        onClick={async () => {
          const url = shareLink();
          setLink({ url, copied: await copyText(url) });
        }}
      >
        Copy share link
      </button>
      <button
        type="button"
        aria-expanded={panelOpen}
        onClick={() => setStoragePanelOpen(!panelOpen)}
      >
        Storage{storedCount !== null ? ` (${storedCount})` : ''}
      </button>
      <details className="shortcuts">
        <summary>Keyboard</summary>
        <dl>
          {SHORTCUTS.map((shortcut) => (
            <div key={shortcut.keys}>
              <dt>
                <kbd>{shortcut.keys}</kbd>
              </dt>
              <dd>{shortcut.what}</dd>
            </div>
          ))}
        </dl>
      </details>
      {link && (
        <p className="share-link" role="status">
          {link.copied ? 'Copied to the clipboard: ' : 'Copy this link: '}
          <input
            type="text"
            readOnly
            value={link.url}
            data-testid="share-link"
            aria-label="Share link"
            onFocus={(event) => event.target.select()}
          />
          <span className="note">
            It holds the parameters and the seed, never the data: uploaded files are named, not
            sent.
          </span>
        </p>
      )}
    </div>
  );
}
