// A few promise helpers over IndexedDB: the phone keeps its device token, its last task list
// and its queue of unsent marks and photos here, so a reload in a dead zone loses nothing.
export const DB_NAME = 'marshrut-driver';
const VERSION = 1;

export type StoreName = 'kv' | 'queue' | 'failed';

export function openDb(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('kv')) db.createObjectStore('kv');
      // seq orders the queue: marks go out exactly in the order they were made.
      if (!db.objectStoreNames.contains('queue')) db.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
      if (!db.objectStoreNames.contains('failed')) db.createObjectStore('failed', { keyPath: 'seq' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB failed to open'));
  });
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export function get<T>(db: IDBDatabase, store: StoreName, key: IDBValidKey): Promise<T | undefined> {
  return done(db.transaction(store).objectStore(store).get(key)) as Promise<T | undefined>;
}

export function put(db: IDBDatabase, store: StoreName, value: unknown, key?: IDBValidKey): Promise<IDBValidKey> {
  return done(db.transaction(store, 'readwrite').objectStore(store).put(value, key));
}

export function del(db: IDBDatabase, store: StoreName, key: IDBValidKey): Promise<undefined> {
  return done(db.transaction(store, 'readwrite').objectStore(store).delete(key));
}

export function all<T>(db: IDBDatabase, store: StoreName): Promise<T[]> {
  return done(db.transaction(store).objectStore(store).getAll()) as Promise<T[]>;
}

/** The oldest queued item (lowest seq), or undefined when the queue is empty. */
export function first<T>(db: IDBDatabase, store: StoreName): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const req = db.transaction(store).objectStore(store).openCursor();
    req.onsuccess = () => resolve((req.result?.value as T | undefined) ?? undefined);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB cursor failed'));
  });
}

export function clear(db: IDBDatabase, store: StoreName): Promise<undefined> {
  return done(db.transaction(store, 'readwrite').objectStore(store).clear());
}
