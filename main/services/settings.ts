import type { Db } from '../db/open';
import type { Clock } from '../clock';
import type { KeyValueStore } from '../settings-store';
import { MachineSettings } from '../../common/contract';

/** Station-wide policy kept in the database's settings table. */
export function createStationSettings(db: Db, clock: Clock) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  return {
    getNumber(key: string): number {
      const v = Number(get.get(key)?.value);
      if (!Number.isFinite(v)) throw new Error(`setting ${key} missing`);
      return v;
    },
    set(key: string, value: string): void {
      db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(
        key,
        value,
        clock.now().toISOString(),
      );
    },
  };
}
export type StationSettings = ReturnType<typeof createStationSettings>;

export const DEFAULT_MACHINE_SETTINGS: MachineSettings = { countyUrl: '', printer: '', idleMinutes: 15, receiptLayout: 'a4', exportKeepDays: 7 };
const KEY = 'machine';

/** Machine settings in electron-store / conf; a damaged value falls back to the defaults field by field. */
export function createMachineSettings(store: KeyValueStore) {
  function get(): MachineSettings {
    const raw = store.get(KEY);
    const merged: Record<string, unknown> = { ...DEFAULT_MACHINE_SETTINGS };
    if (raw && typeof raw === 'object') {
      for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
        const field = MachineSettings.shape[k as keyof MachineSettings];
        if (field && field.safeParse(v).success) merged[k] = v;
      }
    }
    return MachineSettings.parse(merged);
  }
  function update(patch: Partial<MachineSettings>): { before: MachineSettings; after: MachineSettings } {
    const before = get();
    const after = MachineSettings.parse({ ...before, ...patch });
    store.set(KEY, after);
    return { before, after };
  }
  return { get, update };
}
export type MachineSettingsService = ReturnType<typeof createMachineSettings>;
