import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations/index';
import { tempDir } from '../helpers/station';

const before = MIGRATIONS.filter((m) => m.version < 10);
const upTo10 = MIGRATIONS.filter((m) => m.version <= 10);

const insert = (db: ReturnType<typeof openDb>, seq: number, over: Record<string, unknown> = {}) =>
  db
    .prepare(
      `INSERT INTO outbox (seq, event_id, entity, entity_id, op, version, occurred_at, payload, prev_hash, hash)
       VALUES (@seq, @event_id, @entity, @entity_id, @op, @version, 't', @payload, 'p', @hash)`,
    )
    .run({ seq, event_id: `e${seq}`, entity: 'resident', entity_id: 'r1', op: 'create', version: seq, payload: '{}', hash: `h${seq}`, ...over });

describe('migration 0010-outbox', () => {
  it('adds an empty outbox to a station with data, and keeps its events whole', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    migrate(db, before);
    db.prepare("INSERT INTO staff (id, login, name, role, password_hash, created_at, updated_at) VALUES ('s1', 'admin', '王', 'admin', 'h', 't', 't')").run();
    expect(migrate(db, upTo10)).toEqual({ from: 9, to: 10 });
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM staff').pluck().get()).toBe(1);

    insert(db, 1);
    expect(() => insert(db, 2, { op: 'upsert' })).toThrow(/CHECK/);
    expect(() => insert(db, 2, { payload: 'not json' })).toThrow(/CHECK/);
    expect(() => insert(db, 2, { version: 1 })).toThrow(/UNIQUE/); // one event per version of a record
    expect(() => insert(db, 2, { event_id: 'e1' })).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE outbox SET hash = 'x' WHERE seq = 1").run()).toThrow(/frozen/);
    expect(() => db.prepare('DELETE FROM outbox').run()).toThrow(/kept/);
    db.prepare("UPDATE outbox SET sent_at = 'a', acked_at = 'b' WHERE seq = 1").run();
    expect(db.prepare('SELECT acked_at FROM outbox').pluck().get()).toBe('b');
    db.close();
  });
});
