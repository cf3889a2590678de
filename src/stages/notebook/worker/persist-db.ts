import { DB_NAME, DB_VERSION, upgradeSteps, type StoredEntry } from '../compute/storage-schema';
import type { EntryStore } from './persist-store';

const ENTRIES = 'entries';
const PAYLOADS = 'payloads';

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
    transaction.onabort = () =>
      reject(transaction.error ?? new Error('IndexedDB write was aborted'));
  });
}

/** Returns a function that opens (once) Prize Lab's database, running the upgrade steps a browser has not run yet. */
function databaseOpener(): () => Promise<IDBDatabase> {
  let opening: Promise<IDBDatabase> | null = null;
  return () => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = (event) => {
        const db = request.result;
        for (const step of upgradeSteps(event.oldVersion)) {
          for (const name of step.deleteStores)
            if (db.objectStoreNames.contains(name)) db.deleteObjectStore(name);
          for (const name of step.createStores)
            if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
        }
      };
      request.onsuccess = () => {
        const db = request.result;
        // Another tab with a newer version wants to upgrade: let it, and reopen on next use.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        resolve(db);
      };
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
      request.onblocked = () =>
        reject(
          new Error('Another Prize Lab tab holds an older version of the storage open; close it.'),
        );
    });
    opening.catch(() => (opening = null));
    return opening;
  };
}

/** The entry store in IndexedDB. Works in the page and in workers. */
export function indexedDbEntryStore(): EntryStore {
  const openDatabase = databaseOpener();
  return {
    async put(entry: StoredEntry, payload: unknown) {
      const db = await openDatabase();
      const transaction = db.transaction([ENTRIES, PAYLOADS], 'readwrite');
      transaction.objectStore(PAYLOADS).put(payload, entry.key);
      transaction.objectStore(ENTRIES).put(entry, entry.key);
      await transactionDone(transaction);
    },
    async putPart(key: string, payload: unknown) {
      const db = await openDatabase();
      const transaction = db.transaction(PAYLOADS, 'readwrite');
      transaction.objectStore(PAYLOADS).put(payload, key);
      await transactionDone(transaction);
    },
    async list() {
      const db = await openDatabase();
      return requestResult(
        db.transaction(ENTRIES, 'readonly').objectStore(ENTRIES).getAll() as IDBRequest<
          StoredEntry[]
        >,
      );
    },
    async getPayload(key: string) {
      const db = await openDatabase();
      return requestResult(db.transaction(PAYLOADS, 'readonly').objectStore(PAYLOADS).get(key));
    },
    async delete(keys: string[]) {
      const db = await openDatabase();
      const transaction = db.transaction([ENTRIES, PAYLOADS], 'readwrite');
      for (const key of keys) {
        transaction.objectStore(ENTRIES).delete(key);
        transaction.objectStore(PAYLOADS).delete(key);
      }
      await transactionDone(transaction);
    },
  };
}
