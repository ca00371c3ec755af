/** The little of IndexedDB the apps need: one database, object stores by name, promises. */

const DB_NAME = "eventpipe";
const DB_VERSION = 1;
export const STORES = ["keys", "captures", "cache"] as const;
export type StoreName = (typeof STORES)[number];

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (opening === null) {
    opening = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => {
        for (const store of STORES) {
          if (!request.result.objectStoreNames.contains(store)) {
            request.result.createObjectStore(store);
          }
        }
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  return opening;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export async function get<T>(store: StoreName, key: string): Promise<T | undefined> {
  const db = await open();
  return done(db.transaction(store).objectStore(store).get(key)) as Promise<T | undefined>;
}

export async function put(store: StoreName, key: string, value: unknown): Promise<void> {
  const db = await open();
  await done(db.transaction(store, "readwrite").objectStore(store).put(value, key));
}

export async function remove(store: StoreName, key: string): Promise<void> {
  const db = await open();
  await done(db.transaction(store, "readwrite").objectStore(store).delete(key));
}

export async function all<T>(store: StoreName): Promise<T[]> {
  const db = await open();
  return done(db.transaction(store).objectStore(store).getAll()) as Promise<T[]>;
}
