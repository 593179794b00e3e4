/**
 * The relief case's step machine: 受理 → 入户调查 → 民主评议 (when needed) → 初审意见 → 公示
 * (an objection reopens the investigation) → 报县审批 → the county's decision (through sync)
 * → for a refusal, the written notice. Withdrawal from any open step, one extension to 45
 * working days. Each step is checked here (a screen only hides what is not allowed), written
 * with its step row, audit entry and outbox event in one transaction.
 */
import type { Actor, ServiceContext, StaffActor } from '../context';
import { actorDetail } from '../context';
import { AppError } from '../../common/errors';
import { newId } from '../clock';
import { stationDate } from '../../common/time';
import type { ReliefDecision } from '../../common/county/protocol';
import type { ParsedInput } from '../../common/contract';
import { RELIEF_STATUS_LABELS, type ReliefStatus, type ReliefStep } from '../../common/relief';
import { addDays, publicityPeriod, type Workdays } from '../../common/relief-deadlines';
import type { CaseRow, ReliefStore } from './relief-store';
import { currentPublicity, STEP_FROM, stepRefusal, type ReliefView } from './relief-view';

export const STALE = '该案件刚被其他人更新过，请刷新后再操作';

type StepInput = ParsedInput<'relief.step'>['input'];

export function createReliefSteps(ctx: ServiceContext, deps: { store: ReliefStore; view: ReliefView; cal: () => Workdays; snapshot: (id: string) => unknown }) {
  const { clock, write } = ctx;
  const { store } = deps;

  function addStep(r: CaseRow, step: string, to: ReliefStatus, d: Record<string, unknown>, actor: Actor, iso: string, round = r.round): void {
    store.insertStep(newId(clock), r.id, step, round, r.status, to, JSON.stringify(d), iso, actor.kind === 'staff' ? actor.id : null, actor.name);
  }

  function commit(r: CaseRow, action: 'relief_case.step' | 'relief_case.accept' | 'relief_case.forward' | 'relief_case.withdraw' | 'relief_case.extend' | 'relief_case.decide', actor: Actor, detail: Record<string, unknown>, tx: Parameters<Parameters<typeof write>[0]>[0]): CaseRow {
    const after = store.row(r.id);
    tx.change({ actorId: actor.kind === 'staff' ? actor.id : null, action, entity: 'relief_case', entityId: r.id, op: 'update', version: after.version, snapshot: deps.snapshot(r.id), detail: { caseNo: r.case_no, fromStatus: r.status, toStatus: after.status, ...detail, ...actorDetail(actor) } });
    return after;
  }

  function notAfterToday(day: string, label: string, today: string): void {
    if (day > today) throw new AppError('VALIDATION', `${label}不能晚于今天`, { [label]: `${label}不能晚于今天` });
  }

  /** Takes one step; returns the row after it. */
  function step(id: string, version: number, input: StepInput, me: StaffActor): CaseRow {
    return write((tx) => {
      const r = store.row(id);
      if (r.version !== version) throw new AppError('CONFLICT', STALE);
      const s = input.step as ReliefStep;
      if (!STEP_FROM[s].includes(r.status)) throw new AppError('CONFLICT', stepRefusal(s, r.status));
      const now = clock.now();
      const iso = now.toISOString();
      const today = stationDate(now);
      const { time } = store.config();
      const acceptedOn = r.accepted_at ? stationDate(r.accepted_at) : null;
      const steps = store.steps(id);
      switch (input.step) {
        case 'accept': {
          const received = input.materialsReceived ?? (JSON.parse(r.materials_received) as string[]);
          const required = deps.view.toCase(r, { canView: false, today, cal: deps.cal() }).materialsRequired;
          const unknown = received.filter((m) => !required.includes(m));
          if (unknown.length > 0) throw new AppError('VALIDATION', `材料“${unknown[0]}”不在该救助类型的材料清单中`);
          const missing = required.filter((m) => !received.includes(m));
          if (missing.length > 0) throw new AppError('VALIDATION', `材料不齐，缺少：${missing.join('、')}。请出具补正通知，材料补齐后再受理。`, { materialsReceived: `缺少 ${missing.length} 项材料` });
          store.update(id, { status: 'accepted', materials_received: JSON.stringify(received), accepted_at: iso, accepted_by: me.id }, iso);
          addStep(r, 'accept', 'accepted', {}, me, iso);
          return commit(r, 'relief_case.accept', me, { step: 'accept' }, tx);
        }
        case 'investigate': {
          if (new Set(input.investigators.map((x) => x.trim())).size < 2) throw new AppError('VALIDATION', '入户调查须由两名不同的调查人员进行', { investigators: '两名调查人员不能是同一人' });
          notAfterToday(input.date, '调查日期', today);
          if (acceptedOn && input.date < acceptedOn) throw new AppError('VALIDATION', '调查日期不能早于受理日期', { date: '调查日期早于受理日期' });
          store.update(id, { status: 'investigated', review_needed: input.reviewNeeded ? 1 : 0 }, iso);
          addStep(r, 'investigate', 'investigated', { investigators: input.investigators, date: input.date, findings: input.findings, reviewNeeded: input.reviewNeeded }, me, iso);
          return commit(r, 'relief_case.step', me, { step: 'investigate', round: r.round }, tx);
        }
        case 'review': {
          notAfterToday(input.date, '评议日期', today);
          store.update(id, { status: 'reviewed' }, iso);
          addStep(r, 'review', 'reviewed', { date: input.date, participants: input.participants, outcome: input.outcome }, me, iso);
          return commit(r, 'relief_case.step', me, { step: 'review' }, tx);
        }
        case 'opinion': {
          if (r.status === 'investigated' && r.review_needed === 1) throw new AppError('CONFLICT', '入户调查认为需要民主评议，请先登记民主评议结果，再提出初审意见');
          store.update(id, { status: 'opinion' }, iso);
          addStep(r, 'opinion', 'opinion', { agree: input.agree, text: input.text, proposedAmountFen: input.proposedAmount === null ? null : Math.round(input.proposedAmount * 100) }, me, iso);
          return commit(r, 'relief_case.step', me, { step: 'opinion', agree: input.agree }, tx);
        }
        case 'publicize': {
          const opinionAt = steps.filter((x) => x.step === 'opinion').at(-1)?.at;
          if (opinionAt && input.start < stationDate(opinionAt)) throw new AppError('VALIDATION', '公示开始日期不能早于初审意见日期', { start: '公示开始日期过早' });
          if (input.start > addDays(today, 7)) throw new AppError('VALIDATION', '公示开始日期最多提前 7 天登记', { start: '公示开始日期过晚' });
          const p = publicityPeriod(input.start, time);
          store.update(id, { status: 'publicizing' }, iso);
          addStep(r, 'publicize', 'publicizing', { start: p.start, end: p.end, place: input.place }, me, iso);
          return commit(r, 'relief_case.step', me, { step: 'publicize', from: p.start, to: p.end }, tx);
        }
        case 'objection': {
          const pub = currentPublicity(steps, r.round);
          if (!pub || input.receivedOn < pub.start || input.receivedOn > pub.end) throw new AppError('VALIDATION', pub ? `异议须在公示期内（${pub.start} 至 ${pub.end}）提出` : '尚未公示', { receivedOn: '不在公示期内' });
          notAfterToday(input.receivedOn, '异议受理日期', today);
          store.update(id, { status: 'accepted', round: r.round + 1, review_needed: 0 }, iso);
          addStep(r, 'objection', 'accepted', { receivedOn: input.receivedOn, text: input.text }, me, iso);
          return commit(r, 'relief_case.step', me, { step: 'objection', round: r.round + 1 }, tx);
        }
        case 'forward': {
          const pub = currentPublicity(steps, r.round);
          const p = pub ? publicityPeriod(pub.start, time) : null;
          if (!p || today < p.forwardFrom) throw new AppError('CONFLICT', p ? `公示期至 ${p.end} 结束，${p.forwardFrom} 起方可报县审批` : '尚未公示，不能报县审批');
          store.update(id, { status: 'forwarded', forwarded_at: iso }, iso);
          addStep(r, 'forward', 'forwarded', {}, me, iso);
          return commit(r, 'relief_case.forward', me, { step: 'forward' }, tx);
        }
        case 'notifyRefusal': {
          notAfterToday(input.givenOn, '送达日期', today);
          if (r.decided_on && input.givenOn < r.decided_on) throw new AppError('VALIDATION', '送达日期不能早于县级决定日期', { givenOn: '送达日期早于决定日期' });
          store.update(id, { status: 'notified' }, iso);
          addStep(r, 'notifyRefusal', 'notified', { givenOn: input.givenOn, how: input.how }, me, iso);
          return commit(r, 'relief_case.step', me, { step: 'notifyRefusal' }, tx);
        }
        case 'withdraw': {
          store.update(id, { status: 'withdrawn' }, iso);
          addStep(r, 'withdraw', 'withdrawn', { reason: input.reason }, me, iso);
          return commit(r, 'relief_case.withdraw', me, { step: 'withdraw' }, tx);
        }
        case 'extend': {
          if (steps.some((x) => x.step === 'extend')) throw new AppError('CONFLICT', '该案件已延长过办理期限');
          store.update(id, { limit_workdays: time.extendedWorkdays }, iso);
          addStep(r, 'extend', r.status, { reason: input.reason }, me, iso);
          return commit(r, 'relief_case.extend', me, { step: 'extend' }, tx);
        }
      }
    });
  }

  /**
   * The county's decision (sync). Applied only to a case still 已报县审批 at the version the
   * county decided on; anything else throws CONFLICT, which sync keeps as a conflict.
   */
  function decide(d: ReliefDecision, actor: Actor): CaseRow {
    return write((tx) => {
      const r = store.row(d.caseId);
      if (r.version !== d.basedOnVersion) throw new AppError('CONFLICT', STALE);
      if (r.status !== 'forwarded') throw new AppError('CONFLICT', `该案件当前为“${RELIEF_STATUS_LABELS[r.status]}”，不是“已报县审批”，不能登记县级决定`);
      if (d.decision === 'approved' && (d.amountFen === null || !d.startMonth)) throw new AppError('VALIDATION', '县级批准决定缺少救助金额或起始月份');
      if (d.decision === 'refused' && !d.reasons) throw new AppError('VALIDATION', '县级不予批准决定缺少理由');
      const iso = clock.now().toISOString();
      const to = d.decision;
      store.update(
        r.id,
        {
          status: to,
          decision: d.decision,
          decision_amount_fen: d.decision === 'approved' ? d.amountFen : null,
          decision_start_month: d.decision === 'approved' ? d.startMonth : null,
          decision_reasons: d.decision === 'refused' ? d.reasons : null,
          decided_at: d.decidedAt,
          decided_by: d.decidedBy,
          decided_on: stationDate(d.decidedAt),
        },
        iso,
      );
      addStep(r, 'decision', to, { decision: d.decision, decidedAt: d.decidedAt }, actor, iso);
      return commit(r, 'relief_case.decide', actor, { decision: d.decision }, tx);
    });
  }

  return { step, decide, addStep };
}
