import { transfer } from 'comlink';
import type { WindowExportChunk } from '../compute/export-source';
import { planWindowExport } from '../compute/export-windows';
import { featureNames } from '../compute/window-features';
import type { WindowsExportPiece, WindowsExportRequest, WindowsExportStarted } from '../contract';
import type { WindowsWorkerState } from './windows-registry';

/**
 * Downloads of the Sequences cell's windows. The page starts one, then pulls it a chunk at a time: each chunk
 * is encoded on request and transferred, so the worker holds one chunk of a file at most, however large the
 * split.
 */
export function createWindowsExportApi(state: WindowsWorkerState) {
  const { datasets: registry, windows: heldWindows } = state;
  // One download at a time (the page offers one at a time): starting another ends an unfinished one.
  let current: { id: string; chunks: Generator<WindowExportChunk> } | null = null;
  let counter = 0;

  const end = () => {
    current?.chunks.return(undefined);
    current = null;
  };

  return {
    startWindowsExport(request: WindowsExportRequest): WindowsExportStarted {
      const held = heldWindows.get(request.windowsId);
      const data = registry.get(held.subsetId).data;
      const plan = planWindowExport(
        {
          windows: held.compact,
          split: request.split,
          featureNames: featureNames(held.compact.featureOptions),
          userIds: data.userIds,
          movieIds: data.movieIds,
        },
        request.format,
      );
      end();
      const exportId = `export-${++counter}`;
      current = { id: exportId, chunks: plan.chunks };
      const { fileName, mimeType, windows, bytes } = plan;
      return { exportId, fileName, mimeType, windows, bytes };
    },

    nextWindowsExportChunk(exportId: string): WindowsExportPiece {
      if (current?.id !== exportId)
        throw new Error('This download was cancelled or replaced by another: start it again.');
      const next = current.chunks.next();
      if (next.done) {
        current = null;
        return { kind: 'done' };
      }
      const { bytes, windowsDone } = next.value;
      // Transfer exactly the chunk's bytes: a view into a larger buffer is copied out first.
      const buffer =
        bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
          ? (bytes.buffer as ArrayBuffer)
          : (bytes.slice().buffer as ArrayBuffer);
      return transfer({ kind: 'bytes', bytes: buffer, windowsDone }, [buffer]);
    },

    cancelWindowsExport(exportId: string): void {
      if (current?.id === exportId) end();
    },
  };
}
