/** What crosses worker boundaries for the Sequences stage: plain data and typed arrays only. */
import type { DatasetId, RunId } from '../../lib/ids';
import type { ClusterAssignmentRef } from '../cluster/contract';
import type { SplitName } from './compute/compact-windows';
import type { ExampleWindow } from './compute/example-window';
import type { WindowDownloadSize, WindowExportFormat } from './compute/export-source';
import type { SequenceOptions } from './compute/sequence-options';
import type { SplitCounts } from './compute/window-split';

export type { CompactWindows, SplitName } from './compute/compact-windows';
export type { ExampleStepRow, ExampleWindow } from './compute/example-window';
export type { WindowDownloadSize, WindowExportFormat } from './compute/export-source';
export { MAX_WINDOW_EXPORT_BYTES } from './compute/export-source';
export type { SequenceOptions } from './compute/sequence-options';
export type { FeatureOptions, WindowSet, WindowSets } from './compute/window-features';
export type { WindowOptions } from './compute/window-index';
export type { SplitCounts, SplitKind, SplitOptions } from './compute/window-split';
export { DEFAULT_SEQUENCE_OPTIONS } from './compute/sequence-options';
export { DEFAULT_WINDOW_OPTIONS } from './compute/window-index';
export { DEFAULT_SPLIT_OPTIONS } from './compute/window-split';

/** Names windows held by the data worker. */
export type WindowsId = string & { readonly __windows: true };

export interface SequencesRequest {
  subsetId: DatasetId;
  options: SequenceOptions;
  seed: number;
  runId: RunId;
}

export interface SequencesResult {
  windowsId: WindowsId;
  subsetId: DatasetId;
  /** The clustering whose clusters the windows show. */
  clustering: ClusterAssignmentRef;
  options: SequenceOptions;
  seed: number;
  steps: number;
  featureNames: string[];
  windowCounts: SplitCounts;
  /** Ratings by role: what the rating models train (train) and are scored on (validation, test). */
  ratingCounts: SplitCounts;
  /** Users with at least one window, of all users in the subset. */
  usersWithWindows: number;
  users: number;
  movies: number;
  /** One sentence on what training windows may see (the random split's leakage). */
  leakageNote: string;
  /** The first training window and the first test window, step by step. */
  examples: ExampleWindow[];
  /** Bytes of the compact windows, and what dense windows would take. */
  bytes: number;
  denseBytes: number;
  /** Each split's downloads: window count and expected CSV and .npz sizes. */
  downloads: Record<SplitName, WindowDownloadSize>;
  ms: number;
}

/** A download of one split's windows, which the page pulls from the data worker a chunk at a time. */
export interface WindowsExportRequest {
  windowsId: WindowsId;
  split: SplitName;
  format: WindowExportFormat;
}

export interface WindowsExportStarted {
  exportId: string;
  fileName: string;
  mimeType: string;
  windows: number;
  /** Expected size in bytes. */
  bytes: number;
}

/** The next piece of a download (transferred), or `done` once the file is complete. */
export type WindowsExportPiece =
  { kind: 'bytes'; bytes: ArrayBuffer; windowsDone: number } | { kind: 'done' };
