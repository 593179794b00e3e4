/**
 * Outbox events as a station makes them (main/db/write.ts): the same hash over the same
 * fields, so the county's checks meet real chains; and bad ones made on purpose.
 */
import { createHash, randomUUID } from 'node:crypto';
import { eventHashInput, GENESIS_HASH, type OutboxEvent } from '../../common/county/protocol';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function hashEvent(e: Omit<OutboxEvent, 'hash'>): string {
  return sha256(eventHashInput(e.prevHash, { ...e, payloadJson: JSON.stringify(e.payload) }));
}

export interface EventSpec {
  entity?: string;
  entityId?: string;
  op?: OutboxEvent['op'];
  version?: number;
  payload?: unknown;
  occurredAt?: string;
}

/** One event at `seq` linked to prevHash, with a correct hash. */
export function makeEvent(seq: number, prevHash: string, spec: EventSpec = {}): OutboxEvent {
  const e = {
    eventId: randomUUID(),
    seq,
    entity: spec.entity ?? 'resident',
    entityId: spec.entityId ?? `r-${seq}`,
    op: spec.op ?? 'create',
    version: spec.version ?? 1,
    occurredAt: spec.occurredAt ?? new Date(Date.UTC(2026, 10, 27, 1, 0, seq)).toISOString(),
    payload: spec.payload ?? { id: `r-${seq}`, name: '测试', n: seq },
    prevHash,
  };
  return { ...e, hash: hashEvent(e) };
}

/** A gapless chain of `count` events from seq `from`, continuing from `prevHash`. */
export function makeChain(count: number, opts: { from?: number; prevHash?: string; spec?: (seq: number) => EventSpec } = {}): OutboxEvent[] {
  const out: OutboxEvent[] = [];
  let prev = opts.prevHash ?? GENESIS_HASH;
  const from = opts.from ?? 1;
  for (let seq = from; seq < from + count; seq++) {
    const e = makeEvent(seq, prev, opts.spec?.(seq));
    out.push(e);
    prev = e.hash;
  }
  return out;
}

/** The station's intake row (snake_case, as main/services/intake-store.ts reads it) as an event payload. */
export function intakePayload(o: { id: string; receiptNo: string; status?: string; version?: number; checkCode?: string; residentName?: string; result?: string | null; promisedDate?: string }) {
  return {
    id: o.id,
    receipt_no: o.receiptNo,
    resident_id: 'res-1',
    resident_name: o.residentName ?? '张建华',
    resident_id_masked: '130102********1234',
    item_code: 'DB001',
    item_name: '城乡居民基本医疗保险参保登记',
    item_category: '代办服务',
    department: '县医疗保障局',
    forwarded: 1,
    status: o.status ?? 'forwarded',
    accepted_at: '2026-11-27T01:00:00.000Z',
    promised_date: o.promisedDate ?? '2026-12-04',
    result: o.result ?? null,
    closed_reason: null,
    updated_at: '2026-11-27T01:05:00.000Z',
    version: o.version ?? 1,
    ...(o.checkCode ? { check_code: o.checkCode } : {}),
  };
}

export { GENESIS_HASH };
