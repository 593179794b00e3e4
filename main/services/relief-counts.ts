/**
 * The 工作台 counts of 社会救助 (relief.counts, polled): how many cases are open, overdue, due
 * soon, flagged 近亲属备案, how many 先行救助 tasks are due, how many refusals still await
 * their written notice. Read narrow: three statements (the live cases' dated columns, the
 * dated steps with only the fields the deadline chain reads, the open tasks), never a
 * household, an income or a history. The dates are counted as the case view counts them
 * (caseFacts → caseDues → urgencyOf on the working-day calendar), so the figures are the
 * ones `countCases` makes from every case read whole.
 */
import type { ReliefCase } from '../../common/contracts/relief';
import { RELIEF_CLOSED } from '../../common/relief';
import { caseDues, dueState, urgencyOf, type ReliefTimeLimits, type Workdays } from '../../common/relief-deadlines';
import type { Db } from '../db/open';
import { caseFacts, type FactsRow, type FactsStep } from './relief-view';

export interface ReliefCounts {
  open: number;
  overdue: number;
  dueSoon: number;
  closeRelative: number;
  tasksDue: number;
  refusalNoticesDue: number;
}

const isOpen = (status: ReliefCase['status']) => !RELIEF_CLOSED.includes(status);

/** The counts from cases read whole (the lists' computation, and the reference the narrow read is held to). */
export function countCases(all: readonly Pick<ReliefCase, 'status' | 'urgency' | 'closeRelative' | 'tasks'>[]): ReliefCounts {
  return {
    open: all.filter((c) => isOpen(c.status)).length,
    overdue: all.filter((c) => c.urgency === 'overdue').length,
    dueSoon: all.filter((c) => c.urgency === 'dueSoon').length,
    closeRelative: all.filter((c) => c.closeRelative && isOpen(c.status)).length,
    tasksDue: all.reduce((n, c) => n + c.tasks.filter((x) => x.state === 'overdue' || x.state === 'dueSoon').length, 0),
    refusalNoticesDue: all.filter((c) => c.status === 'refused').length,
  };
}

const CLOSED_SQL = RELIEF_CLOSED.map((s) => `'${s}'`).join(', ');
/** open, or closed with a 先行救助 task still open (as the lists' live view) */
const LIVE = `(c.status NOT IN (${CLOSED_SQL}) OR EXISTS (SELECT 1 FROM relief_tasks t WHERE t.case_id = c.id AND t.done_at IS NULL))`;
/** the steps caseFacts reads, and of their data only the fields it reads */
const DATED_STEPS = `'investigate', 'review', 'opinion', 'publicize', 'objection', 'extend', 'notifyRefusal'`;

type LiveRow = FactsRow & { id: string; close_relative: number };
type LiveStep = FactsStep & { case_id: string };

export function createReliefCounts(db: Db) {
  const q = {
    cases: db.prepare<[], LiveRow>(`SELECT c.id, c.status, c.close_relative, c.accepted_at, c.review_needed, c.round, c.forwarded_at, c.decision, c.decided_on FROM relief_cases c WHERE ${LIVE}`),
    steps: db.prepare<[], LiveStep>(
      `SELECT s.case_id, s.step, s.round, s.at,
         json_object('start', json_extract(s.data, '$.start'), 'end', json_extract(s.data, '$.end'), 'receivedOn', json_extract(s.data, '$.receivedOn'), 'givenOn', json_extract(s.data, '$.givenOn')) AS data
       FROM relief_steps s JOIN relief_cases c ON c.id = s.case_id
       WHERE s.step IN (${DATED_STEPS}) AND ${LIVE}
       ORDER BY s.case_id, s.at, s.rowid`,
    ),
    tasks: db.prepare<[], { case_id: string; due: string }>('SELECT case_id, due FROM relief_tasks WHERE done_at IS NULL'),
  };

  return function counts(today: string, cal: Workdays, time: ReliefTimeLimits): ReliefCounts {
    const stepsOf = new Map<string, LiveStep[]>();
    for (const s of q.steps.all()) {
      const list = stepsOf.get(s.case_id);
      if (list) list.push(s);
      else stepsOf.set(s.case_id, [s]);
    }
    const tasksOf = new Map<string, { state: ReturnType<typeof dueState> }[]>();
    for (const t of q.tasks.all()) {
      const x = { state: dueState(t.due, null, today, cal, time.dueSoonWorkdays) };
      const list = tasksOf.get(t.case_id);
      if (list) list.push(x);
      else tasksOf.set(t.case_id, [x]);
    }
    const out: ReliefCounts = { open: 0, overdue: 0, dueSoon: 0, closeRelative: 0, tasksDue: 0, refusalNoticesDue: 0 };
    for (const r of q.cases.all()) {
      const tasks = tasksOf.get(r.id) ?? [];
      const { dues } = caseDues(caseFacts(r, stepsOf.get(r.id) ?? []), time, cal, today);
      const urgency = urgencyOf(r.status, dues, tasks);
      const open = isOpen(r.status);
      if (open) out.open++;
      if (urgency === 'overdue') out.overdue++;
      else if (urgency === 'dueSoon') out.dueSoon++;
      if (open && r.close_relative === 1) out.closeRelative++;
      out.tasksDue += tasks.filter((x) => x.state === 'overdue' || x.state === 'dueSoon').length;
      if (r.status === 'refused') out.refusalNoticesDue++;
    }
    return out;
  };
}
