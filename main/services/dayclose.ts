/**
 * 日结 (end of day, issue 7 §4): the day at a glance, and closing it. A close freezes the
 * day's figures and the outbox range it covers (with the digest the county recomputes), is
 * itself an outbox event, and goes to the county through the SyncPort after a forced sync
 * round. Offline or unenrolled, it is recorded 待确认 and the sync worker retries it through
 * PendingDayCloses until the county confirms.
 */
import type { ApiPart, ServiceContext } from '../context';
import type { Documents } from './documents';
import type { DayCloseOutcome, PendingDayCloses, SyncPort } from '../sync/port';
import { newId } from '../clock';
import { log } from '../log';
import { createKeyedQueue } from '../one-at-a-time';
import { AppError } from '../../common/errors';
import { formatDateCn, formatTime, stationDate } from '../../common/time';
import { DayCloseRequest, DayCloseResponse, GENESIS_HASH } from '../../common/county/protocol';
import type { dayCloseCalls, DayCloseStatus } from '../../common/contracts/dayclose';
import { createGlance, protocolCounts } from './dayclose-glance';
import { createDayCloseStore, detailOf, requestOf, summaryOf, type DayCloseRow } from './dayclose-store';
import { dayCloseReport } from './dayclose-report';

/** How long a close waits for the county before it is recorded 待确认 and left to the worker. */
const COUNTY_WAIT_MS = 45_000;

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(onTimeout), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** The words the station keeps for a county answer: status, and why (or null). */
export function statusOfAnswer(r: DayCloseResponse): { status: DayCloseStatus; reason: string | null; answeredAt: string | null } {
  switch (r.status) {
    case 'confirmed':
      return { status: 'confirmed', reason: null, answeredAt: r.confirmedAt };
    case 'incomplete':
      return { status: 'pending', reason: `县级平台尚缺 ${r.missingCount} 条记录，补传后将自动重试`, answeredAt: null };
    case 'mismatch':
      return { status: 'mismatch', reason: `县级平台核对不一致：${r.message}`.slice(0, 300), answeredAt: null };
  }
}

