/**
 * A county in memory behind the CountyTarget interface, for unit tests of the worker: it
 * settles pushes as the real county does (insert-or-nothing per seq, hash and chain checks,
 * ackedThrough past permanent rejections, GAP not permanent), serves a feed, answers day
 * closes, and injects faults on demand: down, 500, 413, a timeout, a connection cut after
 * the county applied the batch, a batch delivered twice, a malformed answer, a revoked token.
 * Answers go through the protocol's schemas like the HTTP target's.
 */
import { createHash, randomUUID } from 'node:crypto';
import type * as z from 'zod';
import {
  ConfigResponse,
  DayCloseResponse,
  EnrollResponse,
  eventHashInput,
  GENESIS_HASH,
  OutboxEvent,
  PullResponse,
  PushResponse,
  REJECT_REASONS,
  dayDigestInput,
  type DayCloseRequest,
  type EnrollRequest,
  type FeedItem,
  type PushRequest,
  type PushVerdict,
  type RejectReason,
} from '../../common/county/protocol';
import { TargetError, type CountyTarget } from './target';

export type Fault = 'down' | '500' | '413' | 'timeout' | 'cutAfterApply' | 'duplicate' | 'malformed' | 'revoked';
export type Call = 'config' | 'enroll' | 'push' | 'pull' | 'dayClose';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface Stored {
  event: OutboxEvent;
  rejected: Exclude<RejectReason, 'GAP'> | null;
}

