/**
 * The part of the Web Storage API that Lienzo uses, and a safe way to reach the browser's
 * localStorage. Pure modules take a StorageLike so tests pass a Map-backed fake.
 */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The browser's localStorage, or null on the server and where the browser refuses access
 * (storage disabled, some private modes throw on the mere property read).
 */
export function browserStorage(): StorageLike | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** Reads a key; a storage that throws reads as empty. */
export function readItem(storage: StorageLike | null, key: string): string | null {
  if (!storage) return null;
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** Writes a key; returns false when the storage is missing, full or refuses the write. */
export function writeItem(storage: StorageLike | null, key: string, value: string): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** An in-memory StorageLike, for tests and as a stand-in where localStorage is unusable. */
export function memoryStorage(initial: Record<string, string> = {}): StorageLike {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  };
}
