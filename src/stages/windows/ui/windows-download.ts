import { downloadBlob } from '../../../ui-kit/download';
import { latestPerFrame } from '../../../ui-kit/per-frame';
import { createStore } from '../../../ui-kit/store';
import { dataWorkerApi } from '../../../app/workers/data-client';
import type { SplitName, WindowExportFormat, WindowsId } from '../contract';

export interface ActiveWindowsDownload {
  /** Tells this download's late progress updates from the next download's. */
  token: number;
  split: SplitName;
  format: WindowExportFormat;
  fileName: string | null;
  /** Share of the split's windows encoded so far. */
  fraction: number;
  cancelled: boolean;
}

export interface WindowsDownloadState {
  active: ActiveWindowsDownload | null;
  error: string | null;
}

export const windowsDownloadStore = createStore<WindowsDownloadState>({
  active: null,
  error: null,
});

/**
 * The received chunks are folded into one Blob every this many bytes, so the page does not keep a large file
 * as hundreds of separate buffers; browsers may keep a big Blob on disk rather than in memory.
 */
const FOLD_BYTES = 64 * 2 ** 20;

let tokens = 0;

/**
 * Downloads one split of the held windows in one format: the data worker encodes it a chunk at a time and
 * transfers each chunk; the page joins them into a Blob and saves it.
 */
export async function downloadWindows(
  windowsId: WindowsId,
  split: SplitName,
  format: WindowExportFormat,
): Promise<void> {
  if (windowsDownloadStore.get().active) return;
  const token = ++tokens;
  const update = (patch: Partial<ActiveWindowsDownload>) =>
    windowsDownloadStore.set((state) =>
      state.active?.token === token ? { active: { ...state.active, ...patch } } : {},
    );
  const progress = latestPerFrame((fraction: number) => update({ fraction }));
  windowsDownloadStore.set({
    active: { token, split, format, fileName: null, fraction: 0, cancelled: false },
    error: null,
  });
  const api = dataWorkerApi();
  try {
    const started = await api.startWindowsExport({ windowsId, split, format });
    update({ fileName: started.fileName });
    let file = new Blob([]);
    let parts: ArrayBuffer[] = [];
    let pending = 0;
    for (;;) {
      if (windowsDownloadStore.get().active?.cancelled) {
        await api.cancelWindowsExport(started.exportId);
        return;
      }
      const piece = await api.nextWindowsExportChunk(started.exportId);
      if (piece.kind === 'done') break;
      parts.push(piece.bytes);
      pending += piece.bytes.byteLength;
      if (pending >= FOLD_BYTES) {
        file = new Blob([file, ...parts]);
        parts = [];
        pending = 0;
      }
      progress(piece.windowsDone / Math.max(1, started.windows));
    }
    downloadBlob(new Blob([file, ...parts], { type: started.mimeType }), started.fileName);
  } catch (error) {
    windowsDownloadStore.set({ error: (error as Error).message });
  } finally {
    windowsDownloadStore.set((state) => (state.active?.token === token ? { active: null } : {}));
  }
}

/** Stops the running download after the chunk in flight; nothing is saved. */
export function cancelWindowsDownload(): void {
  const { active } = windowsDownloadStore.get();
  if (active) windowsDownloadStore.set({ active: { ...active, cancelled: true } });
}
