/**
 * Issue 8, item 6: a cut tail of the 操作日志 (trigger dropped, newest rows deleted straight in
 * SQLite) is found by audit.verify, against the head kept in the machine settings store
 * (config.json) and the head each 日结 keeps; and the county flags it on the next push.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createStation } from '../../main/station';
import { jsonFileStore } from '../../main/host/json-store';
import { DB_FILE } from '../../main/paths';
import { ADMIN, STATION, clientOf, manualClock, setUpStation, tempDir } from '../helpers/station';
import { countyBackend } from '../helpers/county';
import { checkCharOf } from '../../common/idcard';
import { enrollAt, syncStation, type SyncTestStation } from '../helpers/sync';

function cutTail(dbFile: string, keep: number): number {
  const raw = new Database(dbFile);
  raw.exec('DROP TRIGGER IF EXISTS audit_log_no_delete');
  const n = raw.prepare('DELETE FROM audit_log WHERE seq > ?').run(keep).changes;
  raw.close();
  return n;
}

const countOf = (dbFile: string) => {
  const raw = new Database(dbFile, { readonly: true });
  const n = raw.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  raw.close();
  return n;
};

function idFor(n: number): string {
  const first17 = `13010219600101${String(100 + n).padStart(3, '0')}`;
  return first17 + checkCharOf(first17);
}

/** n residents (an audit row and an outbox event each) and n failed sign-ins (audit only). */
async function someWrites(api: ReturnType<typeof clientOf>, n: number, from = 0) {
  for (let i = 0; i < n; i++) await api['residents.create']({ name: `测试${'甲乙丙丁戊己庚辛壬癸'[(i + from) % 10]}`, idNumber: idFor(i + from), phone: '', address: '建北街道' });
  // a failed sign-in is an audit-only entry: always one row more
  for (let i = 0; i < n; i++) await api['auth.signIn']({ login: 'nobody', password: 'x' }).catch(() => undefined);
}

describe('a cut 操作日志 tail', () => {
  it('untouched, the log verifies against the kept head', async () => {
    const s = await setUpStation();
    await someWrites(s.client, 3);
    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const v = await s.client['audit.verify']({});
    expect(v).toMatchObject({ ok: true, tailCut: false, message: null, brokenAt: null });
    expect(v.heads).toBeGreaterThanOrEqual(1);
    expect(v.count).toBe(countOf(s.dbPath));
    s.close();
  });

  it('trigger dropped and the newest rows deleted: verify says the tail was cut, in Chinese', async () => {
    const s = await setUpStation();
    await someWrites(s.client, 4);
    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const total = countOf(s.dbPath);
    expect(cutTail(s.dbPath, total - 3)).toBe(3);
    const v = await s.client['audit.verify']({});
    expect(v).toMatchObject({ ok: false, tailCut: true, count: total - 3, brokenAt: total - 2 });
    expect(v.message).toBe(`操作日志末尾被截断：本机设置记录的最新一条为第 ${total} 条，现在日志只到第 ${total - 3} 条，缺少 3 条`);

    // new rows written over the cut do not heal it: the kept head stays where the log left it
    await someWrites(s.client, 4, 4);
    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    expect(countOf(s.dbPath)).toBeGreaterThan(total);
    const again = await s.client['audit.verify']({});
    expect(again).toMatchObject({ ok: false, tailCut: true, brokenAt: total });
    expect(again.message).toBe(`操作日志第 ${total} 条与本机设置记录的校验值不符：日志末尾可能被截断后重写`);
    s.close();
  });

  it('keeps the head in config.json, and a 日结 head still finds the cut when config.json is lost too', async () => {
    const dataDir = tempDir();
    const clock = manualClock('2026-11-27T01:00:00.000Z');
    let st = await createStation({ dataDir, transport: 'browser', store: jsonFileStore(dataDir), clock, syncWorker: { autoStart: false } });
    let api = clientOf(st);
    await api['setup.init']({ station: STATION, admin: ADMIN });
    await someWrites(api, 2);
    await api['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const config = JSON.parse(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8')) as { auditHead?: { seq: number; hash: string } };
    expect(config.auditHead?.seq).toBe(countOf(path.join(dataDir, DB_FILE)));

    const close = await api['dayclose.close']({});
    const closedAt = close.close.auditHead.seq;
    await someWrites(api, 2, 2);
    st.close();

    cutTail(path.join(dataDir, DB_FILE), closedAt - 2);
    fs.rmSync(path.join(dataDir, 'config.json'));
    st = await createStation({ dataDir, transport: 'browser', store: jsonFileStore(dataDir), clock, syncWorker: { autoStart: false } });
    api = clientOf(st);
    await api['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const v = await api['audit.verify']({});
    expect(v).toMatchObject({ ok: false, tailCut: true });
    expect(v.message).toContain(`2026-11-27 日结记录的最新一条为第 ${closedAt} 条`);
    st.close();
  });
});

describe('a cut tail at the county', () => {
  const env = countyBackend('pglite');
  const open: SyncTestStation[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });

  it('is flagged on the push after the cut', async () => {
    const county = await env.start();
    const s = await syncStation();
    open.push(s);
    const { stationId } = await enrollAt(county, s);
    await someWrites(s.client, 3);
    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    expect((await s.worker.runOnce()).ok).toBe(true);
    const row = async () => (await county.store.listStations()).find((x) => x.id === stationId)!;
    expect(await row()).toMatchObject({ auditTailCut: false });

    const dbFile = path.join(s.dataDir, DB_FILE);
    // below the head the county holds (a push goes out only with outbox events: audit-only rows
    // written since, such as sign-ins, are guarded by the station's own heads, not the county's)
    cutTail(dbFile, (await row()).auditHead!.seq - 2);
    // the next change goes out with a head below the one the county holds
    await s.client['residents.create']({ name: '王五', idNumber: idFor(50), phone: '', address: '建北街道' });
    expect((await s.worker.runOnce()).ok).toBe(true);
    expect(await row()).toMatchObject({ auditTailCut: true });
  });
});
