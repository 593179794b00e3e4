import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations/index';
import { tempDir } from '../helpers/station';

describe('migration 0002-residents', () => {
  it('adds residents, their tags and name pieces to a version-1 database, with the rules in the schema', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(migrate(db, MIGRATIONS.slice(0, 2))).toEqual({ from: 1, to: 2 });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['residents', 'resident_tags', 'resident_name_grams']));

    const row = (over: Record<string, unknown> = {}) => ({
      id: 'r1', name: '张三', id_number: '11010519491231002X', id_rev: 'X20013219150101', sex: 'female', birth_date: '1949-12-31',
      name_initials: 'zs', name_pinyin: 'zhangsan', at: '2026-11-27T00:00:00.000Z', head: null, relation: null, ...over,
    });
    const insert = db.prepare(
      `INSERT INTO residents (id, name, id_number, id_rev, sex, birth_date, name_initials, name_pinyin, created_at, updated_at, household_head_id, relation)
       VALUES (@id, @name, @id_number, @id_rev, @sex, @birth_date, @name_initials, @name_pinyin, @at, @at, @head, @relation)`,
    );
    insert.run(row());
    // one record per 身份证号: the reversed number is unique
    expect(() => insert.run(row({ id: 'r2' }))).toThrow(/UNIQUE/);
    expect(() => insert.run(row({ id: 'r3', id_rev: 'other', sex: 'x' }))).toThrow(/CHECK/);
    expect(() => insert.run(row({ id: 'r4', id_rev: 'other', id_number: '123' }))).toThrow(/CHECK/);
    expect(() => insert.run(row({ id: 'r5', id_rev: 'other', relation: '邻居' }))).toThrow(/CHECK/);
    expect(() => insert.run(row({ id: 'r6', id_rev: 'other', head: 'nobody', relation: '配偶' }))).toThrow(/FOREIGN KEY/);
    expect(() => insert.run(row({ id: 'r7', id_rev: 'other', head: 'r7', relation: '配偶' }))).toThrow(/CHECK/);
    const rid = db.prepare("SELECT rid FROM residents WHERE id = 'r1'").pluck().get();
    db.prepare("INSERT INTO resident_tags (rid, tag, since) VALUES (?, '低保', '2024-01-01')").run(rid);
    expect(() => db.prepare("INSERT INTO resident_tags (rid, tag, since) VALUES (?, '五保', '2024-01-01')").run(rid)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO resident_tags (rid, tag, since) VALUES (999, '低保', '2024-01-01')").run()).toThrow(/FOREIGN KEY/);

    // the search lookups are index ranges, not scans
    const plan = (sql: string) => db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all().map((r) => (r as { detail: string }).detail).join(' | ');
    expect(plan("SELECT * FROM residents WHERE name > '张' AND name < '张\u{10FFFF}' ORDER BY name LIMIT 20")).toMatch(/USING INDEX residents_name/);
    expect(plan("SELECT * FROM residents WHERE id_rev >= '4321' AND id_rev < '4321z' ORDER BY id_rev LIMIT 20")).toMatch(/USING INDEX sqlite_autoindex_residents_2/);
    expect(plan("SELECT * FROM residents WHERE phone_rev >= '4321' AND phone_rev < '4321z' ORDER BY phone_rev LIMIT 20")).toMatch(/USING INDEX residents_phone_rev/);
    expect(plan("SELECT * FROM residents WHERE name_initials = 'zs' ORDER BY name_initials, name LIMIT 20")).toMatch(/USING INDEX residents_initials/);
    expect(plan("SELECT r.* FROM resident_name_grams g JOIN residents r ON r.rid = g.rid WHERE g.gram = '建国' LIMIT 20")).toMatch(/SEARCH g USING PRIMARY KEY/);
    expect(plan("SELECT * FROM residents WHERE key_service = 1 ORDER BY grid, name, birth_date LIMIT 50")).toMatch(/USING INDEX residents_key_service/);
    expect(plan("SELECT * FROM residents WHERE key_service = 1 ORDER BY grid, name, birth_date LIMIT 50")).not.toMatch(/TEMP B-TREE/);
    db.close();
  });
});
