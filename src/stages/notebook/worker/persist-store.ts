import type { StoredEntry } from '../compute/storage-schema';

/**
 * Where stored things live: entries (small descriptions, listed without reading data) and payloads (the
 * data) under the same key. IndexedDB implements it in the browser (persist-db.ts); tests use a Map.
 */
export interface EntryStore {
  /** Writes the payload and its entry together: both or neither. */
  put(entry: StoredEntry, payload: unknown): Promise<void>;
  /** Writes one payload with no entry: a part of a stored thing whose entry is written last. */
  putPart(key: string, payload: unknown): Promise<void>;
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
    async putPart(key, payload) {
      payloads.set(key, structuredClone(payload));
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

/** Says what a storage failure means for the person, e.g. a full disk or a private window. */
export function storageErrorMessage(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError')
    return 'The browser refused to store this much (its storage quota for the site is used up): delete something in the Storage panel, or keep working without storage.';
  if (name === 'InvalidStateError' || name === 'SecurityError')
    return 'This browser does not allow storage here (a private window, or storage turned off for the site).';
  return `Browser storage failed: ${(error as Error)?.message ?? String(error)}`;
}

/** The same store, with failures turned into sentences a person can act on. */
export function withReadableErrors(store: EntryStore): EntryStore {
  const wrap =
    <A extends unknown[], R>(operation: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await operation(...args);
      } catch (error) {
        throw new Error(storageErrorMessage(error), { cause: error });
      }
    };
  return {
    put: wrap(store.put),
    putPart: wrap(store.putPart),
    list: wrap(store.list),
    getPayload: wrap(store.getPayload),
    delete: wrap(store.delete),
  };
}
