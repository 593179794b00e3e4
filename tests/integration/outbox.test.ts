/**
 * The one write path on a real station file: each business change leaves its row, its
 * audit entry and one outbox event carrying the record's full state, in one transaction;
 * audit-only notes leave no event; a failure leaves none of the three.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, manualClock, setUpStation, STATION } from '../helpers/station';
import { openDb } from '../../main/db/open';
import { DB_FILE } from '../../main/paths';
import { createAudit } from '../../main/services/audit';
import { createWriter, GENESIS_HASH, verifyOutbox, type OutboxRow } from '../../main/db/write';


const ID_NUMBER = '11010519491231002X';

async function station() {
  const s = await setUpStation({ clock: manualClock('2026-11-27T01:00:00.000Z') });
  const db = openDb(path.join(s.dataDir, DB_FILE));
  const outbox = () => db.prepare<[], OutboxRow>('SELECT * FROM outbox ORDER BY seq').all();
  const auditCount = () => db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  return { s, db, outbox, auditCount };
}

describe('outbox', () => {
  it('writes one event per change, gapless and chained, with the full snapshot; the audit keeps no personal data', async () => {
    const { s, db, outbox } = await station();
    // setup: the administrator and the station
    expect(outbox().map((e) => [e.seq, e.entity, e.op, e.version])).toEqual([
      [1, 'staff', 'create', 1],
      [2, 'station', 'create', 1],
    ]);
    expect(JSON.parse(outbox()[0]!.payload)).toMatchObject({ login: ADMIN.login, role: 'admin', active: true });
    expect(outbox()[0]!.payload).not.toMatch(/password|scrypt/i);

    const r = await s.client['residents.create']({ name: '张堃', idNumber: ID_NUMBER, phone: '13800138000', address: '建北街道中山东路 3 号院' });
    const r2 = await s.client['residents.update']({ id: r.id, version: r.version, name: r.name, grid: '第三网格', tags: [] });
    const item = await s.client['catalogue.get']({ code: 'DB-003' });
    const before = outbox().length;
    const accepted = await s.client['intake.accept']({ residentId: r.id, itemCode: item.code, materialsReceived: item.materials });
    await s.client['station.update']({ ...STATION, phone: '0311-86012346' });

    const events = outbox();
    const resident = events.filter((e) => e.entity === 'resident');
    expect(resident.map((e) => [e.entity_id, e.op, e.version])).toEqual([
      [r.id, 'create', 1],
      [r.id, 'update', r2.version],
    ]);
    // the county gets the record's state, personal data included; the audit log never does
    expect(JSON.parse(resident[0]!.payload)).toMatchObject({ id: r.id, name: '张堃', idNumber: ID_NUMBER, phone: '13800138000', version: 1 });
    expect(JSON.parse(resident[1]!.payload)).toMatchObject({ id: r.id, idNumber: ID_NUMBER, grid: '第三网格', version: r2.version });
    const auditText = JSON.stringify(db.prepare('SELECT action, entity, entity_id, detail FROM audit_log').all());
    expect(auditText).not.toContain(ID_NUMBER);
    expect(auditText).not.toContain('13800138000');

    // the acceptance: exactly one event, for the intake record, with its receipt number and status
    const intake = events.slice(before).filter((e) => e.entity === 'intake');
    expect(intake).toHaveLength(1);
    expect(JSON.parse(intake[0]!.payload)).toMatchObject({ id: accepted.record.id, receipt_no: accepted.record.receiptNo, status: 'accepted' });
    expect(events.at(-1)).toMatchObject({ entity: 'station', op: 'update', version: 2 });
    expect(JSON.parse(events.at(-1)!.payload)).toMatchObject({ code: STATION.code, phone: '0311-86012346' });

    // gapless seq, each event linked to the one before, UUIDv7 ids in order
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < events.length; i++) expect(events[i]!.prev_hash).toBe(events[i - 1]!.hash);
    expect(events.every((e) => /^[0-9a-f]{8}-[0-9a-f]{4}-7/.test(e.event_id))).toBe(true);
    expect(verifyOutbox(db)).toEqual({ ok: true, count: events.length, brokenAt: null });
    expect(events.every((e) => e.sent_at === null && e.acked_at === null)).toBe(true);

    // frozen once written: delivery state moves, the event does not
    expect(() => db.prepare("UPDATE outbox SET payload = '{}' WHERE seq = 3").run()).toThrow(/frozen/);
    expect(() => db.prepare('DELETE FROM outbox WHERE seq = 3').run()).toThrow(/kept/);
    db.prepare("UPDATE outbox SET sent_at = '2026-11-27T02:00:00.000Z' WHERE seq = 1").run();
    expect(verifyOutbox(db).ok).toBe(true);
    db.close();
    s.close();
  });

  it('notes (sign-out, sign-in, an export, a machine setting) write audit entries and no event', async () => {
    const { s, db, outbox, auditCount } = await station();
    const events = outbox().length;
    const entries = auditCount();
    await s.client['auth.signOut']({});
    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    await s.client['audit.export']({ filter: {} });
    await s.client['settings.update']({ idleMinutes: 30 });
    expect(auditCount()).toBe(entries + 4);
    expect(outbox()).toHaveLength(events);
    db.close();
    s.close();
  });

  it('a change that fails rolls back its row, its audit entry and its event together', async () => {
    const { s, db, outbox, auditCount } = await station();
    const events = outbox().length;
    const entries = auditCount();
    const clock = manualClock('2026-11-27T03:00:00.000Z');
    const write = createWriter(db, clock, createAudit(db, clock).append);
    const staffCount = () => db.prepare('SELECT count(*) FROM staff').pluck().get();
    const people = staffCount();
    expect(() =>
      write((tx) => {
        db.prepare("INSERT INTO staff (id, login, name, role, password_hash, created_at, updated_at) VALUES ('x1', 'later', '后来', 'clerk', 'h', 't', 't')").run();
        tx.change({ actorId: null, action: 'staff.create', entity: 'staff', entityId: 'x1', op: 'create', snapshot: { id: 'x1' } });
        // a write inside a write joins it, and so rolls back with it
        write((inner) => inner.note({ actorId: null, action: 'settings.update', entity: 'settings', entityId: 'machine' }));
        throw new Error('printer on fire');
      }),
    ).toThrow('printer on fire');
    expect(staffCount()).toBe(people);
    expect(auditCount()).toBe(entries);
    expect(outbox()).toHaveLength(events);

    // a service refusing a change (a stale version) leaves no event either
    const r = await s.client['residents.create']({ name: '李娜', idNumber: '110105198001010016', address: '建北街道' });
    const afterCreate = outbox().length;
    await s.client['residents.update']({ id: r.id, version: r.version, name: r.name, grid: '一', tags: [] });
    await expect(s.client['residents.update']({ id: r.id, version: r.version, name: r.name, grid: '二', tags: [] })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(outbox()).toHaveLength(afterCreate + 1);
    // and the next change continues the chain without a gap
    write((tx) => tx.change({ actorId: null, action: 'staff.update', entity: 'staff', entityId: 'x2', op: 'update', snapshot: {} }));
    expect(outbox().map((e) => e.seq)).toEqual(outbox().map((_, i) => i + 1));
    expect(verifyOutbox(db).ok).toBe(true);
    db.close();
    s.close();
  });
});
