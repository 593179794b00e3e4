/**
 * Machine settings (county URL, printer, idle time) live outside the database, in
 * electron-store under Electron and in its underlying `conf` store in browser mode:
 * both write the same config.json in the data folder.
 */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** An in-memory store, for tests and tools that do not persist settings. */
export function memoryStore(): KeyValueStore {
  const m = new Map<string, unknown>();
  return { get: (k) => m.get(k), set: (k, v) => void m.set(k, v) };
}
