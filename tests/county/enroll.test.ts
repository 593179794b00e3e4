import { describe, expect, it } from 'vitest';
import { BACKENDS, call, countyBackend, enrolledStation, pushEvents } from '../helpers/county';
import { makeChain } from '../helpers/county-events';
import { manualClock } from '../helpers/station';
import { ConfigResponse, EnrollResponse, ErrorBody } from '../../common/county/protocol';

describe.each(BACKENDS)('county enrollment and tokens (%s)', (kind) => {
  const env = countyBackend(kind);

  it('advertises its limits and time on /v1/config', async () => {
    const clock = manualClock('2026-11-27T01:00:00.000Z');
    const county = await env.start({ clock, limits: { maxBatchEvents: 250 } });
    const res = await call(county.url, 'GET', '/v1/config');
    expect(res.status).toBe(200);
    const config = ConfigResponse.parse(res.body);
    expect(config).toMatchObject({ protocol: 1, maxBatchEvents: 250, serverTime: '2026-11-27T01:00:00.000Z', publicUrl: 'http://127.0.0.1/progress' });
  });

  it('exchanges a one-time code for a token once, and refuses a wrong, a used and an expired code', async () => {
    const clock = manualClock('2026-11-27T01:00:00.000Z');
    const county = await env.start({ clock });
    const issued = await county.store.createStation({ code: '130102001', name: '建北街道' });
    expect(issued.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const wrong = await call(county.url, 'POST', '/v1/enroll', { body: { code: 'ABCD-EFGH-JKMN', stationCode: '130102001', stationName: '建北街道' } });
    expect(wrong.status).toBe(401);
    expect(ErrorBody.parse(wrong.body).error.message).toMatch(/登记码不正确/);
    const otherStation = await call(county.url, 'POST', '/v1/enroll', { body: { code: issued.code, stationCode: '999999', stationName: '建北街道' } });
    expect(otherStation.status).toBe(401);

    // dashes and case do not matter: the code is read out over the phone
    const ok = await call(county.url, 'POST', '/v1/enroll', { body: { code: issued.code.toLowerCase().replace(/-/g, ' '), stationCode: '130102001', stationName: '建北街道', deviceName: '窗口1' } });
    expect(ok.status).toBe(200);
    const enrolled = EnrollResponse.parse(ok.body);
    expect(enrolled).toMatchObject({ stationId: issued.stationId, stationCode: '130102001', ackedThrough: 0, pullCursor: 0 });

    const again = await call(county.url, 'POST', '/v1/enroll', { body: { code: issued.code, stationCode: '130102001', stationName: '建北街道' } });
    expect(again.status).toBe(409);
    expect(ErrorBody.parse(again.body).error).toMatchObject({ code: 'CONFLICT' });

    const [row] = (await county.store.listStations()).filter((s) => s.id === issued.stationId);
    expect(row).toMatchObject({ status: 'enrolled', deviceName: '窗口1', enrolledAt: '2026-11-27T01:00:00.000Z' });

    const fresh = await county.store.newEnrollmentCode(issued.stationId);
    clock.advance(8 * 24 * 3600_000);
    const expired = await call(county.url, 'POST', '/v1/enroll', { body: { code: fresh.code, stationCode: '130102001', stationName: '建北街道' } });
    expect(expired.status).toBe(403);
    expect(ErrorBody.parse(expired.body).error.message).toMatch(/过期/);
  });

  it('keeps only the token hash, answers 401 for an unknown or revoked token, and resumes a re-enrolled station from ackedThrough', async () => {
    const county = await env.start();
    const st = await enrolledStation(county);
    const rows = await env.sql.query<{ token_hash: string }>('SELECT token_hash FROM stations WHERE id = $1', [st.stationId]);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.token_hash).not.toContain(st.token.slice(4));

    expect((await pushEvents(county, st.token, makeChain(3))).body.ackedThrough).toBe(3);

    const none = await call(county.url, 'GET', '/v1/pull');
    expect(none.status).toBe(401);
    const unknown = await call(county.url, 'GET', '/v1/pull', { token: `sdt_${'A'.repeat(43)}` });
    expect(unknown.status).toBe(401);
    expect(ErrorBody.parse(unknown.body).error.code).toBe('UNAUTHORIZED');

    await county.store.revokeStation(st.stationId);
    const revoked = await pushEvents(county, st.token, makeChain(1, { from: 4 }));
    expect(revoked.status).toBe(401);
    expect(ErrorBody.parse(revoked.body).error.message).toMatch(/撤销/);
    expect((await call(county.url, 'GET', '/v1/pull', { token: st.token })).status).toBe(401);

    const again = await county.store.newEnrollmentCode(st.stationId);
    const re = await call(county.url, 'POST', '/v1/enroll', { body: { code: again.code, stationCode: st.code, stationName: st.name } });
    expect(re.status).toBe(200);
    const back = EnrollResponse.parse(re.body);
    expect(back.ackedThrough).toBe(3);
    expect(back.token).not.toBe(st.token);
    expect((await call(county.url, 'GET', '/v1/pull', { token: st.token })).status).toBe(401);
    expect((await call(county.url, 'GET', '/v1/pull', { token: back.token })).status).toBe(200);
  });
});
