import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations/index';
import { tempDir } from '../helpers/station';

const upTo10 = MIGRATIONS.filter((m) => m.version <= 10);
const upTo11 = MIGRATIONS.filter((m) => m.version <= 11);

describe('migration 0011-requests', () => {
  it('keeps every intake history row in order, lets a county decision stand without a staff id, and adds the request table', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    migrate(db, upTo10);
    db.prepare("INSERT INTO staff (id, login, name, role, password_hash, created_at, updated_at) VALUES ('s1', 'admin', '王', 'admin', 'h', 't', 't')").run();
    db.pragma('foreign_keys = OFF'); // an intake row needs a resident and an item: beside the point here
    db.prepare("INSERT INTO intake_records (id, receipt_no, resident_id, resident_name, resident_id_masked, item_code, item_version, item_name, item_category, department, forwarded, time_limit, materials_required, materials_received, status, accepted_at, accepted_by, promised_date, updated_at, version) VALUES ('i1', 'R1', 'r1', '张', 'x', 'DB-003', '1', '老年证', 'c', 'd', 1, '{}', '[]', '[]', 'forwarded', 't', 's1', '2026-12-01', 't', 2)").run();
    db.pragma('foreign_keys = ON');
    // same instant: the history's order is the insertion order
    for (const [id, from, to] of [['e2', null, 'accepted'], ['e1', 'accepted', 'forwarded']] as const) {
      db.prepare("INSERT INTO intake_events (id, intake_id, at, by, from_status, to_status, reason) VALUES (?, 'i1', 't', 's1', ?, ?, NULL)").run(id, from, to);
    }

    expect(migrate(db, upTo11)).toEqual({ from: 10, to: 11 });
    expect(db.prepare("SELECT id, by, by_name FROM intake_events WHERE intake_id = 'i1' ORDER BY at, rowid").all()).toEqual([
      { id: 'e2', by: 's1', by_name: null },
      { id: 'e1', by: 's1', by_name: null },
    ]);
    const event = db.prepare("INSERT INTO intake_events (id, intake_id, at, by, by_name, from_status, to_status, reason) VALUES (?, 'i1', 't', ?, ?, 'forwarded', 'completed', '已办结')");
    event.run('e3', null, '刘科长');
    expect(() => event.run('e4', null, null)).toThrow(/CHECK/); // somebody always stands behind a step
    expect(() => event.run('e5', 'nobody', null)).toThrow(/FOREIGN KEY/);

    const keep = db.prepare("INSERT INTO requests (request_id, call, actor_id, result, created_at) VALUES (?, 'residents.create', 's1', ?, 't')");
    keep.run('q1', '{"id":"r1"}');
    expect(() => keep.run('q1', '{"id":"r2"}')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => keep.run('q2', 'not json')).toThrow(/CHECK/);
    db.close();
  });
});