export function createDayClose(ctx: ServiceContext, deps: { documents: Documents; sync: SyncPort }) {
  const { db, clock, write } = ctx;
  const glance = createGlance(db);
  const store = createDayCloseStore(db);
  const auditHead = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  // One close at a time: a second 日结 waits for the first and then finds the day closed.
  const oneAtATime = createKeyedQueue();

  function conflictFor(r: DayCloseRow): AppError {
    return new AppError('CONFLICT', `${formatDateCn(r.day)}已于 ${formatTime(r.closed_at)} 日结，不能重复日结；此后的变更将列入下一次日结报表`);
  }

  /** Records the county's answer, or why there was none; a confirmed close stays confirmed. */
  function recordOutcome(closeId: string, outcome: DayCloseOutcome): DayCloseRow {
    const triedAt = clock.now().toISOString();
    return write((tx) => {
      const before = store.get(closeId);
      if (before.county_status === 'confirmed') return before;
      const parsed = outcome.sent ? DayCloseResponse.safeParse(outcome.response) : null;
      // An answer that does not match the protocol, or is about another close, changes nothing but the reason.
      const unusable = parsed && (!parsed.success || parsed.data.closeId !== closeId);
      if (!outcome.sent || !parsed?.success || unusable) {
        const reason = outcome.sent ? '县级平台的答复无法识别，稍后将自动重试' : outcome.reason.slice(0, 300);
        if (unusable) log.warn('county answer to a day close unusable', { closeId });
        return store.answer(tx, before, { status: before.county_status, reason, answer: before.county_answer, answeredAt: null, triedAt });
      }
      return store.answer(tx, before, { ...statusOfAnswer(parsed.data), answer: JSON.stringify(parsed.data), triedAt });
    });
  }

  async function send(r: DayCloseRow): Promise<DayCloseRow> {
    let outcome: DayCloseOutcome;
    try {
      outcome = await withTimeout(deps.sync.sendDayClose(DayCloseRequest.parse(requestOf(r))), COUNTY_WAIT_MS, { sent: false, reason: '县级平台响应超时，稍后将自动重试' });
    } catch (err) {
      log.warn('day close not sent', { error: err instanceof Error ? err.name : 'unknown' });
      outcome = { sent: false, reason: '与县级平台通信失败，稍后将自动重试' };
    }
    return recordOutcome(r.id, outcome);
  }

  /** Makes the 日结报表 from the close as it is now; a reprint carries the 补打 mark. */
  async function makeReport(r: DayCloseRow, actorId: string, reprint: boolean): Promise<string> {
    const station = ctx.station.get();
    if (!station) throw new AppError('CONFLICT', '本站点尚未完成初始设置');
    const doc = dayCloseReport(r, detailOf(r).glance, station);
    const number = `${station.code}-${r.day.replaceAll('-', '')}-RJ`;
    const opts = reprint ? { layout: 'a4' as const, reprint: { n: r.reprint_count + 1, at: clock.now().toISOString() } } : { layout: 'a4' as const };
    const issued = await deps.documents.issue(doc, { entity: 'day_close', entityId: r.id, number }, actorId, opts);
    write((tx) => {
      store.setReport(r.id, issued.id, reprint);
      if (reprint) tx.note({ actorId, action: 'day_close.reprint', entity: 'day_close', entityId: r.id, detail: { day: r.day, reprintNo: r.reprint_count + 1, documentId: issued.id } });
    });
    return issued.id;
  }

  /** Freezes today's figures and the outbox range, as one write with its own outbox event. */
  function record(requestId: string, actor: { id: string }): DayCloseRow {
    return write((tx) => {
      const again = store.forRequest(requestId);
      if (again) return again;
      const now = clock.now();
      const day = stationDate(now);
      const closed = store.forDay(day);
      if (closed) throw conflictFor(closed);
      const g = glance.glance(day, now);
      const head = auditHead.get() ?? { seq: 0, hash: GENESIS_HASH };
      return store.insert(
        tx,
        {
          id: newId(clock),
          request_id: requestId,
          day,
          from_seq: g.fromSeq,
          through_seq: g.throughSeq,
          digest: glance.digest(g.fromSeq, g.throughSeq),
          counts: JSON.stringify(protocolCounts(g.totals)),
          summary: JSON.stringify(g),
          first_receipt_no: g.firstReceiptNo,
          last_receipt_no: g.lastReceiptNo,
          audit_seq: head.seq,
          audit_hash: head.hash,
          closed_at: now.toISOString(),
          closed_by: actor.id,
          county_reason: deps.sync.enrolled() ? '正在提交县级平台' : null,
        },
        actor.id,
      );
    });
  }

  function close(requestId: string, actor: { id: string }) {
    return oneAtATime('close', async () => {
      const again = store.forRequest(requestId);
      const closed = again ?? store.forDay(stationDate(clock.now()));
      if (closed && !again) throw conflictFor(closed);
      if (again) return { close: detailOf(again), sync: null, documentError: null };

      // Everything recorded so far goes out first, so the county holds what the close covers.
      let sync: { ok: boolean; pending: number; error: string | null } | null = null;
      if (deps.sync.enrolled()) {
        sync = await withTimeout(
          deps.sync.syncNow().catch(() => ({ ok: false, pending: 0, error: '同步失败' })),
          COUNTY_WAIT_MS,
          { ok: false, pending: 0, error: '同步超时' },
        );
      }
      // The day's receipts still being made count too: the figures wait for them.
      await deps.documents.settledAll();
      let r = record(requestId, actor);
      r = await send(r);
      let documentError: string | null = null;
      try {
        await makeReport(r, actor.id, false);
        r = store.get(r.id);
      } catch (err) {
        log.error('day close report failed', { closeId: r.id, error: err instanceof Error ? err.name : 'unknown' });
        documentError = err instanceof AppError ? err.message : '日结报表未能生成，日结已完成，可在日结记录中补打';
      }
      return { close: detailOf(r), sync, documentError };
    });
  }

  const pending: PendingDayCloses = {
    list: () => store.pending().map(requestOf),
    record(closeId, response) {
      const r = store.find(closeId);
      if (!r) {
        log.warn('county answered an unknown day close', { closeId });
        return;
      }
      recordOutcome(closeId, { sent: true, response });
    },
  };

  const api: ApiPart<keyof typeof dayCloseCalls> = {
    async 'dayclose.today'() {
      const now = clock.now();
      const day = stationDate(now);
      const r = store.forDay(day);
      return { glance: glance.glance(day, now), close: r ? detailOf(r) : null, afterClose: r ? glance.changesAfter(r.through_seq) : 0, enrolled: deps.sync.enrolled() };
    },
    async 'dayclose.close'({ requestId }, me) {
      return close(requestId, me);
    },
    async 'dayclose.list'({ limit, beforeDay }) {
      return store.list(beforeDay ?? '9999-12-31', limit).map(summaryOf);
    },
    async 'dayclose.get'({ closeId }) {
      return detailOf(store.get(closeId));
    },
    async 'dayclose.reprint'({ closeId }, me) {
      return oneAtATime(`reprint:${closeId}`, async () => {
        const documentId = await makeReport(store.get(closeId), me.id, true);
        return { documentId, reprintCount: store.get(closeId).reprint_count };
      });
    },
  };

  return { api, pending, close };
}
export type DayClose = ReturnType<typeof createDayClose>;
