/**
 * The relief case's deadline chain on the working-day calendar (common/workdays.ts), per the
 * 最低生活保障审核确认办法 (2021) and the 社会救助暂行办法, with the county's limits:
 *
 * - the whole case: `decisionWorkdays` (30) working days from 受理, `extendedWorkdays` (45)
 *   once extended with a recorded reason; the 受理 day itself does not count;
 * - each step is due a number of working days after 受理 (investigate 10, review 15 when
 *   needed, opinion 17, forward 22);
 * - 公示 lasts `publicityDays` (7) NATURAL days — the 办法 says "公示期为7天" with no mention of
 *   working days, so weekends and holidays count; the start day is day 1 and the end is
 *   start + 6; the case may go to the county from the day after the end;
 * - after an objection reopens the investigation, the steps from the investigation on are
 *   counted afresh from the objection's day; the whole-case limit does not move;
 * - a refusal must be notified in writing within `refusalNoticeWorkdays` (3) working days
 *   of the county's decision day.
 * A due date `dueSoonWorkdays` (2) working days away or nearer is 即将到期; past it, 已逾期.
 * Pure: dates are station days (YYYY-MM-DD).
 */
import type { ReliefStatus } from './relief';
import { addDays } from './time';

export interface ReliefTimeLimits {
  decisionWorkdays: number;
  extendedWorkdays: number;
  investigateWorkdays: number;
  reviewWorkdays: number;
  opinionWorkdays: number;
  forwardWorkdays: number;
  publicityDays: number;
  refusalNoticeWorkdays: number;
  dueSoonWorkdays: number;
  emergencyFollowWorkdays: number;
}

export const DEFAULT_TIME_LIMITS: ReliefTimeLimits = {
  decisionWorkdays: 30,
  extendedWorkdays: 45,
  investigateWorkdays: 10,
  reviewWorkdays: 15,
  opinionWorkdays: 17,
  forwardWorkdays: 22,
  publicityDays: 7,
  refusalNoticeWorkdays: 3,
  dueSoonWorkdays: 2,
  emergencyFollowWorkdays: 5,
};

export const DEFAULT_ASSET_LIMITS = { maxHousing: 1, maxVehicles: 0, financialMonths: 24, businessAllowed: false };

export interface Workdays {
  addWorkdays(start: string, n: number): { date: string; provisionalYears: number[] };
  workdaysBetween(from: string, to: string): number;
}

export type DueState = 'done' | 'open' | 'dueSoon' | 'overdue' | 'skipped';

export interface Due {
  key: string;
  label: string;
  due: string;
  doneOn: string | null;
  state: DueState;
  basis: 'workdays' | 'naturalDays';
}

export interface CaseFacts {
  status: ReliefStatus;
  acceptedOn: string | null;
  extended: boolean;
  /** the day of the latest objection that reopened the investigation */
  reopenedOn: string | null;
  /** done days of the current round (after the latest reopen) */
  investigatedOn: string | null;
  reviewNeeded: boolean;
  reviewedOn: string | null;
  opinionOn: string | null;
  publicity: { start: string; end: string } | null;
  forwardedOn: string | null;
  decision: { decision: 'approved' | 'refused'; decidedOn: string } | null;
  notifiedOn: string | null;
}

// natural days: one date helper for the whole project (common/time.ts)
export { addDays };

/** The 公示 period from its start: 7 natural days, the start counted. */
export function publicityPeriod(start: string, limits: Pick<ReliefTimeLimits, 'publicityDays'>): { start: string; end: string; forwardFrom: string } {
  const end = addDays(start, limits.publicityDays - 1);
  return { start, end, forwardFrom: addDays(end, 1) };
}

export function dueState(due: string, doneOn: string | null, today: string, cal: Workdays, soon: number): Exclude<DueState, 'skipped'> {
  if (doneOn) return 'done';
  if (today > due) return 'overdue';
  return cal.workdaysBetween(today, due) <= soon ? 'dueSoon' : 'open';
}

/** The case's due items and whether a date was counted on a provisional year. */
export function caseDues(f: CaseFacts, t: ReliefTimeLimits, cal: Workdays, today: string): { dueDate: string | null; refusalNoticeDue: string | null; dues: Due[]; provisional: boolean } {
  if (!f.acceptedOn) return { dueDate: null, refusalNoticeDue: null, dues: [], provisional: false };
  let provisional = false;
  const wd = (from: string, n: number) => {
    const r = cal.addWorkdays(from, n);
    if (r.provisionalYears.length > 0) provisional = true;
    return r.date;
  };
  const closed = f.status === 'withdrawn';
  const item = (key: string, label: string, due: string, doneOn: string | null, basis: Due['basis'] = 'workdays'): Due => ({
    key,
    label,
    due,
    doneOn,
    basis,
    state: closed && !doneOn ? 'skipped' : dueState(due, doneOn, today, cal, t.dueSoonWorkdays),
  });
  const from = f.reopenedOn ?? f.acceptedOn;
  const dueDate = wd(f.acceptedOn, f.extended ? t.extendedWorkdays : t.decisionWorkdays);
  const dues: Due[] = [item('accept', '受理', f.acceptedOn, f.acceptedOn)];
  dues.push(item('investigate', f.reopenedOn ? '重新入户调查' : '入户调查', wd(from, t.investigateWorkdays), f.investigatedOn));
  const review = item('review', '民主评议', wd(from, t.reviewWorkdays), f.reviewedOn);
  dues.push(f.reviewNeeded || f.reviewedOn ? review : { ...review, state: 'skipped' });
  const opinionDue = wd(from, t.opinionWorkdays);
  dues.push(item('opinion', '初审意见', opinionDue, f.opinionOn));
  if (f.publicity) {
    // done once its last day has passed
    dues.push(item('publicize', `公示（${f.publicity.start} 至 ${f.publicity.end}）`, f.publicity.end, today > f.publicity.end || f.forwardedOn ? f.publicity.end : null, 'naturalDays'));
  } else {
    dues.push(item('publicize', '公示', addDays(opinionDue, t.publicityDays), null, 'naturalDays'));
  }
  dues.push(item('forward', '报县审批', wd(from, t.forwardWorkdays), f.forwardedOn));
  dues.push(item('decision', '县级审批决定', dueDate, f.decision?.decidedOn ?? null));
  let refusalNoticeDue: string | null = null;
  if (f.decision?.decision === 'refused') {
    refusalNoticeDue = wd(f.decision.decidedOn, t.refusalNoticeWorkdays);
    dues.push(item('notifyRefusal', '书面告知不予批准', refusalNoticeDue, f.notifiedOn));
  }
  return { dueDate, refusalNoticeDue, dues, provisional };
}

/** The worst open item decides: overdue > dueSoon > normal; a closed case is closed. */
export function urgencyOf(status: ReliefStatus, dues: readonly Pick<Due, 'state'>[], tasks: readonly { state: string }[] = []): 'overdue' | 'dueSoon' | 'normal' | 'closed' {
  const states = [...dues.map((d) => d.state), ...tasks.map((x) => x.state)];
  if (status === 'withdrawn' || status === 'approved' || status === 'notified') return tasks.some((x) => x.state === 'overdue') ? 'overdue' : 'closed';
  if (states.includes('overdue')) return 'overdue';
  if (states.includes('dueSoon')) return 'dueSoon';
  return 'normal';
}
