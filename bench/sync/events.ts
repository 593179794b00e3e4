/** Outbox events as a station makes them: gapless seqs, real hashes chained from genesis. */
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { eventHashInput, GENESIS_HASH, type OutboxEvent } from '../../common/county/protocol';

const sha256 = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');
const NAMES = ['张建华', '李秀英', '王志强', '刘桂兰', '陈国庆', '赵淑珍', '杨德明', '黄丽娟'];
const ITEMS: [string, string][] = [
  ['DB-003', '城乡居民基本养老保险参保登记'],
  ['DB-011', '城乡居民医疗保险参保缴费'],
  ['SH-002', '残疾人证申领'],
  ['MZ-007', '高龄津贴申请'],
];

/** An intake_records row (migration 0004) as the station snapshots it: about 800 bytes of JSON. */
function intakeSnapshot(station: string, n: number, at: string): Record<string, unknown> {
  const [code, name] = ITEMS[n % ITEMS.length]!;
  const day = at.slice(0, 10).replaceAll('-', '');
  return {
    id: uuidv7(),
    receipt_no: `${station}-${day}-${String(n % 10_000).padStart(4, '0')}`,
    resident_id: uuidv7(),
    resident_name: NAMES[n % NAMES.length],
    resident_id_masked: '130102********1234',
    item_code: code,
    item_version: '2026.1',
    item_name: name,
    item_category: '审核转报',
    department: '县人力资源和社会保障局',
    forwarded: 1,
    time_limit: JSON.stringify({ kind: 'workdays', days: 5 }),
    materials_required: JSON.stringify([{ name: '居民身份证', copies: 1 }, { name: '户口簿', copies: 1 }]),
    materials_received: JSON.stringify(['居民身份证', '户口簿']),
    note: null,
    status: 'accepted',
    accepted_at: at,
    accepted_by: '019d6f3a-5c00-7a41-9b2e-4c1d8e0f2a11',
    promised_date: '2026-12-08',
    promised_at: '2026-12-08T09:00:00.000Z',
    completed_at: null,
    result: null,
    handover_kind: null,
    handover_at: null,
    receiver_name: null,
    closed_reason: null,
    updated_at: at,
    version: 1,
  };
}

/** `count` events of one station, seq 1…count, each a create of a new 代办 item. */
export function makeEvents(stationCode: string, count: number, startMs = Date.parse('2026-12-01T01:00:00.000Z')): OutboxEvent[] {
  const out: OutboxEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const occurredAt = new Date(startMs + seq * 1000).toISOString();
    const payload = intakeSnapshot(stationCode, seq, occurredAt);
    const e = { eventId: uuidv7(), seq, entity: 'intake', entityId: payload.id as string, op: 'create' as const, version: 1, occurredAt, payload };
    const hash = sha256(eventHashInput(prev, { ...e, payloadJson: JSON.stringify(payload) }));
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}
