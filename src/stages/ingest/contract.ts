/** What crosses the data worker's boundary for the Data cell: plain data only. */
import type { DatasetId, RunId } from '../../lib/ids';
import type { DelimitedLayout, LayoutProposal } from './compute/delimited-layout';
import type { LoadReport } from './compute/load-files';
import type { DatasetSummary } from './compute/summarize';

export type { BadLine } from './compute/bad-lines';
export type { DelimitedLayout, LayoutProposal } from './compute/delimited-layout';
export type { FileReport } from './compute/load-context';
export type { LoadReport } from './compute/load-files';
export type { CountDistribution, DatasetSummary } from './compute/summarize';

/** Where the current ratings came from; uploaded data is named, never sent anywhere. */
export type DataSource = { kind: 'sample' } | { kind: 'upload'; files: string[] };

/** What the data worker found at the start of one uploaded file. */
export interface FileInspection {
  name: string;
  size: number;
  /** A human name for the detected format. */
  format: string;
  /** For delimited files: the proposed column mapping, for the person to confirm. */
  proposal: LayoutProposal | null;
}

export interface LoadFilesOptions {
  runId: RunId;
  /** Confirmed layouts of delimited files, by file name. */
  layouts: Record<string, DelimitedLayout>;
}

export interface LoadSampleOptions {
  runId: RunId;
  /** Absolute URLs of the bundled sample's files (they depend on where the app is hosted). */
  urls: string[];
}

export type LoadProgress = {
  kind: 'bytes';
  file: string;
  bytesRead: number;
  /** Null when a source's size is unknown. */
  totalBytes: number | null;
  ratings: number;
};

export interface LoadResult {
  datasetId: DatasetId;
  source: DataSource;
  summary: DatasetSummary;
  report: LoadReport;
  /** True when the files held only titles, which were joined to the dataset loaded before. */
  titlesOnly: boolean;
  /** The column layouts the person confirmed for delimited files, by file name (for the Python export). */
  layouts?: Record<string, DelimitedLayout>;
}
