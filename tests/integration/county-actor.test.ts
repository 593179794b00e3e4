/**
 * A county decision runs through the same intake service code as a clerk's step, with the
 * county as the actor and nobody signed in at the counter: what sync will do with a pulled
 * decision (assign a department, complete with a result, return with a reason).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { countyActor } from '../../main/context';
import { DB_FILE } from '../../main/paths';
import { expectAppError, manualClock, setUpStation } from '../helpers/station';

type Row = Record<string, unknown>;

function rows(dataDir: string, sql: string, ...params: unknown[]): Row[] {
  const db = new Database(path.join(dataDir, DB_FILE), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as Row[];
  } finally {
    db.close();
  }
}

/** Two items forwarded by the clerk, then the clerk signs out. */
async function forwardedTwo() {
  const clock = manualClock('2026-11-27T01:00:00.000Z');
  const s = await setUpStation({ clock });
  const resident = await s.client['residents.create']({ name: '张堃', idNumber: '11010519491231002X', phone: '13800138000', address: '建北街道中山东路 3 号' });
  const item = await s.client['catalogue.get']({ code: 'DB-003' });
  const accepted = [];
  for (let i = 0; i < 2; i++) accepted.push((await s.client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials })).record);
  const fwd = await s.client['intake.forward']({ items: accepted.map((r) => ({ id: r.id, version: r.version })), department: '县民政局', channel: 'system', receiverName: '刘洋', receivedAt: clock.now().toISOString() });
  for (const r of accepted) await s.client['documents.listFor']({ entity: 'intake', entityId: r.id });
  await s.client['auth.signOut']({});
  expect(await s.client['auth.session']({})).toBeNull();
  clock.advance(3 * 86_400_000);
  return { s, clock, records: fwd.records };
}

describe('the county as the actor of an intake step', () => {
  it('assigns a department, then completes with its result, with nobody signed in; the log and the outbox say it was the county', async () => {
    const { s, records } = await forwardedTwo();
    const intake = s.services.intake;
    const [a] = records;
    const county = countyActor('刘科长');

    const assigned = intake.assign({ id: a!.id, version: a!.version, department: '县民政局养老服务科' }, county);
    expect(assigned).toMatchObject({ status: 'forwarded', department: '县民政局养老服务科', version: a!.version + 1 });

    const done = intake.transition({ id: a!.id, to: 'completed', version: assigned.version, result: '老年证已制成，请持回执到站点领取' }, county);
    expect(done.record).toMatchObject({ status: 'completed', result: '老年证已制成，请持回执到站点领取', version: assigned.version + 1 });
    expect(done.record.completedAt).not.toBeNull();
    // nothing printed without a clerk: the 办结回执 is made at the counter when the resident comes
    expect(done.documentId).toBeNull();
    expect(done.documentError).toBeNull();

    const audit = rows(s.dataDir, "SELECT actor_id, action, detail FROM audit_log WHERE entity_id = ? AND action IN ('intake.assign', 'intake.transition') ORDER BY seq", a!.id);
    expect(audit.map((r) => [r.action, r.actor_id, JSON.parse(String(r.detail)).by ?? null])).toEqual([
      ['intake.transition', expect.any(String), null], // the clerk's 转报
      ['intake.assign', null, 'county'],
      ['intake.transition', null, 'county'],
    ]);
    expect(JSON.parse(String(audit[2]!.detail))).toMatchObject({ by: 'county', name: '刘科长', from: 'forwarded', to: 'completed' });
    const outbox = rows(s.dataDir, "SELECT op, version, payload FROM outbox WHERE entity = 'intake' AND entity_id = ? ORDER BY seq", a!.id);
    expect(outbox.map((r) => r.version)).toEqual([1, 2, 3, 4]);
    expect(JSON.parse(String(outbox[3]!.payload))).toMatchObject({ status: 'completed', department: '县民政局养老服务科' });

    // the history names the county's decider
    const { events } = await (async () => {
      await s.client['auth.signIn']({ login: 'admin', password: 'Station2026' });
      return s.client['intake.get']({ id: a!.id });
    })();
    expect(events.slice(-2)).toEqual([
      expect.objectContaining({ byName: '刘科长（县级）', from: 'forwarded', to: 'forwarded', reason: '县级受理，承办部门：县民政局养老服务科' }),
      expect.objectContaining({ byName: '刘科长（县级）', from: 'forwarded', to: 'completed', reason: '老年证已制成，请持回执到站点领取' }),
    ]);
    // and the clerk makes the 办结回执 the decision lacks
    const made = await s.client['intake.reissue']({ id: a!.id });
    const docs = await s.client['documents.listFor']({ entity: 'intake', entityId: a!.id });
    expect(docs.find((d) => d.id === made.documentId)?.kind).toBe('intake.completion');
    s.close();
  });

  it('returns a forwarded item with the county\'s reason, and refuses what only the counter may do', async () => {
    const { s, records } = await forwardedTwo();
    const intake = s.services.intake;
    const [, b] = records;
    const county = countyActor('王审核');

    await expectAppError(Promise.resolve().then(() => intake.transition({ id: b!.id, to: 'returned', version: b!.version }, county)), 'VALIDATION');
    await expectAppError(Promise.resolve().then(() => intake.transition({ id: b!.id, to: 'cancelled', version: b!.version, reason: '不办了' }, county)), 'CONFLICT');
    // a decision on a version the station has moved past is stale, never applied over it
    await expectAppError(Promise.resolve().then(() => intake.transition({ id: b!.id, to: 'returned', version: b!.version - 1, reason: '材料不全' }, county)), 'CONFLICT');

    const back = intake.transition({ id: b!.id, to: 'returned', version: b!.version, reason: '户口簿复印件不清晰，请重新提供' }, county);
    expect(back.record).toMatchObject({ status: 'returned', closedReason: '户口簿复印件不清晰，请重新提供' });
    expect(back.documentId).toBeNull();
    // a step on a closed item is refused, for the county as for anyone
    await expectAppError(Promise.resolve().then(() => intake.assign({ id: b!.id, version: back.record.version, department: '县民政局' }, county)), 'CONFLICT');
    const audit = rows(s.dataDir, "SELECT actor_id, detail FROM audit_log WHERE entity_id = ? AND action = 'intake.transition' ORDER BY seq DESC LIMIT 1", b!.id)[0]!;
    expect(audit.actor_id).toBeNull();
    expect(JSON.parse(String(audit.detail))).toMatchObject({ by: 'county', name: '王审核', to: 'returned' });
    s.close();
  });
});
