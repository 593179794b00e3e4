import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../main/db/open';
import { migrate, schemaVersion, MigrationError } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations/index';
import { createStation, StartupError } from '../../main/station';
import { memoryStore } from '../../main/settings-store';
import { tempDir } from '../helpers/station';

// the newest version, not the count: numbers are handed out ahead of merging, so the list may have gaps meanwhile
const LATEST = MIGRATIONS.at(-1)!.version;
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

describe('database opening', () => {
  it('uses WAL, foreign keys, a busy timeout and synchronous=FULL', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('numbers migrations 1, 2, 3 … in rising order, each once (a number handed out ahead of merging may leave a gap meanwhile)', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions.slice(0, 14)).toEqual(versions.slice(0, 14).map((_, i) => i + 1));
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1]!);
    for (const m of MIGRATIONS) expect(m.name.startsWith(String(m.version).padStart(4, '0'))).toBe(true);
  });
});

describe('migration 0001-init', () => {
  it('creates station, staff, an append-only audit_log and station settings', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    expect(migrate(db, MIGRATIONS.slice(0, 1))).toEqual({ from: 0, to: 1 });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'settings', 'staff', 'station']));
    expect(db.prepare("SELECT value FROM settings WHERE key = 'auth.maxFailedSignIns'").pluck().get()).toBe('5');
    db.prepare("INSERT INTO audit_log (seq, at, action, entity, prev_hash, hash) VALUES (1, 'x', 'a', 'e', 'p', 'h')").run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'b'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO station (id, code, name, county, address, phone, created_at, updated_at) VALUES (2,'a','b','c','d','e','f','g')").run()).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO staff (id, login, name, role, password_hash, created_at, updated_at) VALUES ('1','a','b','boss','h','t','t')").run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('is idempotent: a second run applies nothing', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    migrate(db);
    expect(migrate(db)).toEqual({ from: LATEST, to: LATEST });
    db.close();
  });
});

describe('a failing migration', () => {
  it('rolls back every pending step and leaves the file as it was', () => {
    const file = path.join(tempDir(), 'a.db');
    const db = openDb(file);
    migrate(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = sha(file);
    const broken = [
      ...MIGRATIONS,
      { version: LATEST + 1, name: '9001-good', sql: 'CREATE TABLE ok_table (x INTEGER);' },
      { version: LATEST + 2, name: '9002-bad', sql: 'ALTER TABLE no_such_table ADD COLUMN y TEXT;' },
    ];
    const err = (() => {
      try {
        migrate(db, broken);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as MigrationError).message).toMatch(/数据库升级失败（步骤 9002-bad），数据库未作任何改动/);
    expect(schemaVersion(db)).toBe(LATEST);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'ok_table'").pluck().get()).toBe(0);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(sha(file)).toBe(before);
  });

  it('refuses a database written by a newer version, in Chinese, at startup', async () => {
    const dir = tempDir();
    const db = openDb(path.join(dir, 'stationdesk.db'));
    db.pragma('user_version = 999');
    db.close();
    await expect(createStation({ dataDir: dir, transport: 'browser', store: memoryStore() })).rejects.toThrow(StartupError);
    await expect(createStation({ dataDir: dir, transport: 'browser', store: memoryStore() })).rejects.toThrow(/高于本程序支持的版本/);
  });

  it('says so in Chinese when the file is not a database', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'stationdesk.db'), 'this is not sqlite'.repeat(100));
    await expect(createStation({ dataDir: dir, transport: 'browser', store: memoryStore() })).rejects.toThrow(/数据库/);
  });
});

describe('migration 0004-intake', () => {
  it('adds intake records, their history, notices and daily serials on top of version 3', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    migrate(db, MIGRATIONS.slice(0, 3));
    expect(migrate(db, MIGRATIONS.slice(0, 4))).toEqual({ from: 3, to: 4 });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['intake_records', 'intake_events', 'intake_notices', 'serials']));
    db.prepare("INSERT INTO staff (id, login, name, role, password_hash, created_at, updated_at) VALUES ('s1', 'a', '甲', 'clerk', 'h', 't', 't')").run();
    const insert = (status: string, no: string) =>
      db
        .prepare(
          `INSERT INTO intake_records (id, receipt_no, resident_id, resident_name, resident_id_masked, item_code, item_version, item_name, item_category, department,
             forwarded, time_limit, materials_required, materials_received, status, accepted_at, accepted_by, promised_date, updated_at)
           VALUES (?, ?, 'r1', '张三', '110105********002X', 'DB-003', '1', '老年证办理', '代办服务', '县民政局', 1, '{}', '[]', '[]', ?, 't', 's1', '2026-12-11', 't')`,
        )
        .run(no, no, status);
    insert('accepted', 'N-1');
    expect(() => insert('lost', 'N-2')).toThrow(/CHECK/);
    expect(() => insert('accepted', 'N-1')).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO intake_records (id, receipt_no, resident_id, resident_name, resident_id_masked, item_code, item_version, item_name, item_category, department, forwarded, time_limit, materials_required, materials_received, status, accepted_at, accepted_by, promised_date, updated_at) VALUES ('x', 'N-3', 'r', 'n', 'm', 'c', '1', 'i', 'k', 'd', 0, '{}', '[]', '[]', 'accepted', 't', 'nobody', 'd', 't')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO serials (scope, day, last) VALUES ('receipt', '2026-11-27', 1)").run();
    expect(() => db.prepare("INSERT INTO serials (scope, day, last) VALUES ('receipt', '2026-11-27', 2)").run()).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });
});
