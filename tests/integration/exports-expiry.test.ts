/**
 * Issue 8, item 3: exported lists leave exports/ after exportKeepDays (7 by default), counted
 * on the injected clock — swept at start and on demand (and hourly, on the same function) —
 * with one audit entry per sweep that removed something, holding a count and no file name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStation } from '../../main/station';
import { memoryStore } from '../../main/settings-store';
import { ADMIN, STATION, clientOf, manualClock, tempDir } from '../helpers/station';

const DAY = 86_400_000;

async function open(dataDir: string, clock: ReturnType<typeof manualClock>, store = memoryStore()) {
  const st = await createStation({ dataDir, transport: 'browser', store, clock, syncWorker: { autoStart: false } });
  return { st, api: clientOf(st), store };
}

const exportsIn = (dataDir: string) => {
  try {
    return fs.readdirSync(path.join(dataDir, 'exports')).sort();
  } catch {
    return [];
  }
};

describe('exported files expire', () => {
  it('keeps an export for 7 days by default, then removes it and audits the count', async () => {
    const dataDir = tempDir();
    const clock = manualClock('2026-11-27T01:00:00.000Z');
    const { st, api } = await open(dataDir, clock);
    await api['setup.init']({ station: STATION, admin: ADMIN });
    expect((await api['settings.get']({})).exportKeepDays).toBe(7);
    const ledger = await api['residents.exportLedger']({ filter: {} });
    clock.advance(2 * DAY);
    await api['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const log = await api['audit.export']({ filter: {} });
    expect(exportsIn(dataDir)).toEqual([ledger.fileName, log.fileName].sort());

    clock.advance(5 * DAY - 1000); // the ledger is 7 days less a second old
    expect(st.sweepExports()).toBe(0);
    clock.advance(2000);
    expect(st.sweepExports()).toBe(1);
    expect(exportsIn(dataDir)).toEqual([log.fileName]);
    clock.advance(2 * DAY);
    expect(st.sweepExports()).toBe(1);
    expect(exportsIn(dataDir)).toEqual([]);

    await api['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const entries = (await api['audit.list']({ limit: 20 })).filter((e) => e.action === 'export_file.expire');
    expect(entries.map((e) => e.detail)).toEqual([
      { files: 1, keepDays: 7 },
      { files: 1, keepDays: 7 },
    ]);
    expect(entries[0]).toMatchObject({ actorId: null, entity: 'export_file', entityId: null });
    expect((await api['audit.verify']({})).ok).toBe(true);
    st.close();
  });

  it('follows the setting, and sweeps at start', async () => {
    const dataDir = tempDir();
    const clock = manualClock('2026-11-27T01:00:00.000Z');
    const first = await open(dataDir, clock);
    await first.api['setup.init']({ station: STATION, admin: ADMIN });
    expect(await first.api['settings.update']({ exportKeepDays: 1 })).toMatchObject({ exportKeepDays: 1 });
    const bad = await first.api['settings.update']({ exportKeepDays: 0 }).catch((e: Error) => e.message);
    expect(bad).toBe('至少保留 1 天');
    await first.api['residents.exportLedger']({ filter: {} });
    first.st.close();
    expect(exportsIn(dataDir)).toHaveLength(1);

    clock.advance(DAY + 1000);
    const again = await open(dataDir, clock, first.store);
    expect(exportsIn(dataDir)).toEqual([]);
    again.st.close();
  });
});
