import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations/index';
import { checkCharOf } from '../../common/idcard';
import { tempDir } from '../helpers/station';
import { phoneGrams } from '../../main/services/residents-store';

const first17 = '13010219600101011';
const ID = first17 + checkCharOf(first17);

describe('migration 0008-residents-search', () => {
  it('indexes the residents already there: single characters, middle phone digits, no correction yet', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    migrate(db, MIGRATIONS.filter((m) => m.version < 8));
    db.prepare(
      `INSERT INTO residents (id, name, id_number, id_rev, sex, birth_date, phone, phone_digits, phone_rev, name_initials, name_pinyin, created_at, updated_at)
       VALUES ('r1', '王堃明', ?, ?, 'male', '1960-01-01', '18613931145', '18613931145', '54113931681', 'wkm', 'wangkunming', 't', 't')`,
    ).run(ID, [...ID].reverse().join(''));
    migrate(db);
    // from the 2nd character on; the pieces that start (186139) or end (931145) the number are other indexes' ranges
    expect(db.prepare('SELECT gram FROM resident_name_grams ORDER BY gram').pluck().all()).toEqual(['堃', '明']);
    expect(db.prepare('SELECT gram FROM resident_phone_grams ORDER BY gram').pluck().all()).toEqual([139311, 393114, 613931, 861393]);
    expect(db.prepare('SELECT pinyin_manual FROM residents').pluck().get()).toBeNull();
    expect(() => db.prepare("UPDATE residents SET pinyin_manual = 'Wei2'").run()).toThrow(/CHECK/);
    // the same pieces as the service writes for a new row
    expect(phoneGrams('18613931145').sort((x, y) => x - y)).toEqual([139311, 393114, 613931, 861393]);
    db.close();
  });
});
