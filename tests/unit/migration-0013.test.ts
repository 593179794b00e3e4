import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations/index';
import { tempDir } from '../helpers/station';

const before = MIGRATIONS.filter((m) => m.version < 13);
const upTo13 = MIGRATIONS.filter((m) => m.version <= 13);
const H = 'a'.repeat(64);

function close(db: ReturnType<typeof openDb>, over: Record<string, unknown> = {}) {
  return db
    .prepare(
      `INSERT INTO day_closes (id, request_id, day, from_seq, through_seq, digest, counts, summary, audit_seq, audit_hash, closed_at, closed_by)
       VALUES (@id, @request_id, @day, @from_seq, @through_seq, @digest, @counts, @summary, 0, @h, 't', 's1')`,
    )
    .run({ id: 'c1', request_id: 'r1', day: '2026-12-08', from_seq: 1, through_seq: 5, digest: H, counts: '{}', summary: '{}', h: H, ...over });
}

describe('migration 0013-dayclose', () => {
  it('adds day_closes to a station with data: one close a day, a request answered once, the county status checked', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    migrate(db, before);
    db.prepare("INSERT INTO staff (id, login, name, role, password_hash, created_at, updated_at) VALUES ('s1', 'admin', '王', 'admin', 'h', 't', 't')").run();
    expect(migrate(db, upTo13).to).toBe(13);
    expect(db.prepare('SELECT count(*) FROM staff').pluck().get()).toBe(1);

    close(db);
    expect(db.prepare('SELECT county_status, reprint_count, version FROM day_closes').get()).toEqual({ county_status: 'pending', reprint_count: 0, version: 1 });
    expect(() => close(db, { id: 'c2', request_id: 'r2' })).toThrow(/UNIQUE/); // the same day again
    expect(() => close(db, { id: 'c2', day: '2026-12-09' })).toThrow(/UNIQUE/); // the same request again
    expect(() => close(db, { id: 'c2', request_id: 'r2', day: '8 Dec' })).toThrow(/CHECK/);
    expect(() => close(db, { id: 'c2', request_id: 'r2', day: '2026-12-09', through_seq: -1 })).toThrow(/CHECK/);
    expect(() => close(db, { id: 'c2', request_id: 'r2', day: '2026-12-09', digest: 'short' })).toThrow(/CHECK/);
    expect(() => close(db, { id: 'c2', request_id: 'r2', day: '2026-12-09', counts: '[]' })).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE day_closes SET closed_by = 'nobody'").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE day_closes SET county_status = 'maybe'").run()).toThrow(/CHECK/);
    // an empty range (nothing happened since the last close) is allowed
    close(db, { id: 'c3', request_id: 'r3', day: '2026-12-10', from_seq: 6, through_seq: 5 });
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['intake_events_at', 'intake_notices_issued', 'documents_kind_created', 'document_copies_created', 'day_closes_pending']));
    db.close();
  });
});
