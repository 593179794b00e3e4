/**
 * A relief case as the station shows it: the household with its figures, the steps, the due
 * dates counted now, and the steps main would accept. Without 'relief.view' the income,
 * health and disability details and every money figure are null (redacted), never zero.
 */
import type { ReliefCase, ReliefSummary } from '../../common/contracts/relief';
import { ageOn, maskIdNumber } from '../../common/idcard';
import { materialsFor, RELIEF_CLOSED, RELIEF_STATUS_LABELS, RELIEF_STEP_LABELS, type ReliefStatus, type ReliefStep } from '../../common/relief';
import { assetWarnings, computeMeans, standardOn, type Standard } from '../../common/relief-means';
import { caseDues, dueState, publicityPeriod, urgencyOf, type CaseFacts, type ReliefTimeLimits, type Workdays } from '../../common/relief-deadlines';
import { stationDate } from '../../common/time';
import { maskPersonName } from '../../common/person-name';
import type { CaseRow, ReliefStore, StepRow } from './relief-store';

type StepData = Record<string, unknown>;
/** free text that may describe the household's means or health, for a caller without relief.view */
export const HIDDEN = '（已隐去，需查看救助信息权限）';
const data = (s: Pick<StepRow, 'data'>): StepData => JSON.parse(s.data) as StepData;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Which statuses each step may be taken from. */
export const STEP_FROM: Record<ReliefStep, readonly ReliefStatus[]> = {
  accept: ['incomplete'],
  investigate: ['accepted'],
  review: ['investigated'],
  opinion: ['investigated', 'reviewed'],
  publicize: ['opinion'],
  objection: ['publicizing'],
  forward: ['publicizing'],
  notifyRefusal: ['refused'],
  withdraw: ['incomplete', 'accepted', 'investigated', 'reviewed', 'opinion', 'publicizing', 'forwarded'],
  extend: ['accepted', 'investigated', 'reviewed', 'opinion', 'publicizing', 'forwarded'],
};

export function stepRefusal(step: ReliefStep, status: ReliefStatus): string {
  return `当前为“${RELIEF_STATUS_LABELS[status]}”，不能进行“${RELIEF_STEP_LABELS[step]}”`;
}

export function standardsOf(store: ReliefStore): Standard[] {
  return store.standards().map((s) => ({ fen: s.fen, effectiveFrom: s.effective_from, source: s.source }));
}

/** The current round's publicity, if any. */
export function currentPublicity(steps: readonly Pick<StepRow, 'step' | 'round' | 'data'>[], round: number): { start: string; end: string; place: string } | null {
  const p = [...steps].reverse().find((s) => s.step === 'publicize' && s.round === round);
  if (!p) return null;
  const d = data(p);
  return { start: str(d.start), end: str(d.end), place: str(d.place) };
}

/** What the deadline chain needs of a case's row (relief-counts.ts reads only these). */
export type FactsRow = Pick<CaseRow, 'status' | 'accepted_at' | 'review_needed' | 'round' | 'forwarded_at' | 'decision' | 'decided_on'>;
/** What it needs of a step: its kind, round, instant, and the data of publicize, objection and notifyRefusal. */
export type FactsStep = Pick<StepRow, 'step' | 'round' | 'at' | 'data'>;

/** The case's dated facts, for common/relief-deadlines.ts's caseDues. */
export function caseFacts(r: FactsRow, steps: readonly FactsStep[]): CaseFacts {
  const round = (name: string) => [...steps].reverse().find((s) => s.step === name && s.round === r.round) ?? null;
  const reopen = [...steps].reverse().find((s) => s.step === 'objection') ?? null;
  const pub = currentPublicity(steps, r.round);
  const dayOf = (s: FactsStep | null) => (s ? stationDate(s.at) : null);
  const notified = steps.find((s) => s.step === 'notifyRefusal') ?? null;
  return {
    status: r.status,
    acceptedOn: r.accepted_at ? stationDate(r.accepted_at) : null,
    extended: steps.some((s) => s.step === 'extend'),
    reopenedOn: reopen ? str(data(reopen).receivedOn) || stationDate(reopen.at) : null,
    investigatedOn: dayOf(round('investigate')),
    reviewNeeded: r.review_needed === 1,
    reviewedOn: dayOf(round('review')),
    opinionOn: dayOf(round('opinion')),
    publicity: pub ? { start: pub.start, end: pub.end } : null,
    forwardedOn: r.forwarded_at ? stationDate(r.forwarded_at) : null,
    decision: r.decision && r.decided_on ? { decision: r.decision, decidedOn: r.decided_on } : null,
    notifiedOn: notified ? str(data(notified).givenOn) : null,
  };
}

