import type { SplitName } from './compact-windows';
import { estimateWindowCsvBytes, windowCsvChunks } from './export-windows-csv';
import { estimateWindowNpzBytes, windowNpzChunks } from './export-windows-npz';
import {
  exportTooLarge,
  windowsOfSplit,
  type WindowDownloadSize,
  type WindowExportChunk,
  type WindowExportFormat,
  type WindowExportSource,
} from './export-source';

export const SPLIT_NAMES: readonly SplitName[] = ['train', 'validation', 'test'];

const SPLIT_TITLES: Record<SplitName, string> = {
  train: 'The training windows',
  validation: 'The validation windows',
  test: 'The test windows',
};

/** The sizes of every split's downloads, for the Sequences cell's buttons. */
export function windowDownloadSizes(
  source: Omit<WindowExportSource, 'split'>,
): Record<SplitName, WindowDownloadSize> {
  const sizes = {} as Record<SplitName, WindowDownloadSize>;
  for (const split of SPLIT_NAMES) {
    const one = { ...source, split };
    sizes[split] = {
      windows: windowsOfSplit(one),
      csvBytes: estimateWindowCsvBytes(one),
      npzBytes: estimateWindowNpzBytes(one),
    };
  }
  return sizes;
}

export interface WindowExportPlan {
  fileName: string;
  mimeType: string;
  windows: number;
  /** Expected size in bytes. */
  bytes: number;
  chunks: Generator<WindowExportChunk>;
}

/**
 * A download of one split in one format, checked against the size limit before any of it is encoded. The file
 * name names the split, the window length W and the number of clusters k, e.g.
 * `prize-lab-windows-test-w10-k20.csv`.
 */
export function planWindowExport(
  source: WindowExportSource,
  format: WindowExportFormat,
): WindowExportPlan {
  const { steps, featureOptions } = source.windows;
  const bytes = format === 'csv' ? estimateWindowCsvBytes(source) : estimateWindowNpzBytes(source);
  const refusal = exportTooLarge(bytes, `${SPLIT_TITLES[source.split]} as ${format.toUpperCase()}`);
  if (refusal) throw new RangeError(refusal);
  return {
    fileName: `prize-lab-windows-${source.split}-w${steps}-k${featureOptions.clusters}.${format}`,
    mimeType: format === 'csv' ? 'text/csv' : 'application/zip',
    windows: windowsOfSplit(source),
    bytes,
    chunks: format === 'csv' ? windowCsvChunks(source) : windowNpzChunks(source),
  };
}
