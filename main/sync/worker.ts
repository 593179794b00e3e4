/**
 * The station's sync worker: in the background, whenever the county answers, it pushes the
 * outbox and pulls the county's feed — on a timer, soon after a local change, and at once on
 * 立即同步 — with exponential backoff and jitter after a failure. The HTTP waits never hold
 * the database; each write is one short transaction (store.ts, apply.ts), so the counter
 * stays responsive while a backlog goes out, and a kill at any moment loses nothing: what
 * the county settled is acknowledged again on the next push (duplicate), and a feed page is
 * applied with its cursor or not at all.
 */
import type { Db } from '../db/open';
import type { Write } from '../db/write';
import type { Clock } from '../clock';
import { log } from '../log';
import { createSyncStore, toEvent } from './store';
import { createFeedApplier, type FeedServices } from './apply';
import { TargetError, type CountyTarget, type TargetFactory } from './target';
import { createHttpTarget } from './http-target';
import type { SyncPort, PendingDayCloses, DayCloseOutcome } from './port';
import type { ConfigResponse, DayCloseRequest, OutboxEvent, PushResponse } from '../../common/county/protocol';
import type { SyncStatus } from '../../common/contracts/sync';
import { AppError } from '../../common/errors';

export interface SyncWorkerOptions {
  db: Db;
  write: Write;
  clock: Clock;
  services: FeedServices;
  /** the county address in 本机设置 (used until the station is enrolled) */
  countyUrl: () => string;
  /** this station as the county knows it */
  station: () => { code: string; name: string } | null;
  target?: TargetFactory;
  /** ms between rounds while all is well */
  intervalMs?: number;
  /** ms between looks for a local change (a new outbox event) */
  watchMs?: number;
  /** first retry delay after a failure; doubles up to maxBackoffMs */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** false: no timers (tests drive it with runOnce) */
  autoStart?: boolean;
  random?: () => number;
}

export interface RoundResult {
  ok: boolean;
  pending: number;
  error: string | null;
}

const MAX_PAGES = 1_000;

