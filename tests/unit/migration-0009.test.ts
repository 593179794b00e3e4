import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations/index';
import { tempDir } from '../helpers/station';

const before = MIGRATIONS.filter((m) => m.version < 9);
const m0009 = MIGRATIONS.filter((m) => m.version === 9);

function staffRow(db: ReturnType<typeof openDb>, id: string, login: string, lastSignIn: string | null) {
  db.prepare("INSERT INTO staff (id, login, name, role, password_hash, last_sign_in_at, created_at, updated_at) VALUES (?, ?, ?, 'clerk', 'h', ?, 't', 't')").run(id, login, login, lastSignIn);
}

describe('migration 0009-staff-password-change', () => {
  it('adds must_change_password, set only for accounts an administrator made that were never used, and the log filters’ indexes', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    migrate(db, before);
    staffRow(db, 'admin1', 'admin', null); // the setup administrator: created themselves
    staffRow(db, 'used', 'used', '2026-11-20T01:00:00.000Z');
    staffRow(db, 'fresh', 'fresh', null);
    const audit = db.prepare("INSERT INTO audit_log (seq, at, actor_id, action, entity, entity_id, prev_hash, hash) VALUES (?, 't', ?, 'staff.create', 'staff', ?, 'p', ?)");
    audit.run(1, 'admin1', 'admin1', 'h1');
    audit.run(2, 'admin1', 'used', 'h2');
    audit.run(3, 'admin1', 'fresh', 'h3');

    expect(migrate(db, [...before, ...m0009]).to).toBe(9);
    const flags = Object.fromEntries(db.prepare<[], { id: string; must_change_password: number }>('SELECT id, must_change_password FROM staff').all().map((r) => [r.id, r.must_change_password]));
    expect(flags).toEqual({ admin1: 0, used: 0, fresh: 1 });
    expect(() => db.prepare("UPDATE staff SET must_change_password = 2 WHERE id = 'used'").run()).toThrow(/CHECK/);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log'").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['audit_log_at', 'audit_log_actor', 'audit_log_action', 'audit_log_entity_id']));
    staffRow(db, 'later', 'later', null);
    expect(db.prepare("SELECT must_change_password FROM staff WHERE id = 'later'").pluck().get()).toBe(0);
    db.close();
  });
});
