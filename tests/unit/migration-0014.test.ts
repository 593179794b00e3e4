import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations/index';
import { CheckCode } from '../../common/county/protocol';
import { tempDir } from '../helpers/station';

const before = MIGRATIONS.filter((m) => m.version < 14);
const upTo14 = MIGRATIONS.filter((m) => m.version <= 14);

const insert = (db: ReturnType<typeof openDb>, no: string, checkCode?: string | null) =>
  db
    .prepare(
      `INSERT INTO intake_records (id, receipt_no, ${checkCode !== undefined ? 'check_code, ' : ''}resident_id, resident_name, resident_id_masked, item_code, item_version, item_name, item_category, department, forwarded,
         time_limit, materials_required, materials_received, status, accepted_at, accepted_by, promised_date, updated_at)
       VALUES (@no, @no, ${checkCode !== undefined ? '@code, ' : ''}'p1', '张堃', '110105********002X', 'DB-003', '1', '老年证办理', '代办服务', '县民政局', 1, '{}', '[]', '[]', 'accepted', 't', 's1', '2026-12-11', 't')`,
    )
    .run({ no, ...(checkCode !== undefined ? { code: checkCode } : {}) });

describe('migration 0014-intake-check-code', () => {
  it('gives every record already accepted its own 查询码, and requires one of every new record', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    migrate(db, before);
    db.prepare("INSERT INTO staff (id, login, name, role, password_hash, created_at, updated_at) VALUES ('s1', 'a', '王建国', 'admin', 'h', 't', 't')").run();
    for (let i = 1; i <= 40; i++) insert(db, `N-${i}`);

    expect(migrate(db, upTo14)).toEqual({ from: before.at(-1)!.version, to: 14 });
    const codes = db.prepare('SELECT check_code FROM intake_records ORDER BY receipt_no').pluck().all() as string[];
    expect(codes).toHaveLength(40);
    for (const c of codes) expect(CheckCode.safeParse(c)).toEqual({ success: true, data: c });
    // drawn per row, not one code for all: 40 rows from 31^6 codes all but never collide
    expect(new Set(codes).size).toBeGreaterThan(35);
    expect(db.prepare("SELECT count(*) FROM intake_records WHERE receipt_no = 'N-1'").pluck().get()).toBe(1);

    insert(db, 'N-41', 'K7M3PQ');
    expect(() => insert(db, 'N-42')).toThrow(/check_code is required/);
    expect(() => insert(db, 'N-43', 'K7M3P0')).toThrow(/CHECK/); // 0 is not in the alphabet
    expect(() => insert(db, 'N-44', 'K7M3PQR')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE intake_records SET check_code = 'abcdef' WHERE receipt_no = 'N-1'").run()).toThrow(/CHECK/);
    db.close();
  });
});