export function createSyncWorker(opts: SyncWorkerOptions) {
  const { db, write, clock } = opts;
  const store = createSyncStore(db, write, clock);
  const applyPage = createFeedApplier(db, write, clock, store, opts.services);
  const makeTarget = opts.target ?? ((url: string) => createHttpTarget(url));
  const intervalMs = opts.intervalMs ?? 15_000;
  const watchMs = opts.watchMs ?? 1_000;
  const backoffMs = opts.backoffMs ?? 2_000;
  const maxBackoffMs = opts.maxBackoffMs ?? 5 * 60_000;
  const random = opts.random ?? Math.random;

  let target: { url: string; t: CountyTarget } | null = null;
  let limits: ConfigResponse | null = null;
  /** events per push now: the county's limit, halved on 413 / 5xx, grown back on success */
  let batchSize = 0;
  let failures = 0;
  let running: Promise<RoundResult> | null = null;
  let progress: { sent: number; total: number } | null = null;
  let pendingCloses: PendingDayCloses | null = null;
  let timer: NodeJS.Timeout | null = null;
  let nextAt = 0;
  let seenSeq = store.lastSeq();
  let stopped = false;

  function targetFor(url: string): CountyTarget {
    if (!target || target.url !== url) target = { url, t: makeTarget(url) };
    return target.t;
  }

  function countyUrl(): string {
    return store.state().county_url ?? opts.countyUrl();
  }

  function token(): string {
    const s = store.state();
    if (!s.station_token) throw new TargetError('config', '本站尚未登记到县级平台');
    if (s.needs_reenroll) throw new TargetError('auth', '县级平台拒绝了本站点的登记凭证，请重新登记');
    return s.station_token;
  }

  function skew(serverTime: string) {
    store.update({ clock_skew_s: Math.round((Date.parse(serverTime) - clock.now().getTime()) / 1000) });
  }

  /** One push of the next batch; false when nothing is left. */
  async function pushBatch(t: CountyTarget, tok: string): Promise<boolean> {
    const st = store.state();
    const maxEvents = limits?.maxBatchEvents ?? 500;
    const maxBytes = (limits?.maxBatchBytes ?? 4 * 1024 * 1024) * 0.9;
    if (batchSize <= 0) batchSize = maxEvents;
    const rows = store.batch(st.acked_through, Math.min(batchSize, maxEvents));
    if (rows.length === 0) return false;
    let bytes = 0;
    const events: OutboxEvent[] = [];
    for (const r of rows) {
      // the payload's UTF-8 size plus the event's other fields, as the county counts them
      bytes += Buffer.byteLength(r.payload, 'utf8') + 400;
      if (events.length > 0 && bytes > maxBytes) break;
      events.push(toEvent(r));
    }
    const first = events[0]!.seq;
    const last = events[events.length - 1]!.seq;
    const pending = store.pending().n;
    let res: PushResponse;
    try {
      res = await t.push(tok, { events, auditHead: store.auditHead(), backlog: Math.max(0, pending - events.length) });
    } catch (err) {
      if (err instanceof TargetError && (err.kind === 'tooLarge' || err.kind === 'server')) {
        const was = events.length;
        batchSize = Math.max(1, Math.floor(was / 2));
        // a 413 is answered at once with a smaller batch; a lone event refused as too large cannot shrink
        if (err.kind === 'tooLarge' && was > 1) return true;
      }
      throw err;
    }
    // one verdict per event sent (a proxy may have reordered them): anything else is not an answer to this request
    const sent = new Map(events.map((e) => [e.seq, e.eventId]));
    if (res.results.length !== events.length || new Set(res.results.map((v) => v.seq)).size !== events.length || res.results.some((v) => sent.get(v.seq) !== v.eventId)) {
      throw new TargetError('malformed', '县级平台的答复与所发送的事件对不上，未作处理');
    }
    store.settle(first, last, res);
    skew(res.serverTime);
    batchSize = Math.min(maxEvents, batchSize * 2);
    if (progress) progress = { sent: progress.sent + events.length, total: progress.total };
    const gap = res.results.some((v) => v.status === 'rejected' && !v.permanent);
    // a gap the county cannot close by what the station holds would loop: give up this round
    if (gap && res.ackedThrough >= last) throw new TargetError('malformed', '县级平台答复有缺号，但确认位置不合理');
    return true;
  }

  async function pushAll(t: CountyTarget, tok: string): Promise<void> {
    const total = store.pending().n;
    progress = total > 0 ? { sent: 0, total } : null;
    try {
      // bounded: a county that keeps answering without moving ackedThrough ends the round
      let stalls = 0;
      for (;;) {
        const before = store.state().acked_through;
        const size = batchSize;
        if (!(await pushBatch(t, tok))) break;
        // a batch halved after a 413 is not a stall; an answer that settles nothing is
        if (store.state().acked_through > before || batchSize < size) stalls = 0;
        else if (++stalls > 3) throw new TargetError('malformed', '县级平台一直未确认收到的事件，稍后再试');
      }
    } finally {
      progress = null;
    }
  }

  async function pullAll(t: CountyTarget, tok: string): Promise<void> {
    for (let i = 0; i < MAX_PAGES; i++) {
      const after = store.state().pull_cursor;
      const page = await t.pull(tok, after, limits?.maxPullItems ?? 200);
      try {
        applyPage(page, after);
      } catch (err) {
        if (err instanceof AppError && err.code === 'VALIDATION') throw new TargetError('malformed', err.message);
        throw err;
      }
      skew(page.serverTime);
      if (!page.hasMore || page.items.length === 0) return;
    }
  }

  async function retryCloses(t: CountyTarget, tok: string): Promise<void> {
    if (!pendingCloses) return;
    for (const req of pendingCloses.list()) {
      const res = await t.dayClose(tok, req);
      if (res.status === 'incomplete') {
        store.resendFrom(Math.min(...res.missingSeqs));
        await pushAll(t, tok);
        pendingCloses.record(req.closeId, await t.dayClose(tok, req));
      } else pendingCloses.record(req.closeId, res);
    }
  }

  function fail(err: unknown): RoundResult {
    const at = clock.now();
    const message = err instanceof TargetError ? err.message : err instanceof AppError ? err.message : '同步时出错，稍后自动重试';
    if (!(err instanceof TargetError) && !(err instanceof AppError)) log.error('sync round failed', { error: err instanceof Error ? err.name : 'unknown' });
    else log.warn('sync round failed', { kind: err instanceof TargetError ? err.kind : err.code, status: err instanceof TargetError ? err.status : null });
    if (err instanceof TargetError && err.kind === 'auth') {
      // the queue stays; nothing is retried until the station enrolls again
      store.update({ needs_reenroll: 1, last_error: message, last_error_at: at.toISOString(), next_attempt_at: null });
      nextAt = Infinity;
      return { ok: false, pending: store.pending().n, error: message };
    }
    failures += 1;
    const base = Math.min(maxBackoffMs, backoffMs * 2 ** (failures - 1));
    const delay = Math.round(base / 2 + (random() * base) / 2);
    nextAt = Date.now() + delay;
    store.update({ last_error: message, last_error_at: at.toISOString(), next_attempt_at: new Date(at.getTime() + delay).toISOString() });
    return { ok: false, pending: store.pending().n, error: message };
  }

  async function round(): Promise<RoundResult> {
    if (stopped || !db.open) return { ok: false, pending: 0, error: '同步已停止' };
    const st = store.state();
    if (!st.station_token) return { ok: false, pending: store.pending().n, error: '本站尚未登记到县级平台' };
    if (st.needs_reenroll) return { ok: false, pending: store.pending().n, error: st.last_error ?? '请重新登记' };
    try {
      const t = targetFor(countyUrl());
      const tok = token();
      // what this round will push; a change made from here on (a pulled decision too) asks for another
      seenSeq = store.lastSeq();
      limits = await t.config();
      if (limits.publicUrl !== st.public_url || limits.countyName !== st.county_name) store.update({ public_url: limits.publicUrl, county_name: limits.countyName });
      await pushAll(t, tok);
      await pullAll(t, tok);
      await retryCloses(t, tok);
      failures = 0;
      nextAt = Date.now() + intervalMs;
      store.update({ last_success_at: clock.now().toISOString(), last_error: null, last_error_at: null, next_attempt_at: new Date(clock.now().getTime() + intervalMs).toISOString() });
      return { ok: true, pending: store.pending().n, error: null };
    } catch (err) {
      if (stopped || !db.open) return { ok: false, pending: 0, error: '同步已停止' };
      return fail(err);
    }
  }

  /** One push-and-pull round; a call during a round waits for that round and then runs its own. */
  function runOnce(): Promise<RoundResult> {
    const prev = running ?? Promise.resolve(null);
    const mine: Promise<RoundResult> = prev.then(() => round()).catch((err: unknown) => {
      log.error('sync round broke', { error: err instanceof Error ? err.name : 'unknown' });
      return { ok: false, pending: 0, error: '同步时出错，稍后自动重试' };
    });
    running = mine;
    void mine.finally(() => {
      if (running === mine) running = null;
    });
    return mine;
  }

  function tick() {
    if (stopped || !db.open) return;
    const last = store.lastSeq();
    const changed = last !== seenSeq;
    seenSeq = last;
    const due = Date.now() >= nextAt || (changed && failures === 0 && nextAt !== Infinity);
    if (due && !running && store.state().station_token) void runOnce();
  }

  const port: SyncPort = {
    enrolled: () => !!store.state().station_token && !store.state().needs_reenroll,
    syncNow: () => runOnce(),
    async sendDayClose(request: DayCloseRequest): Promise<DayCloseOutcome> {
      if (!port.enrolled()) return { sent: false, reason: store.state().needs_reenroll ? '县级平台拒绝了本站点的登记凭证，请重新登记' : '本站尚未登记到县级平台' };
      try {
        const t = targetFor(countyUrl());
        const tok = token();
        let res = await t.dayClose(tok, request);
        if (res.status === 'incomplete') {
          store.resendFrom(Math.min(...res.missingSeqs));
          await runOnce();
          res = await t.dayClose(tok, request);
        }
        return { sent: true, response: res };
      } catch (err) {
        const r = fail(err);
        return { sent: false, reason: r.error ?? '连不上县级平台' };
      }
    },
  };

  return {
    store,
    port,
    runOnce,
    /** The county's public progress page for the receipt's QR code, once enrolled. */
    publicUrl: (): string | null => {
      const s = store.state();
      return s.station_token ? s.public_url : null;
    },
    /** 日结 hands over its closes still 待确认; the worker retries them after each good round. */
    usePendingDayCloses(p: PendingDayCloses) {
      pendingCloses = p;
    },
    async enroll(countyUrlInput: string, code: string) {
      const station = opts.station();
      if (!station) throw new AppError('UNAVAILABLE', '请先完成站点初始设置');
      const t = targetFor(countyUrlInput);
      let res;
      try {
        res = await t.enroll({ code, stationCode: station.code, stationName: station.name });
      } catch (err) {
        if (err instanceof TargetError) {
          const msg = err.kind === 'refused' || err.kind === 'auth' ? `登记未成功：${err.message.replace(/^县级平台拒绝了请求：?/, '')}` : err.message;
          throw new AppError(err.kind === 'config' ? 'VALIDATION' : 'UNAVAILABLE', msg);
        }
        throw err;
      }
      store.enrolled({ countyUrl: countyUrlInput, stationId: res.stationId, token: res.token, countyName: res.countyName, publicUrl: res.publicUrl, ackedThrough: res.ackedThrough, pullCursor: res.pullCursor });
      failures = 0;
      nextAt = 0;
      return res;
    },
    status(): SyncStatus {
      const s = store.state();
      const p = store.pending();
      const c = store.counts();
      const state: SyncStatus['state'] = !s.station_token ? 'unenrolled' : s.needs_reenroll ? 'reenroll' : running ? 'syncing' : s.last_error ? 'offline' : s.last_success_at ? 'online' : 'offline';
      return {
        state,
        countyUrl: s.county_url ?? opts.countyUrl(),
        countyName: s.county_name,
        stationId: s.station_id,
        enrolledAt: s.enrolled_at,
        pending: p.n,
        oldestPendingAt: p.oldest,
        lastPushAt: s.last_push_at,
        lastPullAt: s.last_pull_at,
        lastSuccessAt: s.last_success_at,
        lastError: s.last_error,
        lastErrorAt: s.last_error_at,
        nextAttemptAt: s.next_attempt_at,
        progress,
        rejectedCount: c.rejected,
        conflictCount: c.conflicts,
        clockSkewSeconds: s.clock_skew_s,
      };
    },
    start() {
      if (timer || stopped) return;
      nextAt = store.state().needs_reenroll ? Infinity : 0;
      timer = setInterval(tick, Math.min(watchMs, intervalMs));
      timer.unref();
    },
    /** Stops the timers now; a round in flight ends at its next step (the database may be closing). */
    halt() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
    },
    /** halt, and wait for a round in flight */
    async stop() {
      this.halt();
      await running;
    },
    get started() {
      return timer !== null;
    },
  };
}

export type SyncWorker = ReturnType<typeof createSyncWorker>;
