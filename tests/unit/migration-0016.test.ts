import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations/index';
import { tempDir } from '../helpers/station';

const before = MIGRATIONS.filter((m) => m.version < 16);
const upTo16 = MIGRATIONS.filter((m) => m.version <= 16);

describe('migration 0016-staff-grants', () => {
  it('adds staff_grants: one row per staff member and permission, tied to real staff', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    migrate(db, before);
    db.prepare("INSERT INTO staff (id, login, name, role, password_hash, created_at, updated_at) VALUES ('s1', 'a', '王建国', 'head', 'h', 't', 't'), ('s2', 'b', '李娜', 'clerk', 'h', 't', 't')").run();
    expect(migrate(db, upTo16)).toEqual({ from: before.at(-1)!.version, to: 16 });
    const grant = db.prepare("INSERT INTO staff_grants (staff_id, permission, granted_by, granted_at) VALUES (?, ?, 's1', '2026-11-27T01:00:00.000Z')");
    grant.run('s2', 'residents.export');
    grant.run('s2', 'residents.import');
    expect(() => grant.run('s2', 'residents.export')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => grant.run('nobody', 'residents.export')).toThrow(/FOREIGN KEY/);
    expect(() => grant.run('s2', 'not a permission')).toThrow(/CHECK/);
    expect(db.prepare("SELECT permission FROM staff_grants WHERE staff_id = 's2' ORDER BY permission").pluck().all()).toEqual(['residents.export', 'residents.import']);
    db.close();
  });
});
