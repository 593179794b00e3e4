import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKENDS, call, countyBackend, enrolledStation, pushEvents } from '../helpers/county';
import { intakePayload, makeChain } from '../helpers/county-events';
import { adminClient, signedInAdmin } from '../helpers/county-admin';
import { manualClock } from '../helpers/station';
import { createCountyServer } from '../../county/server';
import { CountyItem, EnrollmentIssued, StationRow } from '../../common/county/admin';
import { ErrorBody, PullResponse } from '../../common/county/protocol';

const seedCatalogue = () => JSON.parse(fs.readFileSync('resources/catalogue/seed.json', 'utf8')) as { items: { code: string; name: string }[] };
const notice2026 = () => JSON.parse(fs.readFileSync('resources/calendar/cn-holidays-2026.json', 'utf8')) as { year: number };

describe.each(BACKENDS)('county admin API (%s)', (kind) => {
  const env = countyBackend(kind);

  it('signs in with an HttpOnly SameSite=Strict cookie, needs the CSRF header to change anything, and signs out', async () => {
    const county = await env.start();
    expect((await adminClient(county).req('GET', '/stations')).status).toBe(401);
    const { client } = await signedInAdmin(county);
    const res = await client.req('GET', '/session');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ login: 'wang', name: '王科长' });

    const noCsrf = await client.req('POST', '/stations', { body: { code: '130102001', name: '建北街道' }, csrf: null });
    expect(noCsrf.status).toBe(403);
    expect(ErrorBody.parse(noCsrf.body).error.message).toMatch(/安全校验/);
    const wrongCsrf = await client.req('POST', '/stations', { body: { code: '130102001', name: '建北街道' }, csrf: 'x'.repeat(24) });
    expect(wrongCsrf.status).toBe(403);
    expect(StationRow.array().parse((await client.req('GET', '/stations')).body)).toHaveLength(0);

    const out = await client.req('DELETE', '/session');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await client.req('GET', '/stations')).status).toBe(401);
  });

  it('sets the cookie flags, Secure only over https', async () => {
    const county = await env.start();
    const admin = await county.store.createAdmin('li', '李工');
    const res = await fetch(`${county.url}/admin/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'li', password: admin.password }) });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sd_county=[A-Za-z0-9_-]{40,}; Path=\/admin\/api; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    expect(cookie).not.toMatch(/Secure/);
    // behind a TLS proxy the server trusts, the cookie is Secure
    const proxied = await createCountyServer({ sql: env.sql, countyName: county.store.countyName, trustProxy: true });
    try {
      const behind = await proxied.app.inject({ method: 'POST', url: '/admin/api/session', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' }, payload: { login: 'li', password: admin.password } });
      expect(behind.statusCode).toBe(200);
      expect(String(behind.headers['set-cookie'])).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
    } finally {
      await proxied.app.close();
    }
  });

  it('locks a login after five wrong passwords, whatever the password, until the window passes', async () => {
    const clock = manualClock('2026-11-27T01:00:00.000Z');
    const county = await env.start({ clock });
    const admin = await county.store.createAdmin('zhao', '赵工');
    const c = adminClient(county);
    for (let i = 1; i <= 5; i++) {
      const res = await c.signIn('zhao', `wrong-${i}`);
      expect(res.status).toBe(401);
      expect(ErrorBody.parse(res.body).error.message).toMatch(i < 5 ? `还可尝试 ${5 - i} 次` : /暂停登录/);
    }
    const locked = await c.signIn('zhao', admin.password);
    expect(locked.status).toBe(429);
    expect(ErrorBody.parse(locked.body).error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(c.cookie).toBe('');
    // another login is not affected
    const other = await county.store.createAdmin('qian', '钱工');
    expect((await adminClient(county).signIn('qian', other.password)).status).toBe(200);
    clock.advance(15 * 60_000);
    expect((await c.signIn('zhao', admin.password)).status).toBe(200);
  });

  it('creates a station with a one-time code, issues a new one, revokes it, and answers in Chinese', async () => {
    const county = await env.start();
    const { client } = await signedInAdmin(county);
    const made = await client.req('POST', '/stations', { body: { code: '130102001', name: '建北街道' } });
    expect(made.status).toBe(200);
    const issued = EnrollmentIssued.parse(made.body);
    expect(issued.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const dup = await client.req('POST', '/stations', { body: { code: '130102001', name: '又一个' } });
    expect(dup.status).toBe(409);
    const bad = await client.req('POST', '/stations', { body: { code: 'a', name: '' } });
    expect(bad.status).toBe(400);
    expect(ErrorBody.parse(bad.body).error.message).toMatch(/站点编码为 4–20 位字母或数字/);

    const fresh = EnrollmentIssued.parse((await client.req('POST', `/stations/${issued.stationId}/enrollment`)).body);
    expect(fresh.code).not.toBe(issued.code);
    const old = await call(county.url, 'POST', '/v1/enroll', { body: { code: issued.code, stationCode: '130102001', stationName: '建北街道' } });
    expect(old.status).toBe(401);
    const enrolled = await call<{ token: string }>(county.url, 'POST', '/v1/enroll', { body: { code: fresh.code, stationCode: '130102001', stationName: '建北街道', deviceName: '窗口1' } });
    expect(enrolled.status).toBe(200);

    const list = StationRow.array().parse((await client.req('GET', '/stations')).body);
    expect(list).toEqual([expect.objectContaining({ code: '130102001', status: 'enrolled', deviceName: '窗口1' })]);

    const revoked = await client.req('POST', `/stations/${issued.stationId}/revoke`);
    expect(StationRow.parse(revoked.body).status).toBe('revoked');
    expect((await pushEvents(county, enrolled.body.token, makeChain(1))).status).toBe(401);

    const unknown = await client.req('POST', '/stations/00000000-0000-4000-8000-000000000000/revoke');
    expect(unknown.status).toBe(404);
    expect(ErrorBody.parse(unknown.body).error.message).toBe('没有找到该站点');
    expect((await client.req('GET', '/stations/nope/rejected')).status).toBe(404);
  });

  it('lists forwarded items, filters overdue, decides one (which reaches the station’s feed) and refuses a stale version', async () => {
    const clock = manualClock('2026-12-10T02:00:00.000Z');
    const county = await env.start({ clock });
    const { client } = await signedInAdmin(county);
    const st = await enrolledStation(county, '130102009', '建北街道');
    const events = makeChain(2, {
      spec: (seq) => ({ entity: 'intake', entityId: `in-${seq}`, payload: intakePayload({ id: `in-${seq}`, receiptNo: `R-${seq}`, checkCode: 'ABC234', promisedDate: seq === 1 ? '2026-12-04' : '2026-12-20' }) }),
    });
    expect((await pushEvents(county, st.token, events)).status).toBe(200);

    const all = CountyItem.array().parse((await client.req('GET', '/items?status=forwarded')).body);
    expect(all.map((i) => [i.receiptNo, i.overdue, i.applicantMasked])).toEqual([
      ['R-1', true, '张*华'],
      ['R-2', false, '张*华'],
    ]);
    expect(JSON.stringify(all)).not.toMatch(/130102\*|张建华/);
    const overdue = CountyItem.array().parse((await client.req('GET', '/items?overdue=true')).body);
    expect(overdue.map((i) => i.receiptNo)).toEqual(['R-1']);
    const notOverdue = CountyItem.array().parse((await client.req('GET', '/items?overdue=false')).body);
    expect(notOverdue.map((i) => i.receiptNo)).toEqual(['R-2']);
    expect((await client.req('GET', `/items?stationId=${st.stationId}&status=bogus`)).status).toBe(400);

    const empty = await client.req('POST', `/items/${st.stationId}/in-1/decision`, { body: { decision: 'accepted', department: ' ', basedOnVersion: 1 } });
    expect(empty.status).toBe(400);
    expect(ErrorBody.parse(empty.body).error.message).toMatch(/请填写承办部门/);
    const decided = await client.req('POST', `/items/${st.stationId}/in-1/decision`, { body: { decision: 'accepted', department: '县医疗保障局', basedOnVersion: 1 } });
    expect(decided.status).toBe(200);
    expect(CountyItem.parse(decided.body).decision).toMatchObject({ decision: 'accepted', department: '县医疗保障局', decidedBy: '王科长' });

    const feed = PullResponse.parse((await call(county.url, 'GET', '/v1/pull?after=0', { token: st.token })).body);
    expect(feed.items).toEqual([expect.objectContaining({ kind: 'intake.decision', body: expect.objectContaining({ intakeId: 'in-1', decision: 'accepted' }) })]);

    // the station changed the item meanwhile (version 2): a decision on version 1 is refused
    const v2 = makeChain(1, { from: 3, prevHash: events[1]!.hash, spec: () => ({ entity: 'intake', entityId: 'in-2', op: 'update', version: 2, payload: intakePayload({ id: 'in-2', receiptNo: 'R-2', version: 2 }) }) });
    expect((await pushEvents(county, st.token, v2)).status).toBe(200);
    const stale = await client.req('POST', `/items/${st.stationId}/in-2/decision`, { body: { decision: 'returned', reason: '缺户口本', basedOnVersion: 1 } });
    expect(stale.status).toBe(409);
    expect((await client.req('POST', `/items/${st.stationId}/nope/decision`, { body: { decision: 'completed', result: '已办', basedOnVersion: 1 } })).status).toBe(404);
  });

  it('publishes a catalogue and a calendar into every station’s feed, and lists every problem of a bad file', async () => {
    const county = await env.start();
    const { client } = await signedInAdmin(county);
    const st = await enrolledStation(county);
    const cat = seedCatalogue();
    const broken = { ...cat, version: '', items: [cat.items[0], { ...cat.items[1], code: cat.items[0]!.code }] };
    const bad = await client.req('POST', '/catalogue', { body: broken });
    expect(bad.status).toBe(400);
    const msg = ErrorBody.parse(bad.body).error.message;
    expect(msg).toMatch(/^服务清单有误：/);
    expect(msg).toMatch(/清单版本号/);
    expect(msg).toMatch(/第 2 项.*事项编码.*重复/);

    const ok = await client.req<{ seq: number }>('POST', '/catalogue', { body: { ...cat, version: '2027.1' } });
    expect(ok.status).toBe(200);
    const badNotice = await client.req('POST', '/calendar', { body: { ...notice2026(), holidays: [] } });
    expect(badNotice.status).toBe(400);
    expect(ErrorBody.parse(badNotice.body).error.message).toMatch(/^节假日安排文件有误：/);
    const cal = await client.req<{ seq: number }>('POST', '/calendar', { body: notice2026() });
    expect(cal.status).toBe(200);
    expect(cal.body.seq).toBeGreaterThan(ok.body.seq);

    const feed = PullResponse.parse((await call(county.url, 'GET', '/v1/pull?after=0', { token: st.token })).body);
    expect(feed.items.map((i) => i.kind)).toEqual(['catalogue.version', 'calendar.year']);
  });
});
