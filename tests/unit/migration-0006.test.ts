import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations/index';
import { tempDir } from '../helpers/station';

const at = (version: number) => MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.version === version) + 1);
const SHA = 'a'.repeat(64);

describe('migration 0006-calendars', () => {
  it('adds the holiday calendars and, to intake records already there, promise columns left empty', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    migrate(db, at(5));
    db.prepare("INSERT INTO staff (id, login, name, role, password_hash, created_at, updated_at) VALUES ('s1', 'a', '甲', 'head', 'h', 't', 't')").run();
    db.prepare(
      `INSERT INTO intake_records (id, receipt_no, resident_id, resident_name, resident_id_masked, item_code, item_version, item_name, item_category, department,
         forwarded, time_limit, materials_required, materials_received, status, accepted_at, accepted_by, promised_date, updated_at)
       VALUES ('i1', 'N-1', 'r1', '张三', '110105********002X', 'ZB-011', '1', '奖励扶助', '审核转报', '县卫健局', 1, '{"unit":"workdays","value":30}', '[]', '[]', 'accepted', '2026-12-02T02:00:00.000Z', 's1', '2027-01-13', 't')`,
    ).run();

    expect(migrate(db, at(6))).toEqual({ from: 5, to: 6 });
    // a promise made before: nothing known of its calendar, not marked provisional
    expect(db.prepare('SELECT promised_date, promise_calendar_source, promise_calendar_version, promise_provisional FROM intake_records').get()).toEqual({
      promised_date: '2027-01-13',
      promise_calendar_source: null,
      promise_calendar_version: null,
      promise_provisional: 0,
    });
    expect(() => db.prepare("UPDATE intake_records SET promise_provisional = 2 WHERE id = 'i1'").run()).toThrow(/CHECK/);

    const insert = (year: number, origin: string, sha = SHA, by: string | null = 's1') =>
      db
        .prepare("INSERT INTO holiday_calendars (year, source, sha256, content, origin, loaded_at, loaded_by) VALUES (?, '通知', ?, '{}', ?, 't', ?)")
        .run(year, sha, origin, by);
    insert(2027, 'station');
    insert(2027, 'station'); // loading the same notice again later is history, not a clash
    insert(2027, 'shipped', SHA, null);
    insert(2027, 'county', SHA, null);
    expect(() => insert(2027, 'internet')).toThrow(/CHECK/);
    expect(() => insert(1999, 'station')).toThrow(/CHECK/);
    expect(() => insert(2027, 'station', 'abc')).toThrow(/CHECK/);
    expect(() => insert(2027, 'station', SHA, 'nobody')).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT count(*) FROM holiday_calendars').pluck().get()).toBe(4);
    db.close();
  });
});
