/**
 * How Prize Lab keeps things in the browser's IndexedDB (nothing leaves the machine): the database's
 * versioned layout and the keys of what it stores. Two object stores: `entries` holds one small description
 * per stored thing (what the Storage panel lists, without reading any data), `payloads` holds the data
 * under the same key.
 */

export const DB_NAME = 'prize-lab';

export interface DbUpgrade {
  /** The database version this step produces. */
  to: number;
  createStores: string[];
  deleteStores: string[];
}

/**
 * Each step brings the database from version `to − 1` to `to`; IndexedDB runs the steps after the version a
 * browser already has. Append steps; never edit one that has shipped.
 */
export const DB_UPGRADES: readonly DbUpgrade[] = [
  { to: 1, createStores: ['entries', 'payloads'], deleteStores: [] },
];

export const DB_VERSION = DB_UPGRADES.length;

/** The steps to run for a browser whose database is at `oldVersion` (0 when it has none). */
export function upgradeSteps(oldVersion: number, newVersion = DB_VERSION): DbUpgrade[] {
  if (oldVersion > newVersion)
    throw new Error(
      `This browser holds Prize Lab data from a newer version (database ${oldVersion}); open that version or clear the site's storage.`,
    );
  return DB_UPGRADES.filter((step) => step.to > oldVersion && step.to <= newVersion);
}

export type EntryKind = 'dataset' | 'result';

/** What the Storage panel lists for one stored thing. */
export interface StoredEntry {
  key: string;
  kind: EntryKind;
  /** What a person reads: file names for a dataset, cell and parameters for a result. */
  label: string;
  /** Bytes of the payload, as estimated when it was written. */
  bytes: number;
  /** When it was written, in ms since 1970 (Date.now()). */
  savedAt: number;
  /** The layout version of the payload, read through `migrateDatasetPayload` and its kin. */
  layout: number;
  /** For a dataset: the files it was read from. */
  files?: string[];
  /** For a result: the dataset it was computed from; deleting the dataset deletes it too. */
  datasetKey?: string;
  /** For a dataset stored in chunks (layout 2): how many chunk records go with it. */
  chunks?: number;
}

/** Whether a record read from storage is a well-formed entry (others are dropped, never shown). */
export function isStoredEntry(value: unknown): value is StoredEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  const strings = (list: unknown) =>
    list === undefined || (Array.isArray(list) && list.every((x) => typeof x === 'string'));
  return (
    typeof e.key === 'string' &&
    (e.kind === 'dataset' || e.kind === 'result') &&
    typeof e.label === 'string' &&
    typeof e.bytes === 'number' &&
    typeof e.savedAt === 'number' &&
    typeof e.layout === 'number' &&
    strings(e.files) &&
    (e.datasetKey === undefined || typeof e.datasetKey === 'string') &&
    (e.chunks === undefined ||
      (typeof e.chunks === 'number' && Number.isInteger(e.chunks) && e.chunks >= 0))
  );
}

/** Key prefix with the key scheme's version: a new scheme gets a new prefix and a migration of old keys. */
export const KEY_SCHEME = 'v1';

/** One stored dataset per set of file names: loading the same files again replaces it. */
export function datasetKey(files: readonly string[]): string {
  const names = [...files].sort().map(encodeURIComponent).join(',');
  return `${KEY_SCHEME}/dataset/${names}`;
}

/** A cell's result for a dataset and the cell's parameters (their link encoding, `a=1&b=2`). */
export function resultKey(dataset: string, cell: string, params: string): string {
  return `${KEY_SCHEME}/result/${cell}/${encodeURIComponent(params)}@${dataset}`;
}

/** Where chunk `index` of the dataset stored under `datasetKey` is kept. */
export function datasetChunkKey(datasetKey: string, index: number): string {
  return `${datasetKey}#chunk/${index}`;
}

/** The keys of one stored thing: its own and, for a chunked dataset, every chunk's. */
export function ownKeys(entry: Pick<StoredEntry, 'key' | 'chunks'>): string[] {
  const chunks = Array.from({ length: entry.chunks ?? 0 }, (_, i) => datasetChunkKey(entry.key, i));
  return [entry.key, ...chunks];
}

/**
 * The keys to delete with `key`: itself, its chunks and, for a dataset, every result computed from it.
 */
export function keysToDelete(key: string, entries: readonly StoredEntry[]): string[] {
  const own = entries.find((e) => e.key === key) ?? { key };
  return [...ownKeys(own), ...entries.filter((e) => e.datasetKey === key).map((e) => e.key)];
}