export function createMemoryCounty(opts: { countyName?: string; maxBatchEvents?: number; maxPullItems?: number; publicUrl?: string | null; now?: () => Date } = {}) {
  const now = () => (opts.now ? opts.now() : new Date()).toISOString();
  const limits = { maxBatchEvents: opts.maxBatchEvents ?? 500, maxPullItems: opts.maxPullItems ?? 200 };
  const events = new Map<number, Stored>();
  let ackedThrough = 0;
  let token: string | null = null;
  let revoked = false;
  const feed: FeedItem[] = [];
  const faults: { call: Call | 'any'; fault: Fault }[] = [];
  /** seqs the county will find tampered with (BAD_HASH) when they first arrive */
  const tampered = new Set<number>();
  /** calls that wait for the test to let them go */
  const gates = new Map<Call, Promise<void>>();
  /** every request the station made, for assertions (batch sizes, repeats) */
  const requests: { call: Call; size: number }[] = [];

  function answer<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new TargetError('malformed', '县级平台的答复格式与协议不符，未作处理', 200);
    return parsed.data as z.infer<S>;
  }

  function nextFault(call: Call): Fault | null {
    const i = faults.findIndex((f) => f.call === call || f.call === 'any');
    if (i < 0) return null;
    return faults.splice(i, 1)[0]!.fault;
  }

  function before(call: Call, size: number, authed: string | null): Fault | null {
    requests.push({ call, size });
    const f = nextFault(call);
    if (f === 'down') throw new TargetError('unreachable', '连不上县级平台，请检查网络或地址');
    if (f === '500') throw new TargetError('server', '县级平台暂时无法处理（500），稍后自动重试', 500);
    if (f === '413') throw new TargetError('tooLarge', '一次发送的数据超过县级平台的上限', 413);
    if (f === 'timeout') throw new TargetError('timeout', '县级平台长时间没有答复，稍后自动重试');
    if (f === 'revoked') revoked = true;
    if (authed !== null && (revoked || authed !== token)) throw new TargetError('auth', '县级平台拒绝了本站点的登记凭证（可能已被撤销），请重新登记', 401);
    return f;
  }

  function settle(batch: PushRequest): PushResponse {
    const results: PushVerdict[] = batch.events.map((raw) => {
      const e = OutboxEvent.parse(raw);
      const ownHash = sha256(eventHashInput(e.prevHash, { ...e, payloadJson: JSON.stringify(e.payload) }));
      const reject = (reason: RejectReason, permanent: boolean): PushVerdict => ({ seq: e.seq, eventId: e.eventId, status: 'rejected', reason, message: REJECT_REASONS[reason], permanent });
      if (e.seq > ackedThrough + 1) return reject('GAP', false);
      if (e.seq <= ackedThrough) {
        const s = events.get(e.seq)!;
        if (s.event.hash !== e.hash) return reject('HASH_MISMATCH', true);
        return s.rejected ? reject(s.rejected, true) : { seq: e.seq, eventId: e.eventId, status: 'duplicate' };
      }
      const link = ackedThrough === 0 ? GENESIS_HASH : events.get(ackedThrough)!.event.hash;
      const rejected = ownHash !== e.hash || tampered.has(e.seq) ? 'BAD_HASH' : e.prevHash !== link ? 'BROKEN_CHAIN' : null;
      events.set(e.seq, { event: e, rejected });
      ackedThrough = e.seq;
      return rejected ? reject(rejected, true) : { seq: e.seq, eventId: e.eventId, status: 'applied' };
    });
    return { results, ackedThrough, serverTime: now() };
  }

  const target: CountyTarget = {
    async config() {
      const f = before('config', 0, null);
      if (f === 'malformed') return answer(ConfigResponse, { protocol: 99 });
      return answer(ConfigResponse, { protocol: 1, countyName: opts.countyName ?? '测试县', ...limits, maxBatchBytes: 4 * 1024 * 1024, publicUrl: opts.publicUrl ?? 'https://county.example/p', serverTime: now() });
    },
    async enroll(req: EnrollRequest) {
      before('enroll', 0, null);
      token = `sdt_${randomUUID().replace(/-/g, '')}`;
      revoked = false;
      return answer(EnrollResponse, { stationId: 'st-1', stationCode: req.stationCode, countyName: opts.countyName ?? '测试县', token, ackedThrough, pullCursor: 0, publicUrl: opts.publicUrl ?? 'https://county.example/p', serverTime: now() });
    },
    async push(t, req) {
      const f = before('push', req.events.length, t);
      await gates.get('push');
      if (f === 'malformed') {
        settle(req);
        return answer(PushResponse, { results: 'applied', ackedThrough });
      }
      if (f === 'duplicate') settle(req);
      const res = settle(req);
      if (f === 'cutAfterApply') throw new TargetError('unreachable', '与县级平台的连接中途断开，稍后自动重试');
      return answer(PushResponse, res);
    },
    async pull(t, after, limit) {
      const f = before('pull', limit, t);
      const items = feed.filter((i) => i.seq > after).slice(0, Math.min(limit, limits.maxPullItems));
      if (f === 'malformed') return answer(PullResponse, { items: items.map((i) => ({ ...i, kind: 'nonsense' })), cursor: after, hasMore: false, serverTime: now() });
      const cursor = items.length ? items[items.length - 1]!.seq : after;
      const res = { items, cursor, hasMore: feed.some((i) => i.seq > cursor), serverTime: now() };
      if (f === 'cutAfterApply') throw new TargetError('unreachable', '与县级平台的连接中途断开，稍后自动重试');
      return answer(PullResponse, res);
    },
    async dayClose(t, req: DayCloseRequest) {
      before('dayClose', 0, t);
      const missing: number[] = [];
      for (let s = req.fromSeq; s <= req.throughSeq; s++) if (!events.has(s)) missing.push(s);
      if (missing.length) return answer(DayCloseResponse, { status: 'incomplete', closeId: req.closeId, missingSeqs: missing.slice(0, 1000), missingCount: missing.length, serverTime: now() });
      const hashes = [];
      for (let s = req.fromSeq; s <= req.throughSeq; s++) hashes.push(events.get(s)!.event.hash);
      if (sha256(dayDigestInput(hashes)) !== req.digest) return answer(DayCloseResponse, { status: 'mismatch', closeId: req.closeId, message: '日结摘要与县级收到的事件不符', serverTime: now() });
      return answer(DayCloseResponse, { status: 'confirmed', closeId: req.closeId, confirmedAt: now(), serverTime: now() });
    },
  };

  return {
    target,
    requests,
    /** the next call of that kind (or any) fails this way, once per entry */
    inject(fault: Fault, call: Call | 'any' = 'any', times = 1) {
      for (let i = 0; i < times; i++) faults.push({ call, fault });
    },
    /** the next calls of this kind wait until the returned function is called */
    hold(call: Call): () => void {
      let release = () => {};
      gates.set(call, new Promise<void>((r) => (release = r)));
      return () => {
        gates.delete(call);
        release();
      };
    },
    clearFaults() {
      faults.splice(0);
    },
    revoke() {
      revoked = true;
    },
    tamper(seq: number) {
      tampered.add(seq);
    },
    /** forgets every event above seq, as a county restored from an older backup would */
    forget(seq: number) {
      for (const k of [...events.keys()]) if (k > seq) events.delete(k);
      ackedThrough = Math.min(ackedThrough, seq);
    },
    events: () => [...events.values()],
    ackedThrough: () => ackedThrough,
    /** adds a feed item for this station */
    publish(item: Omit<FeedItem, 'seq' | 'createdAt'>): number {
      const seq = feed.length + 1;
      feed.push({ ...item, seq, createdAt: now() } as FeedItem);
      return seq;
    },
  };
}

export type MemoryCounty = ReturnType<typeof createMemoryCounty>;
