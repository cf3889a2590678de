import type { StoredEntry } from '../../src/stages/notebook/compute/storage-schema';

/**
 * Where stored things live: entries (small descriptions, listed without reading data) and payloads (the
 * data) under the same key. IndexedDB implements it in the browser (persist-db.ts); tests use a Map.
 */
export interface EntryStore {
  /** Writes the payload and its entry together: both or neither. */
  put(entry: StoredEntry, payload: unknown): Promise<void>;
  list(): Promise<StoredEntry[]>;
  getPayload(key: string): Promise<unknown>;
  /** Deletes entries and payloads together. */
  delete(keys: string[]): Promise<void>;
}

/** An entry store in memory that keeps structured clones, as IndexedDB does: the tests' stand-in for it. */
export function memoryEntryStore(): EntryStore {
  const entries = new Map<string, StoredEntry>();
  const payloads = new Map<string, unknown>();
  return {
    async put(entry, payload) {
      payloads.set(entry.key, structuredClone(payload));
      entries.set(entry.key, structuredClone(entry));
    },
    async list() {
      return [...entries.values()].map((entry) => structuredClone(entry));
    },
    async getPayload(key) {
      return payloads.has(key) ? structuredClone(payloads.get(key)) : undefined;
    },
    async delete(keys) {
      for (const key of keys) {
        entries.delete(key);
        payloads.delete(key);
      }
    },
  };
}
