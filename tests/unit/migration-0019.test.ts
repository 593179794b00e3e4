import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations/index';
import { WISH_STATUSES, WISH_STEPS, WISH_CATEGORIES, CLAIMANT_CATEGORIES } from '../../common/wish-status';
import { tempDir } from '../helpers/station';

const before = MIGRATIONS.filter((m) => m.version < 19);
const upTo19 = MIGRATIONS.filter((m) => m.version <= 19);

describe('migration 0019-wishes', () => {
  it('adds the wish tables on a database that already holds data, with the 500 元 cap, and pins the machine by CHECKs', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    migrate(db, before);
    db.prepare("INSERT INTO staff (id, login, name, role, password_hash, created_at, updated_at) VALUES ('s1', 'a', '王建国', 'admin', 'h', 't', 't')").run();
    db.prepare("INSERT INTO residents (id, name, id_number, id_rev, sex, birth_date, name_initials, name_pinyin, created_at, updated_at) VALUES ('r1', '张堃', '11010519491231002X', 'X2001321949150101', 'female', '1949-12-31', 'zk', 'zhang kun', 't', 't')").run();
    expect(migrate(db, upTo19)).toEqual({ from: before.at(-1)!.version, to: 19 });
    expect(db.prepare('SELECT value_cap_fen FROM wish_settings').pluck().all()).toEqual([50000]);
    expect(() => db.prepare('INSERT INTO wish_settings (id, value_cap_fen) VALUES (2, 1)').run()).toThrow(/CHECK/);

    const wish = (over: Record<string, unknown> = {}) =>
      db
        .prepare(
          `INSERT INTO wishes (id, wish_no, resident_id, beneficiary_name, beneficiary_masked, title, category, value_fen, cap_fen, needs_approval, source, deadline, status, created_at, created_by, updated_at)
           VALUES (@id, @no, 'r1', '张堃', '张*', '轮椅', @category, @value, 50000, 0, '入户走访', @deadline, @status, 't', 's1', 't')`,
        )
        .run({ id: 'w1', no: 'N1', category: '助残', value: 48000, deadline: '2026-12-31', status: 'pending', ...over });
    // every status and category main knows is storable
    WISH_STATUSES.forEach((status, i) => wish({ id: `ws${i}`, no: `S${i}`, status }));
    WISH_CATEGORIES.forEach((category, i) => wish({ id: `wc${i}`, no: `C${i}`, category }));
    expect(() => wish({ status: 'done' })).toThrow(/CHECK/);
    expect(() => wish({ category: '旅游' })).toThrow(/CHECK/);
    expect(() => wish({ value: -1 })).toThrow(/CHECK/);
    expect(() => wish({ deadline: '2026/12/31' })).toThrow(/CHECK/);
    expect(() => wish({ id: 'dup', no: 'S0' })).toThrow(/UNIQUE/);

    WISH_STEPS.forEach((step, i) => db.prepare("INSERT INTO wish_events (id, wish_id, at, by, step, to_status) VALUES (?, 'ws0', 't', NULL, ?, 'pending')").run(`e${i}`, step));
    expect(() => db.prepare("INSERT INTO wish_events (id, wish_id, at, step, to_status) VALUES ('ex', 'ws0', 't', 'jump', 'pending')").run()).toThrow(/CHECK/);

    const claimant = (id: string, kind: string, category: string) => db.prepare("INSERT INTO claimants (id, kind, category, name, phone, created_at, created_by, updated_at) VALUES (?, ?, ?, '某', '1', 't', 's1', 't')").run(id, kind, category);
    CLAIMANT_CATEGORIES.forEach((c, i) => claimant(`k${i}`, i < 3 ? 'person' : 'unit', c));
    expect(() => claimant('bad1', 'person', '企业')).toThrow(/CHECK/);
    expect(() => claimant('bad2', 'unit', '党员')).toThrow(/CHECK/);

    db.prepare("INSERT INTO wish_claims (id, wish_id, claim_no, claimed_at, claimed_by, promised_handover_date) VALUES ('c1', 'ws0', 'N1-R1', 't', 's1', '2026-12-01')").run();
    db.prepare("INSERT INTO wish_claim_shares (claim_id, claimant_id, ord, percent, value_fen) VALUES ('c1', 'k3', 0, 60, 1)").run();
    expect(() => db.prepare("INSERT INTO wish_claim_shares (claim_id, claimant_id, ord, percent, value_fen) VALUES ('c1', 'k4', 1, 0, 1)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO wish_claim_shares (claim_id, claimant_id, ord, percent, value_fen) VALUES ('c1', 'k3', 1, 40, 1)").run()).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("INSERT INTO wish_claim_shares (claim_id, claimant_id, ord, percent, value_fen) VALUES ('c1', 'nobody', 1, 40, 1)").run()).toThrow(/FOREIGN KEY/);

    const proof = (id: string, mime: string, sha: string) => db.prepare("INSERT INTO wish_proofs (id, wish_id, file_name, mime, bytes, sha256, path, uploaded_at, uploaded_by) VALUES (?, 'ws0', 'a', ?, 10, ?, 'p', 't', 's1')").run(id, mime, sha);
    proof('p1', 'image/png', 'a'.repeat(64));
    expect(() => proof('p2', 'application/pdf', 'b'.repeat(64))).toThrow(/CHECK/);
    expect(() => proof('p3', 'image/png', 'a'.repeat(64))).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO wish_lobby_links (id, label, token_hash, created_at, created_by) VALUES ('l1', '大厅', 'short', 't', 's1')").run()).toThrow(/CHECK/);
    db.close();
  });
});
