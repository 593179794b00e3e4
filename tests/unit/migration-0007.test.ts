import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations/index';
import { tempDir } from '../helpers/station';

const before = MIGRATIONS.filter((m) => m.version < 7);

describe('migration 0007-intake-more', () => {
  it('adds conditions, on-the-spot, notice link, 转报 and 代领 columns to a database holding records, keeping them', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    migrate(db, before);
    db.prepare("INSERT INTO staff (id, login, name, role, password_hash, created_at, updated_at) VALUES ('s1', 'a', '王建国', 'admin', 'h', 't', 't')").run();
    db.prepare(
      `INSERT INTO intake_records (id, receipt_no, resident_id, resident_name, resident_id_masked, item_code, item_version, item_name, item_category, department, forwarded,
         time_limit, materials_required, materials_received, status, accepted_at, accepted_by, promised_date, updated_at)
       VALUES ('r1', 'N-1', 'p1', '张堃', '110105********002X', 'DB-003', '1', '老年证办理', '代办服务', '县民政局', 1, '{}', '[]', '[]', 'accepted', 't', 's1', '2026-12-11', 't')`,
    ).run();

    migrate(db);
    const cols = (t: string) => db.prepare(`SELECT name FROM pragma_table_info('${t}')`).pluck().all();
    expect(cols('intake_records')).toEqual(expect.arrayContaining(['on_the_spot', 'notice_id', 'eligibility_warnings', 'transmittal_id', 'proxy_name', 'proxy_id_number', 'proxy_relation']));
    expect(cols('catalogue_items')).toContain('conditions');
    expect(cols('intake_transmittals')).toEqual(expect.arrayContaining(['transmittal_no', 'department', 'channel', 'receiver_name', 'received_at']));
    expect(db.prepare("SELECT on_the_spot, notice_id, transmittal_id FROM intake_records WHERE id = 'r1'").get()).toEqual({ on_the_spot: 0, notice_id: null, transmittal_id: null });

    // the rules hold in the file, whatever the code does
    expect(() => db.prepare("UPDATE intake_records SET on_the_spot = 2 WHERE id = 'r1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE intake_records SET eligibility_warnings = 'not json' WHERE id = 'r1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE intake_records SET transmittal_id = 'none' WHERE id = 'r1'").run()).toThrow(/FOREIGN KEY/);
    const transmittal = db.prepare(
      "INSERT INTO intake_transmittals (id, transmittal_no, department, channel, receiver_name, received_at, created_at, created_by) VALUES ('t1', 'Z-1', '县民政局', ?, '李娜', 't', 't', 's1')",
    );
    expect(() => transmittal.run('fax')).toThrow(/CHECK/);
    transmittal.run('paper');
    db.prepare("UPDATE intake_records SET transmittal_id = 't1' WHERE id = 'r1'").run();
    db.close();
  });
});
