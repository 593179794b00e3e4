/**
 * Idempotent creates: a repeat of one request id — a double Enter, an HTTP retry, two
 * requests racing — answers with the first record and creates nothing more: one row, one
 * audit entry, one outbox event. The id reused for another call or by another person is refused.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/dispatch';
import { startHost, type Host } from '../../main/host/server';
import { browserHeaders } from '../helpers/host-session';
import { DB_FILE } from '../../main/paths';
import { REQUEST_REUSED } from '../../main/db/write';
import { setUpStation, tempDir, type TestApi } from '../helpers/station';
import { addStaff } from '../helpers/staff';

const ZHANG = { name: '张堃', idNumber: '11010519491231002X', phone: '13800138000', address: '建北街道中山东路 3 号' };

function count(dataDir: string, sql: string, ...params: unknown[]): number {
  const db = new Database(path.join(dataDir, DB_FILE), { readonly: true });
  try {
    return db.prepare(sql).pluck().get(...params) as number;
  } finally {
    db.close();
  }
}
const audits = (dataDir: string, action: string) => count(dataDir, 'SELECT count(*) FROM audit_log WHERE action = ?', action);
const events = (dataDir: string, entity: string) => count(dataDir, 'SELECT count(*) FROM outbox WHERE entity = ?', entity);

async function forwardedItem(api: TestApi) {
  return api['catalogue.get']({ code: 'DB-003' });
}

describe('a create repeated with its request id', () => {
  it('through dispatch: the same resident and the same accepted item, each once in the table, the log and the outbox', async () => {
    const s = await setUpStation();
    const requestId = randomUUID();
    const first = await dispatch(s.calls, 'residents.create', { requestId, ...ZHANG });
    const again = await dispatch(s.calls, 'residents.create', { requestId, ...ZHANG });
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.value).toEqual(first.value);
    expect(count(s.dataDir, 'SELECT count(*) FROM residents')).toBe(1);
    expect(audits(s.dataDir, 'resident.create')).toBe(1);
    expect(events(s.dataDir, 'resident')).toBe(1);

    const resident = first.value as { id: string };
    const item = await forwardedItem(s.client);
    const accept = { requestId: randomUUID(), residentId: resident.id, itemCode: item.code, materialsReceived: item.materials };
    const a1 = await s.client['intake.accept'](accept);
    const a2 = await s.client['intake.accept'](accept);
    expect(a2.record.id).toBe(a1.record.id);
    expect(a2.record.receiptNo).toBe(a1.record.receiptNo);
    // the receipt the first answer made, not a second one
    expect(a2.documentId).toBe(a1.documentId);
    expect(a1.documentId).not.toBeNull();
    expect(count(s.dataDir, 'SELECT count(*) FROM intake_records')).toBe(1);
    expect(audits(s.dataDir, 'intake.accept')).toBe(1);
    expect(events(s.dataDir, 'intake')).toBe(1);
    expect((await s.client['documents.listFor']({ entity: 'intake', entityId: a1.record.id })).length).toBe(1);

    // a new request id is a new acceptance
    const a3 = await s.client['intake.accept']({ ...accept, requestId: randomUUID() });
    expect(a3.record.id).not.toBe(a1.record.id);
    expect(events(s.dataDir, 'intake')).toBe(2);
    await s.client['documents.listFor']({ entity: 'intake', entityId: a3.record.id });
    s.close();
  });

  it('keeps a notice, a 转报 and a new account to one each as well', async () => {
    const s = await setUpStation();
    const resident = await s.client['residents.create'](ZHANG);
    const item = await forwardedItem(s.client);
    const notice = { requestId: randomUUID(), residentId: resident.id, itemCode: item.code, materialsReceived: item.materials.slice(0, 1) };
    const n1 = await s.client['intake.notice'](notice);
    const n2 = await s.client['intake.notice'](notice);
    expect(n2.noticeNo).toBe(n1.noticeNo);
    expect(n2.documentId).toBe(n1.documentId);
    expect(audits(s.dataDir, 'intake_notice.issue')).toBe(1);

    const acc = await s.client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials });
    const fwd = { requestId: randomUUID(), items: [{ id: acc.record.id, version: acc.record.version }], department: '县民政局', channel: 'paper' as const, receiverName: '刘洋', receivedAt: s.clock.now().toISOString() };
    const f1 = await s.client['intake.forward'](fwd);
    // the retry carries the version the screen had: the repeat answers, it is not refused as stale
    const f2 = await s.client['intake.forward'](fwd);
    expect(f2.transmittalNo).toBe(f1.transmittalNo);
    expect(f2.documentId).toBe(f1.documentId);
    expect(f2.records[0]!.version).toBe(f1.records[0]!.version);
    expect(audits(s.dataDir, 'intake_transmittal.issue')).toBe(1);

    const staff = { requestId: randomUUID(), name: '李娜', login: 'lina', role: 'clerk' as const, password: 'Given2026x' };
    const st1 = await s.client['staff.create'](staff);
    const st2 = await s.client['staff.create'](staff);
    expect(st2.id).toBe(st1.id);
    expect(audits(s.dataDir, 'staff.create')).toBe(2); // the administrator from setup, and 李娜 once
    await s.client['documents.listFor']({ entity: 'intake', entityId: acc.record.id });
    s.close();
  });

  it('refuses the same request id for another call or from another person, in Chinese, and creates nothing', async () => {
    const s = await setUpStation();
    await addStaff(s.client, { name: '李娜', login: 'lina', role: 'clerk', password: 'Counter123' });
    const requestId = randomUUID();
    const resident = await s.client['residents.create']({ requestId, ...ZHANG });
    const item = await forwardedItem(s.client);
    const other = await dispatch(s.calls, 'intake.notice', { requestId, residentId: resident.id, itemCode: item.code, materialsReceived: [] });
    expect(other).toEqual({ ok: false, error: { code: 'CONFLICT', message: REQUEST_REUSED } });
    await s.client['auth.signIn']({ login: 'lina', password: 'Counter123' });
    const someoneElse = await dispatch(s.calls, 'residents.create', { requestId, ...ZHANG });
    expect(someoneElse).toEqual({ ok: false, error: { code: 'CONFLICT', message: REQUEST_REUSED } });
    expect(count(s.dataDir, 'SELECT count(*) FROM intake_notices')).toBe(0);
    expect(count(s.dataDir, 'SELECT count(*) FROM residents')).toBe(1);
    // a request id must be one
    const bad = await dispatch(s.calls, 'residents.create', { requestId: '1', ...ZHANG, idNumber: '110105194912310021' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.requestId).toMatch(/请求编号/);
    s.close();
  });
});

describe('concurrent duplicates over HTTP (browser mode)', () => {
  let host: Host;
  let s: Awaited<ReturnType<typeof setUpStation>>;
  let headers: Record<string, string>;
  const staticDir = tempDir('sd-static-');

  const post = (name: string, input: unknown) =>
    new Promise<{ ok: boolean; value?: { id?: string; record?: { id: string } } }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: host.port, method: 'POST', path: `/api/${name}`, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      });
      req.on('error', reject);
      req.end(JSON.stringify(input));
    });

  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>StationDesk</title>');
    s = await setUpStation();
    host = await startHost({ station: s.calls, staticDir });
    headers = await browserHeaders(host);
  });
  afterAll(async () => {
    await host.close();
    s.close();
  });

  it('creates one resident and one accepted item however many copies race in', async () => {
    const body = { requestId: randomUUID(), ...ZHANG };
    const answers = await Promise.all(Array.from({ length: 6 }, () => post('residents.create', body)));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(new Set(answers.map((a) => a.value!.id)).size).toBe(1);
    expect(count(s.dataDir, 'SELECT count(*) FROM residents')).toBe(1);
    expect(events(s.dataDir, 'resident')).toBe(1);

    const item = await forwardedItem(s.client);
    const accept = { requestId: randomUUID(), residentId: answers[0]!.value!.id, itemCode: item.code, materialsReceived: item.materials };
    const accepted = await Promise.all(Array.from({ length: 6 }, () => post('intake.accept', accept)));
    expect(accepted.every((a) => a.ok)).toBe(true);
    expect(new Set(accepted.map((a) => a.value!.record!.id)).size).toBe(1);
    expect(count(s.dataDir, 'SELECT count(*) FROM intake_records')).toBe(1);
    expect(audits(s.dataDir, 'intake.accept')).toBe(1);
    // waits for the receipt being made, then: one receipt
    expect(await s.client['documents.listFor']({ entity: 'intake', entityId: accepted[0]!.value!.record!.id })).toHaveLength(1);
    expect(count(s.dataDir, "SELECT count(*) FROM documents WHERE kind = 'intake.acceptance'")).toBe(1);
  });
});
