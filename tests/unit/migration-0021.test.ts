import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations/index';
import { tempDir } from '../helpers/station';

const before = MIGRATIONS.filter((m) => m.version < 21);
const upTo21 = MIGRATIONS.filter((m) => m.version <= 21);

describe('migration 0021-relief', () => {
  it('adds the relief tables to a station with data, with their checks', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    migrate(db, before);
    db.prepare("INSERT INTO staff (id, login, name, role, password_hash, created_at, updated_at) VALUES ('s1', 'a', '王建国', 'admin', 'h', 't', 't')").run();
    db.prepare(
      "INSERT INTO residents (id, name, id_number, id_rev, sex, birth_date, name_initials, name_pinyin, created_at, updated_at) VALUES ('p1', '张建华', '130102197001011019', '910110107917920131', 'male', '1970-01-01', 'zjh', 'zhangjianhua', 't', 't')",
    ).run();
    expect(migrate(db, upTo21).to).toBe(21);
    expect(db.prepare('SELECT count(*) FROM staff').pluck().get()).toBe(1);
    expect(db.prepare('SELECT limits, time FROM relief_config').get()).toEqual({ limits: '{}', time: '{}' });

    const add = (over: Record<string, unknown> = {}) =>
      db
        .prepare(
          `INSERT INTO relief_cases (id, case_no, type, status, applicant_id, applicant_name, applicant_id_masked, created_at, created_by, updated_at)
           VALUES (@id, @no, @type, @status, 'p1', '张建华', '130102********1019', 't', 's1', 't')`,
        )
        .run({ id: 'c1', no: 'N1', type: 'dibao', status: 'incomplete', ...over });
    add();
    expect(db.prepare('SELECT version, limit_workdays, round, close_relative, materials_received FROM relief_cases').get()).toEqual({ version: 1, limit_workdays: 30, round: 1, close_relative: 0, materials_received: '[]' });
    expect(() => add({ id: 'c2', no: 'N1' })).toThrow(/UNIQUE/);
    expect(() => add({ id: 'c3', no: 'N3', type: 'other' })).toThrow(/CHECK/);
    expect(() => add({ id: 'c4', no: 'N4', status: 'done' })).toThrow(/CHECK/);
    db.prepare("INSERT INTO relief_members (case_id, resident_id, position, relation, employment) VALUES ('c1', 'p1', 0, 'applicant', 'flexible')").run();
    expect(() => db.prepare("INSERT INTO relief_incomes (case_id, resident_id, position, kind, amount_fen, months) VALUES ('c1', 'p1', 0, 'wage', -1, 1)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO relief_incomes (case_id, resident_id, position, kind, amount_fen, months) VALUES ('c1', 'p1', 0, 'wage', 100, 13)").run()).toThrow(/CHECK/);
    // an income belongs to a member of the case
    expect(() => db.prepare("INSERT INTO relief_incomes (case_id, resident_id, position, kind, amount_fen, months) VALUES ('c1', 'nobody', 0, 'wage', 100, 1)").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO relief_standards (fen, effective_from, source, origin, recorded_at) VALUES (78000, '2026/01/01', 'x', 'county', 't')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO relief_close_relatives (id, case_id, resident_id, relative_of, relative_name, relation, recorded_at, recorded_by) VALUES ('r1', 'c1', 'p1', 'friend', 'x', 'y', 't', 's1')").run()).toThrow(/CHECK/);
    db.close();
  });
});
