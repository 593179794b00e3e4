import { describe, expect, it } from 'vitest';
import { BACKENDS, call, countyBackend, enrolledStation, pushBody, pushEvents } from '../helpers/county';
import { GENESIS_HASH, hashEvent, makeChain, makeEvent } from '../helpers/county-events';
import { PushResponse, REJECT_REASONS } from '../../common/county/protocol';

describe.each(BACKENDS)('county push (%s)', (kind) => {
  const env = countyBackend(kind);
  const stored = (stationId: string) => env.sql.query<{ seq: number; rejected: string | null; payload: string }>('SELECT seq, rejected, payload FROM station_events WHERE station_id = $1 ORDER BY seq', [stationId]);

  it('applies a chain in one transaction, keeps the payload text exactly as hashed, and answers the same batch twice as duplicates', async () => {
    const county = await env.start();
    const st = await enrolledStation(county);
    const events = makeChain(5, { spec: (seq) => ({ payload: { id: `r-${seq}`, name: '李秀英', nested: { b: 1, a: [1.5, '二'] }, n: seq } }) });
    const first = await pushEvents(county, st.token, events);
    expect(first.status).toBe(200);
    const answer = PushResponse.parse(first.body);
    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    expect(answer.ackedThrough).toBe(5);

    const rows = await stored(st.stationId);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.payload).toBe(JSON.stringify(events[0]!.payload));

    const second = PushResponse.parse((await pushEvents(county, st.token, events)).body);
    expect(second.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(second.ackedThrough).toBe(5);
    expect(await stored(st.stationId)).toHaveLength(5);
  });

  it('refuses a gap without storing it, and takes the events once the gap is filled', async () => {
    const county = await env.start();
    const st = await enrolledStation(county);
    const events = makeChain(6);
    await pushEvents(county, st.token, events.slice(0, 2));
    const gapped = PushResponse.parse((await pushEvents(county, st.token, events.slice(3))).body);
    expect(gapped.results).toEqual(events.slice(3).map((e) => ({ seq: e.seq, eventId: e.eventId, status: 'rejected', reason: 'GAP', message: REJECT_REASONS.GAP, permanent: false })));
    expect(gapped.ackedThrough).toBe(2);
    expect(await stored(st.stationId)).toHaveLength(2);
    expect(await county.store.rejectedEvents(st.stationId)).toEqual([]);

    // out of order within a batch: 5 before 3 is a gap, 3 and 4 apply
    const mixed = PushResponse.parse((await pushEvents(county, st.token, [events[4]!, events[2]!, events[3]!])).body);
    expect(mixed.results.map((r) => r.status === 'rejected' ? r.reason : r.status)).toEqual(['GAP', 'applied', 'applied']);
    expect(mixed.ackedThrough).toBe(4);
    const rest = PushResponse.parse((await pushEvents(county, st.token, events.slice(4))).body);
    expect(rest.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(rest.ackedThrough).toBe(6);
  });

  it('rejects a tampered payload (BAD_HASH), a broken link (BROKEN_CHAIN) and a malformed event (INVALID) permanently, and ackedThrough moves past them', async () => {
    const county = await env.start();
    const st = await enrolledStation(county);
    const chain = makeChain(2);
    // seq 3: the payload changed after hashing
    const tampered = { ...makeEvent(3, chain[1]!.hash), payload: { id: 'r-3', name: '改过的' } };
    // seq 4: a well-formed event whose prevHash is not seq 3's hash (a chain from elsewhere)
    const foreign = makeEvent(4, 'f'.repeat(64));
    // seq 5 links to the hash seq 4 claimed: the chain goes on through the rejection
    const next = makeEvent(5, foreign.hash);
    // seq 6: not an outbox event (bad op), still with a seq and an event id to answer for
    const bad = { ...makeEvent(6, next.hash), op: 'explode' };
    const after = makeEvent(7, bad.hash);
    const res = PushResponse.parse((await pushEvents(county, st.token, [...chain, tampered, foreign, next, bad, after])).body);
    expect(res.results.map((r) => (r.status === 'rejected' ? `${r.reason}${r.permanent ? '!' : ''}` : r.status))).toEqual(['applied', 'applied', 'BAD_HASH!', 'BROKEN_CHAIN!', 'applied', 'INVALID!', 'applied']);
    expect(res.ackedThrough).toBe(7);

    const rejected = await county.store.rejectedEvents(st.stationId);
    expect(rejected.map((r) => [r.seq, r.reason])).toEqual([
      [3, 'BAD_HASH'],
      [4, 'BROKEN_CHAIN'],
      [6, 'INVALID'],
    ]);
    expect(rejected[0]!.message).toBe(REJECT_REASONS.BAD_HASH);
    expect((await stored(st.stationId)).map((r) => [r.seq, r.rejected])).toEqual([
      [1, null],
      [2, null],
      [3, 'BAD_HASH'],
      [4, 'BROKEN_CHAIN'],
      [5, null],
      [6, 'INVALID'],
      [7, null],
    ]);
    const [row] = (await county.store.listStations()).filter((s) => s.id === st.stationId);
    expect(row!.rejectedCount).toBe(3);

    // sent again: the same rejections, nothing new kept
    const again = PushResponse.parse((await pushEvents(county, st.token, [tampered, foreign, next])).body);
    expect(again.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual(['BAD_HASH', 'BROKEN_CHAIN', 'duplicate']);
    expect(await county.store.rejectedEvents(st.stationId)).toHaveLength(3);
  });

  it('answers HASH_MISMATCH for a stored seq with other content, and BAD_HASH for a stored seq whose hash was kept but content changed', async () => {
    const county = await env.start();
    const st = await enrolledStation(county);
    const chain = makeChain(3);
    await pushEvents(county, st.token, chain);
    const other = makeEvent(2, chain[0]!.hash, { payload: { id: 'r-2', name: '另一个' } });
    const sameHashOtherPayload = { ...chain[2]!, payload: { id: 'r-3', name: '被改动' } };
    const res = PushResponse.parse((await pushEvents(county, st.token, [other, sameHashOtherPayload])).body);
    expect(res.results).toMatchObject([
      { seq: 2, status: 'rejected', reason: 'HASH_MISMATCH', permanent: true },
      { seq: 3, status: 'rejected', reason: 'BAD_HASH', permanent: true },
    ]);
    expect(res.ackedThrough).toBe(3);
    // the stored events are untouched
    expect((await stored(st.stationId)).map((r) => r.payload)).toEqual(chain.map((e) => JSON.stringify(e.payload)));
    expect((await county.store.rejectedEvents(st.stationId)).map((r) => r.reason)).toEqual(['HASH_MISMATCH', 'BAD_HASH']);
  });

  it('refuses a batch without seq or eventId as a whole (400), and a batch above maxBatchEvents (413), storing nothing', async () => {
    const county = await env.start({ limits: { maxBatchEvents: 3 } });
    const st = await enrolledStation(county);
    const chain = makeChain(4);
    const noSeq = await call(county.url, 'POST', '/v1/push', { token: st.token, body: pushBody([chain[0], { ...chain[1], seq: 'two' }]) });
    expect(noSeq.status).toBe(400);
    expect(noSeq.body).toMatchObject({ error: { code: 'VALIDATION' } });
    const big = await pushEvents(county, st.token, chain);
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ error: { code: 'TOO_LARGE' } });
    expect(await stored(st.stationId)).toHaveLength(0);
    // beyond the schema's own cap too: still 413, so the station halves rather than gives up
    const huge = await call(county.url, 'POST', '/v1/push', { token: st.token, body: pushBody(Array.from({ length: 10_001 }, (_, i) => ({ seq: i + 1 }))) });
    expect(huge.status).toBe(413);
    const noHead = await call(county.url, 'POST', '/v1/push', { token: st.token, body: { events: chain.slice(0, 1), backlog: 0 } });
    expect(noHead.status).toBe(400);
  });

  it('never lets text PostgreSQL cannot store block the queue: an id with NUL is INVALID, a payload with NUL or a lone surrogate is kept exactly', async () => {
    const county = await env.start();
    const st = await enrolledStation(county);
    const odd = { id: 'i1', receipt_no: 'SL-\u0000-1', item_name: '低保\ud800申请', status: 'forwarded', accepted_at: '2026-11-27T01:00:00.000Z', promised_date: '2026-12-04', resident_name: '张\u0000华' };
    const first = makeEvent(1, GENESIS_HASH, { entity: 'intake', entityId: 'i1', payload: odd });
    const badId = makeEvent(2, first.hash, { entityId: 'r\u0000x' });
    const after = makeEvent(3, badId.hash);
    const res = PushResponse.parse((await pushEvents(county, st.token, [first, badId, after])).body);
    expect(res.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual(['applied', 'INVALID', 'applied']);
    expect(res.ackedThrough).toBe(3);
    expect((await stored(st.stationId))[0]!.payload).toBe(JSON.stringify(odd));
    const [item] = await county.store.listItems({ status: 'all', limit: 10 });
    expect(item).toMatchObject({ receiptNo: 'SL-\ufffd-1', itemName: '低保\ufffd申请' });
    const enroll = await county.store.createStation({ code: 'NUL01', name: '站' });
    const r = await call(county.url, 'POST', '/v1/enroll', { body: { code: enroll.code, stationCode: 'NUL01', stationName: '站', deviceName: '窗口\u00001' } });
    expect(r.status).toBe(200);
  });

  it('keeps an unknown entity name a newer station may send', async () => {
    const county = await env.start();
    const st = await enrolledStation(county);
    const res = PushResponse.parse((await pushEvents(county, st.token, makeChain(1, { spec: () => ({ entity: 'relief_case' }) }))).body);
    expect(res.results[0]!.status).toBe('applied');
  });

  it('records the audit head with every push and flags a cut tail, but not a delayed older head', async () => {
    const county = await env.start();
    const st = await enrolledStation(county);
    const chain = makeChain(4);
    const h = (n: number) => String(n % 10).repeat(64);
    await pushEvents(county, st.token, chain.slice(0, 1), { seq: 10, hash: h(1) });
    await pushEvents(county, st.token, chain.slice(1, 2), { seq: 20, hash: h(2) });
    // a retry that was overtaken: an older head already seen is stale, not a cut
    await pushEvents(county, st.token, chain.slice(0, 1), { seq: 10, hash: h(1) });
    let [row] = (await county.store.listStations()).filter((s) => s.id === st.stationId);
    expect(row!.auditHead).toMatchObject({ seq: 20, hash: h(2) });
    expect(row!.auditTailCut).toBe(false);

    await pushEvents(county, st.token, chain.slice(2, 3), { seq: 15, hash: h(5) });
    [row] = (await county.store.listStations()).filter((s) => s.id === st.stationId);
    expect(row!.auditTailCut).toBe(true);
    expect(row!.auditHead).toMatchObject({ seq: 15, hash: h(5) });
    // the flag stays once raised
    await pushEvents(county, st.token, chain.slice(3, 4), { seq: 30, hash: h(3) });
    [row] = (await county.store.listStations()).filter((s) => s.id === st.stationId);
    expect(row!.auditTailCut).toBe(true);
  });

  it('flags a cut when the same audit seq comes back with another hash', async () => {
    const county = await env.start();
    const st = await enrolledStation(county);
    await pushEvents(county, st.token, makeChain(1), { seq: 7, hash: 'a'.repeat(64) });
    await pushEvents(county, st.token, makeChain(1), { seq: 7, hash: 'b'.repeat(64) });
    const [row] = (await county.store.listStations()).filter((s) => s.id === st.stationId);
    expect(row!.auditTailCut).toBe(true);
  });

  it('chains from GENESIS: a first event linked elsewhere is a broken chain', async () => {
    const county = await env.start();
    const st = await enrolledStation(county);
    const e = makeEvent(1, 'c'.repeat(64));
    expect(e.hash).toBe(hashEvent({ ...e }));
    const res = PushResponse.parse((await pushEvents(county, st.token, [e])).body);
    expect(res.results[0]).toMatchObject({ status: 'rejected', reason: 'BROKEN_CHAIN' });
    const ok = PushResponse.parse((await pushEvents(county, st.token, makeChain(1, { from: 2, prevHash: e.hash }))).body);
    expect(ok.results[0]!.status).toBe('applied');
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });
});