export function createReliefView(store: ReliefStore) {
  const facts = caseFacts;

  function nextSteps(r: CaseRow, f: CaseFacts, t: ReliefTimeLimits, today: string): ReliefStep[] {
    return (Object.keys(STEP_FROM) as ReliefStep[]).filter((s) => {
      if (!STEP_FROM[s].includes(r.status)) return false;
      // offered while materials are missing too: the 受理 dialog is where the materials brought
      // later are ticked (relief.step 'accept' takes them); main refuses while any is still missing
      if (s === 'accept') return true;
      if (s === 'opinion') return r.status === 'reviewed' || r.review_needed === 0;
      if (s === 'review') return true;
      if (s === 'forward') return !!f.publicity && today >= publicityPeriod(f.publicity.start, t).forwardFrom;
      if (s === 'objection') return !!f.publicity && today >= f.publicity.start && today <= f.publicity.end;
      if (s === 'extend') return !f.extended;
      return true;
    });
  }

  /** shared: what every case of one read counts on (a list reads them once, not per case) */
  function shared() {
    return { config: store.config(), standards: standardsOf(store) };
  }

  function toCase(r: CaseRow, opts: { canView: boolean; today: string; cal: Workdays; shared?: ReturnType<typeof shared> }): ReliefCase {
    const { canView, today, cal } = opts;
    const common = opts.shared ?? shared();
    const { limits, time } = common.config;
    const steps = store.steps(r.id);
    const members = store.members(r.id);
    const incomes = store.incomes(r.id);
    const assets = store.assets(r.id);
    const supporters = store.supporters(r.id);
    const relatives = store.relatives(r.id);
    const emergency = store.emergency(r.id);
    const tasks = store.tasks(r.id).map((x) => ({ id: x.id, label: x.label, due: x.due, doneAt: x.done_at, state: dueState(x.due, x.done_at ? stationDate(x.done_at) : null, today, cal, time.dueSoonWorkdays) }));
    const f = facts(r, steps);
    const { dueDate, refusalNoticeDue, dues, provisional } = caseDues(f, time, cal, today);
    const countedOn = f.acceptedOn ?? stationDate(r.created_at);
    const standard = standardOn(common.standards, countedOn);
    const means = computeMeans(
      members.map((m) => ({ residentId: m.resident_id, name: m.name, employment: m.employment, incomes: incomes.filter((i) => i.resident_id === m.resident_id).map((i) => ({ kind: i.kind, amountFen: i.amount_fen, months: i.months })) })),
      supporters.map((s) => ({ name: s.name, monthlyFen: s.monthly_support_fen })),
      standard,
    );
    const required = materialsFor(r.type);
    const received = JSON.parse(r.materials_received) as string[];
    const missing = required.filter((m) => !received.includes(m));
    const byKind = (name: string) => steps.filter((s) => s.step === name);
    const last = (name: string) => byKind(name).filter((s) => s.round === r.round).at(-1) ?? null;
    const review = last('review');
    const opinion = last('opinion');
    const pub = currentPublicity(steps, r.round);
    const notified = byKind('notifyRefusal').at(-1) ?? null;
    const withdrawn = byKind('withdraw').at(-1) ?? null;
    const extended = byKind('extend').at(-1) ?? null;
    const money = (fen: number | null) => (canView ? fen : null);
    return {
      id: r.id,
      caseNo: r.case_no,
      type: r.type,
      status: r.status,
      version: r.version,
      applicantId: r.applicant_id,
      applicantName: r.applicant_name,
      applicantIdMasked: r.applicant_id_masked,
      applicantNameMasked: maskPersonName(r.applicant_name),
      householdSize: members.length,
      members: members.map((m) => {
        const age = ageOn(m.birth_date, today);
        return {
          residentId: m.resident_id,
          name: m.name,
          idMasked: maskIdNumber(m.id_number),
          age,
          adult: age >= 18,
          relation: m.relation as ReliefCase['members'][number]['relation'],
          employment: m.employment as ReliefCase['members'][number]['employment'],
          incomes: canView ? incomes.filter((i) => i.resident_id === m.resident_id).map((i) => ({ kind: i.kind, amountFen: i.amount_fen, months: i.months, note: i.note })) : null,
          disability: canView && m.disability_grade ? { grade: m.disability_grade, kind: m.disability_kind ?? '' } : null,
          health: canView ? m.health : null,
          school: m.school,
        };
      }),
      assets: assets.map((a) => ({ kind: a.kind, description: a.description, valueFen: money(a.value_fen), count: a.count, ownerResidentId: a.owner_resident_id })),
      supporters: supporters.map((s) => ({ name: s.name, relation: s.relation, relationNote: s.relation_note, monthlyIncomeFen: money(s.monthly_income_fen), householdSize: s.household_size, monthlySupportFen: money(s.monthly_support_fen), note: canView ? s.note : null })),
      means: canView ? means : null,
      assetWarnings: assetWarnings(assets.map((a) => ({ kind: a.kind, valueFen: a.value_fen, count: a.count })), members.length, standard?.fen ?? null, limits).map((w) => (canView || w.rule !== 'financial' ? w : { rule: w.rule, message: '人均存款及有价证券超过限额' })),
      redacted: !canView,
      materialsRequired: required,
      materialsReceived: received,
      materialsMissing: missing,
      closeRelative: r.close_relative === 1,
      closeRelatives: relatives.map((c) => ({ id: c.id, residentId: c.resident_id, memberName: c.member_name, of: c.relative_of, relativeName: c.relative_name, relativePost: c.relative_post, relation: c.relation, staffId: c.staff_id, recordedAt: c.recorded_at })),
      note: r.note,
      createdAt: r.created_at,
      createdByName: r.created_by_name,
      acceptedAt: r.accepted_at,
      acceptedOn: f.acceptedOn,
      acceptedByName: r.accepted_by_name,
      limitWorkdays: r.limit_workdays,
      dueDate,
      extension: extended ? { reason: str(data(extended).reason), at: extended.at, byName: extended.by_name } : null,
      investigations: byKind('investigate').map((s) => {
        const d = data(s);
        return { round: s.round, investigators: (d.investigators as string[] | undefined) ?? [], date: str(d.date), findings: canView ? str(d.findings) : HIDDEN, reviewNeeded: d.reviewNeeded === true, recordedAt: s.at, recordedByName: s.by_name };
      }),
      review: review ? { date: str(data(review).date), participants: str(data(review).participants), outcome: canView ? str(data(review).outcome) : HIDDEN, recordedAt: review.at } : null,
      opinion: opinion
        ? { agree: data(opinion).agree === true, text: str(data(opinion).text), proposedAmountFen: typeof data(opinion).proposedAmountFen === 'number' ? (data(opinion).proposedAmountFen as number) : null, recordedAt: opinion.at, recordedByName: opinion.by_name }
        : null,
      publicity: pub
        ? {
            ...pub,
            objections: byKind('objection').map((s) => ({ receivedOn: str(data(s).receivedOn), text: canView ? str(data(s).text) : HIDDEN, recordedAt: s.at })),
          }
        : null,
      forwardedAt: r.forwarded_at,
      decision:
        r.decision && r.decided_at && r.decided_on
          ? { decision: r.decision, amountFen: money(r.decision_amount_fen), startMonth: r.decision_start_month, reasons: r.decision_reasons, decidedAt: r.decided_at, decidedBy: r.decided_by ?? '', decidedOn: r.decided_on }
          : null,
      refusalNoticeDue,
      refusalNotice: notified ? { givenOn: str(data(notified).givenOn), how: str(data(notified).how), recordedAt: notified.at, recordedByName: notified.by_name } : null,
      emergency: emergency ? { id: emergency.id, amountFen: money(emergency.amount_fen), reason: canView ? emergency.reason : HIDDEN, grantedAt: emergency.granted_at, grantedByName: emergency.granted_by_name } : null,
      tasks,
      withdrawal: withdrawn ? { reason: str(data(withdrawn).reason), at: withdrawn.at, byName: withdrawn.by_name, fromStatus: withdrawn.from_status ?? 'incomplete' } : null,
      dues,
      urgency: urgencyOf(r.status, dues, tasks),
      provisional,
      next: RELIEF_CLOSED.includes(r.status) ? [] : nextSteps(r, f, time, today),
      updatedAt: r.updated_at,
    };
  }

  function summary(c: ReliefCase): ReliefSummary {
    const nextDue = c.dues.find((d) => d.state === 'overdue' || d.state === 'dueSoon' || d.state === 'open') ?? null;
    return {
      id: c.id,
      caseNo: c.caseNo,
      type: c.type,
      status: c.status,
      version: c.version,
      applicantName: c.applicantName,
      applicantIdMasked: c.applicantIdMasked,
      householdSize: c.householdSize,
      acceptedOn: c.acceptedOn,
      dueDate: c.dueDate,
      nextDue,
      urgency: c.urgency,
      closeRelative: c.closeRelative,
      openTasks: c.tasks.filter((x) => !x.doneAt).length,
      updatedAt: c.updatedAt,
    };
  }

  return { toCase, summary, facts, shared };
}

export type ReliefView = ReturnType<typeof createReliefView>;
