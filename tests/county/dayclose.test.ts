import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BACKENDS, call, countyBackend, enrolledStation, pushEvents, type RunningCounty } from '../helpers/county';
import { GENESIS_HASH, makeChain, makeEvent, sha256 } from '../helpers/county-events';
import { manualClock } from '../helpers/station';
import { dayDigestInput, DayCloseResponse, type DayCloseRequest } from '../../common/county/protocol';

function closeOf(hashes: string[], over: Partial<DayCloseRequest> & { fromSeq: number; throughSeq: number }): DayCloseRequest {
  return {
    closeId: randomUUID(),
    day: '2026-11-27',
    digest: sha256(dayDigestInput(hashes)),
    counts: { 'intake.accepted': 3, 'intake.completed': 1 },
    firstReceiptNo: 'SL-130102001-20261127-0001',
    lastReceiptNo: 'SL-130102001-20261127-0003',
    auditHead: { seq: 12, hash: 'a'.repeat(64) },
    closedAt: '2026-11-27T09:30:00.000Z',
    closedBy: '王建国',
    ...over,
  };
}

describe.each(BACKENDS)('county day close (%s)', (kind) => {
  const env = countyBackend(kind);
  const close = async (county: RunningCounty, token: string, body: DayCloseRequest) => {
    const res = await call(county.url, 'POST', '/v1/day-close', { token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return DayCloseResponse.parse(res.body);
  };

  it('confirms when every seq is held and the digest matches, and answers a repeat the same', async () => {
    const clock = manualClock('2026-11-27T09:30:00.000Z');
    const county = await env.start({ clock });
    const st = await enrolledStation(county);
    const chain = makeChain(5);
    await pushEvents(county, st.token, chain);
    const body = closeOf(chain.map((e) => e.hash), { fromSeq: 1, throughSeq: 5 });
    const first = await close(county, st.token, body);
    expect(first).toEqual({ status: 'confirmed', closeId: body.closeId, confirmedAt: '2026-11-27T09:30:00.000Z', serverTime: '2026-11-27T09:30:00.000Z' });
    clock.advance(3600_000);
    const again = await close(county, st.token, body);
    expect(again).toMatchObject({ status: 'confirmed', confirmedAt: '2026-11-27T09:30:00.000Z', serverTime: '2026-11-27T10:30:00.000Z' });

    const closes = await county.store.dayCloses(st.stationId);
    expect(closes).toEqual([{ closeId: body.closeId, day: '2026-11-27', status: 'confirmed', throughSeq: 5, counts: body.counts, receivedAt: '2026-11-27T09:30:00.000Z', confirmedAt: '2026-11-27T09:30:00.000Z' }]);
    const [row] = (await county.store.listStations()).filter((s) => s.id === st.stationId);
    expect(row!.lastDayClose).toEqual({ day: '2026-11-27', status: 'confirmed', at: '2026-11-27T09:30:00.000Z' });
    expect(row!.auditHead).toMatchObject({ seq: 12 });

    // the next day starts after the last close; an empty day has the digest of nothing
    const next = makeChain(2, { from: 6, prevHash: chain[4]!.hash });
    await pushEvents(county, st.token, next);
    expect((await close(county, st.token, closeOf(next.map((e) => e.hash), { day: '2026-11-28', fromSeq: 6, throughSeq: 7 }))).status).toBe('confirmed');
    expect((await close(county, st.token, closeOf([], { day: '2026-11-29', fromSeq: 8, throughSeq: 7 }))).status).toBe('confirmed');
  });

  it('names the missing seqs, then confirms the same close once they arrive', async () => {
    const county = await env.start();
    const st = await enrolledStation(county);
    const chain = makeChain(6);
    await pushEvents(county, st.token, [...chain.slice(0, 3), chain[4]!]);
    const body = closeOf(chain.map((e) => e.hash), { fromSeq: 1, throughSeq: 6 });
    const first = await close(county, st.token, body);
    expect(first).toMatchObject({ status: 'incomplete', missingSeqs: [4, 5, 6], missingCount: 3 });
    expect((await county.store.dayCloses(st.stationId))[0]).toMatchObject({ status: 'incomplete', confirmedAt: null });

    await pushEvents(county, st.token, chain.slice(3));
    expect((await close(county, st.token, body)).status).toBe('confirmed');
    expect(await county.store.dayCloses(st.stationId)).toHaveLength(1);
  });

  it('lists at most 1000 missing seqs but counts them all', async () => {
    const county = await env.start();
    const st = await enrolledStation(county);
    await pushEvents(county, st.token, makeChain(2));
    const res = await close(county, st.token, closeOf([], { fromSeq: 1, throughSeq: 2500 }));
    if (res.status !== 'incomplete') throw new Error(res.status);
    expect(res.missingSeqs).toHaveLength(1000);
    expect(res.missingSeqs[0]).toBe(3);
    expect(res.missingCount).toBe(2498);
  });

  it('answers mismatch for a digest over other hashes, and covers permanently rejected seqs by the hash the station claimed', async () => {
    const county = await env.start();
    const st = await enrolledStation(county);
    const good = makeEvent(1, GENESIS_HASH);
    const tampered = { ...makeEvent(2, good.hash), payload: { changed: true } };
    const third = makeEvent(3, tampered.hash);
    await pushEvents(county, st.token, [good, tampered, third]);
    const wrong = await close(county, st.token, closeOf([good.hash, 'e'.repeat(64), third.hash], { fromSeq: 1, throughSeq: 3 }));
    expect(wrong).toMatchObject({ status: 'mismatch', message: expect.stringMatching(/不符/) });
    const right = await close(county, st.token, closeOf([good.hash, tampered.hash, third.hash], { fromSeq: 1, throughSeq: 3 }));
    expect(right.status).toBe('confirmed');
  });

  it('refuses a closeId reused for another close, a close of another station’s id, and a backwards range', async () => {
    const county = await env.start();
    const a = await enrolledStation(county);
    const b = await enrolledStation(county);
    const chain = makeChain(2);
    await pushEvents(county, a.token, chain);
    const body = closeOf(chain.map((e) => e.hash), { fromSeq: 1, throughSeq: 2 });
    await close(county, a.token, body);
    const reused = await call(county.url, 'POST', '/v1/day-close', { token: a.token, body: { ...body, throughSeq: 1 } });
    expect(reused.status).toBe(409);
    const other = await call(county.url, 'POST', '/v1/day-close', { token: b.token, body });
    expect(other.status).toBe(409);
    const backwards = await call(county.url, 'POST', '/v1/day-close', { token: a.token, body: closeOf([], { fromSeq: 5, throughSeq: 2 }) });
    expect(backwards.status).toBe(400);
  });
});
