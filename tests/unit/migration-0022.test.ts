import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations/index';
import { tempDir } from '../helpers/station';

describe('migration 0022-wish-masked-names', () => {
  it('hides a one-character beneficiary name kept whole, and leaves every other masked name as it was', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    migrate(db, MIGRATIONS.filter((m) => m.version < 22));
    db.prepare("INSERT INTO staff (id, login, name, role, password_hash, created_at, updated_at) VALUES ('s1', 'a', '王建国', 'admin', 'h', 't', 't')").run();
    db.prepare(
      "INSERT INTO residents (id, name, id_number, id_rev, sex, birth_date, name_initials, name_pinyin, created_at, updated_at) VALUES ('p1', '张建华', '130102197001011019', '910110107917920131', 'male', '1970-01-01', 'zjh', 'zhangjianhua', 't', 't')",
    ).run();
    const add = db.prepare(
      `INSERT INTO wishes (id, wish_no, resident_id, beneficiary_name, beneficiary_masked, title, category, value_fen, cap_fen, needs_approval, source, deadline, status, created_at, created_by, updated_at)
       VALUES (?, ?, 'p1', ?, ?, '一袋米', '生活物资', 8000, 50000, 0, '居民提出', '2026-12-31', 'published', 't', 's1', 't')`,
    );
    add.run('w1', 'N1', '𪚥', '𪚥');
    add.run('w2', 'N2', '李', '李');
    add.run('w3', 'N3', '张建华', '张*华');
    add.run('w4', 'N4', '李娜', '李*');
    expect(migrate(db).to).toBe(22);
    expect(db.prepare('SELECT id, beneficiary_masked AS m FROM wishes ORDER BY id').all()).toEqual([
      { id: 'w1', m: '*' },
      { id: 'w2', m: '*' },
      { id: 'w3', m: '张*华' },
      { id: 'w4', m: '李*' },
    ]);
    db.close();
  });
});
