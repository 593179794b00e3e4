/**
 * Machine settings for browser mode: the data folder's config.json, the file electron-store
 * (over conf) keeps under Electron, read and written here without conf, whose JSON-schema
 * machinery (ajv) cost the host a tenth of its start-up. A damaged file reads as empty, so
 * the settings fall back to their defaults, and is only replaced when a setting is saved.
 */
import fs from 'node:fs';
import path from 'node:path';
import { log } from '../log';
import type { KeyValueStore } from '../settings-store';

export const CONFIG_FILE = 'config.json';

export function jsonFileStore(dir: string, name = CONFIG_FILE): KeyValueStore {
  const file = path.join(dir, name);
  let data: Record<string, unknown> | null = null;

  function load(): Record<string, unknown> {
    if (data) return data;
    let parsed: unknown = {};
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('machine settings unreadable, using defaults', { file: name });
    }
    data = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    return data;
  }

  return {
    get: (key) => load()[key],
    set(key, value) {
      const next = { ...load(), [key]: value };
      // write-then-rename: a crash mid-write leaves the old file, never half of a new one
      const tmp = `${file}.${process.pid}.tmp`;
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      fs.writeFileSync(tmp, JSON.stringify(next, null, '\t'), { mode: 0o600 });
      fs.renameSync(tmp, file);
      data = next;
    },
  };
}
