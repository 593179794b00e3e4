/**
 * A SyncPort that behaves like the county for 日结 tests: syncNow() "pushes" the station's
 * outbox rows (read from its database file) into what this county holds, checking each
 * event's hash and chain as the county does; sendDayClose() answers from what it holds —
 * incomplete when covered events are missing, mismatch when the digest differs. It can be
 * taken offline, and made to lose events. The real county round trip is tested at the merge.
 */
import type { OutboxRow } from '../../main/db/write';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Clock } from '../../main/clock';
import type { DayCloseOutcome, SyncPort } from '../../main/sync/port';
import { DayCloseRequest, DayCloseResponse, dayDigestInput, eventHashInput, GENESIS_HASH } from '../../common/county/protocol';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');


export function countyLikePort(dbFile: string, clock: Clock) {
  const held = new Map<number, string>();
  const state = {
    online: true,
    enrolled: true,
    /** seqs this county "never received" (a lost batch) */
    lose: new Set<number>(),
    syncRounds: 0,
    requests: [] as DayCloseRequest[],
  };

  function pushAll(): number {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare<[], OutboxRow>('SELECT * FROM outbox ORDER BY seq').all();
      let prev = GENESIS_HASH;
      for (const r of rows) {
        const hash = sha256(eventHashInput(prev, { seq: r.seq, eventId: r.event_id, entity: r.entity, entityId: r.entity_id, op: r.op, version: r.version, occurredAt: r.occurred_at, payloadJson: r.payload }));
        if (r.prev_hash !== prev || hash !== r.hash) throw new Error(`county refused event ${r.seq}: broken chain`);
        prev = r.hash;
        if (!state.lose.has(r.seq)) held.set(r.seq, r.hash);
      }
      return rows.length;
    } finally {
      db.close();
    }
  }

  function answer(request: DayCloseRequest): DayCloseResponse {
    const serverTime = clock.now().toISOString();
    const missing: number[] = [];
    const hashes: string[] = [];
    for (let seq = request.fromSeq; seq <= request.throughSeq; seq++) {
      const h = held.get(seq);
      if (h === undefined) missing.push(seq);
      else hashes.push(h);
    }
    if (missing.length > 0) return { status: 'incomplete', closeId: request.closeId, missingSeqs: missing.slice(0, 1000), missingCount: missing.length, serverTime };
    if (sha256(dayDigestInput(hashes)) !== request.digest) return { status: 'mismatch', closeId: request.closeId, message: '记录摘要与县级平台收到的记录不符', serverTime };
    return { status: 'confirmed', closeId: request.closeId, confirmedAt: serverTime, serverTime };
  }

  const port: SyncPort = {
    enrolled: () => state.enrolled,
    async syncNow() {
      state.syncRounds += 1;
      if (!state.online) return { ok: false, pending: 1, error: '无法连接县级平台' };
      pushAll();
      return { ok: true, pending: 0, error: null };
    },
    async sendDayClose(request): Promise<DayCloseOutcome> {
      const parsed = DayCloseRequest.parse(request);
      state.requests.push(parsed);
      if (!state.enrolled) return { sent: false, reason: '未登记县级平台' };
      if (!state.online) return { sent: false, reason: '无法连接县级平台' };
      return { sent: true, response: DayCloseResponse.parse(answer(parsed)) };
    },
  };

  return { port, state, held, answer, pushAll };
}
