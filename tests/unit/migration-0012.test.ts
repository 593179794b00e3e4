import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations/index';
import { tempDir } from '../helpers/station';

const upTo11 = MIGRATIONS.filter((m) => m.version <= 11);
const upTo12 = MIGRATIONS.filter((m) => m.version <= 12);

describe('migration 0012-sync', () => {
  it('adds one sync state row, rejections tied to outbox seqs, conflicts kept once per feed item, and the county columns on intake rows', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    migrate(db, upTo11);
    db.prepare("INSERT INTO staff (id, login, name, role, password_hash, created_at, updated_at) VALUES ('s1', 'admin', '王', 'admin', 'h', 't', 't')").run();
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO intake_records (id, receipt_no, resident_id, resident_name, resident_id_masked, item_code, item_version, item_name, item_category, department, forwarded, time_limit, materials_required, materials_received, status, accepted_at, accepted_by, promised_date, updated_at, version) VALUES ('i1', 'R1', 'r1', '张', 'x', 'DB-003', '1', '老年证', 'c', 'd', 1, '{}', '[]', '[]', 'forwarded', 't', 's1', '2026-12-01', 't', 2)").run();
    db.pragma('foreign_keys = ON');
    db.prepare("INSERT INTO outbox (seq, event_id, entity, entity_id, op, version, occurred_at, payload, prev_hash, hash) VALUES (1, 'e1', 'intake', 'i1', 'create', 1, 't', '{}', 'p', 'h1')").run();

    expect(migrate(db, upTo12)).toEqual({ from: 11, to: 12 });
    // the existing item keeps its data and has no county decision yet
    expect(db.prepare("SELECT status, version, county_decision, county_decided_at FROM intake_records WHERE id = 'i1'").get()).toEqual({ status: 'forwarded', version: 2, county_decision: null, county_decided_at: null });
    expect(db.prepare('SELECT id, acked_through, pull_cursor, needs_reenroll, station_token FROM sync_state').all()).toEqual([{ id: 1, acked_through: 0, pull_cursor: 0, needs_reenroll: 0, station_token: null }]);
    expect(() => db.prepare('INSERT INTO sync_state (id) VALUES (2)').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE sync_state SET acked_through = -1').run()).toThrow(/CHECK/);

    const reject = db.prepare("INSERT INTO sync_rejections (seq, reason, message, rejected_at) VALUES (?, 'BAD_HASH', '改动', 't')");
    reject.run(1);
    expect(() => reject.run(1)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => reject.run(99)).toThrow(/FOREIGN KEY/);

    const conflict = db.prepare("INSERT INTO sync_conflicts (id, feed_seq, kind, entity, entity_id, label, summary, body, based_on_version, station_version, received_at) VALUES (?, ?, 'intake.decision', 'intake', 'i1', 'R1', '县级办结', ?, 1, 2, 't')");
    conflict.run('c1', 7, '{}');
    expect(() => conflict.run('c2', 7, '{}')).toThrow(/UNIQUE/); // one feed item, one conflict
    expect(() => conflict.run('c3', 8, 'not json')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE intake_records SET county_decision = 'maybe' WHERE id = 'i1'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE intake_records SET county_decision = 'completed', county_result = '已制证' WHERE id = 'i1'").run();
    db.close();
  });
});
