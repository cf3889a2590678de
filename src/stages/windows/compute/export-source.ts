import type { IdList } from '../../ingest/compute/id-index';
import type { CompactWindows, SplitName } from './compact-windows';

/** What a download of one split's windows is made from. */
export interface WindowExportSource {
  windows: CompactWindows;
  split: SplitName;
  /** `featureNames(windows.featureOptions)`: the names of x's last axis. */
  featureNames: string[];
  userIds: IdList;
  movieIds: IdList;
}

export type WindowExportFormat = 'csv' | 'npz';

/** One piece of a download, in order; `windowsDone` says how far the encoder has got. */
export interface WindowExportChunk {
  bytes: Uint8Array;
  windowsDone: number;
}

/**
 * The largest file the Sequences cell offers, per split and format: 1 GiB. The page assembles the download as a
 * Blob, which browsers keep in memory or spill to disk within per-origin quotas of a few GB on a laptop, and the
 * `.npz` is a plain zip without zip64, which caps each member at 4 GiB. Larger splits are refused with a note
 * to cap the windows per user.
 */
export const MAX_WINDOW_EXPORT_BYTES = 2 ** 30;

/**
 * About this many bytes cross from the worker to the page at a time, so the worker never holds more than one
 * chunk of encoded windows, however large the split.
 */
export const WINDOW_EXPORT_CHUNK_BYTES = 4 * 2 ** 20;

/** Expected size of each download of a split, for the buttons and the size check. */
export interface WindowDownloadSize {
  windows: number;
  /** Estimated from a sample of rows (ids and numbers vary in length). */
  csvBytes: number;
  /** Exact but for the zip's few hundred bytes of headers. */
  npzBytes: number;
}

export function windowsOfSplit(source: Pick<WindowExportSource, 'windows' | 'split'>): number {
  return source.windows[source.split].length;
}

/** A message for a download over the limit, or null when it may go ahead. */
export function exportTooLarge(bytes: number, what: string): string | null {
  if (bytes <= MAX_WINDOW_EXPORT_BYTES) return null;
  const gib = (bytes / 2 ** 30).toFixed(1);
  return `${what} would take about ${gib} GiB, above the 1 GiB download limit: cap the windows per user, or use fewer steps or clusters, and build the windows again.`;
}
