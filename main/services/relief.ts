/**
 * 社会救助 relief applications (common/contracts/relief.ts): the household and its means,
 * the materials, the step machine (relief-steps.ts), 先行救助 with its follow-up tasks, the
 * 近亲属备案 records, the head's list, settings, and the audited export. Every write goes
 * through ctx.write with tx.change (audit + outbox); creates are idempotent by requestId.
 * Income, health and disability details are returned only to holders of 'relief.view'
 * (relief-view.ts redacts them) and never written to the audit's detail or the log.
 */
import type { ApiPart, Actor, ServiceContext, StaffActor } from '../context';
import type { reliefCalls, ReliefCase, ReliefSettings } from '../../common/contracts/relief';
import type { ParsedInput } from '../../common/contract';
import type { ReliefStandard } from '../../common/county/protocol';
import { AppError } from '../../common/errors';
import { can } from '../../common/roles';
import { stationDate } from '../../common/time';
import { ageOn } from '../../common/idcard';
import { formatYuan, householdEditable, materialsFor, RELIEF_CLOSED } from '../../common/relief';
import { assetWarnings, computeMeans, standardOn } from '../../common/relief-means';
import { maskPersonName } from '../../common/person-name';
import { newId } from '../clock';
import { nextSerial } from './serials';
import type { Calendar } from './calendar';
import { createReliefStore, type CaseRow, type HouseholdInput } from './relief-store';
import { createReliefView, standardsOf } from './relief-view';
import { createReliefSteps, STALE } from './relief-steps';
import { createReliefExport } from './relief-export';
import { createReliefCounts } from './relief-counts';

type ReliefCall = keyof typeof reliefCalls;

/**
 * Who sees income, health and disability details: the county, the roles holding
 * 'relief.view', and a staff member the 站长 granted it (grantsOf: the per-staff grants).
 */
export function mayViewRelief(actor: Actor, grantsOf: (staffId: string) => readonly string[] = () => []): boolean {
  return actor.kind === 'county' || can(actor.role, 'relief.view') || grantsOf(actor.id).includes('relief.view');
}

/**
 * The per-staff grants (staff_grants, issue 8's migration 0016) when this database has them;
 * none before that table exists. A row exists only for a permission the grants service let through.
 */
export function grantsReader(db: ServiceContext['db']): (staffId: string) => readonly string[] {
  let read: ((staffId: string) => string[]) | null = null;
  return (staffId) => {
    if (!read) {
      const has = db.prepare<[], number>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'staff_grants'").pluck().get() === 1;
      if (!has) return [];
      const q = db.prepare<[string], string>('SELECT permission FROM staff_grants WHERE staff_id = ?').pluck();
      read = (id) => q.all(id);
    }
    return read(staffId);
  };
}

/** A step's line in the history; free text that may describe the household's means (findings, objections) only with relief.view. */
function stepText(step: string, d: Record<string, unknown>, canView: boolean): string | null {
  const t = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
  switch (step) {
    case 'create':
      return typeof d.missing === 'number' && d.missing > 0 ? `材料缺 ${d.missing} 项` : '材料齐全';
    case 'investigate':
      return `调查人：${Array.isArray(d.investigators) ? (d.investigators as string[]).join('、') : ''}；调查日期 ${t('date')}${canView ? `；${t('findings')}` : ''}`;
    case 'review':
      return `评议日期 ${t('date')}${canView ? `；${t('outcome')}` : ''}`;
    case 'opinion':
      return d.agree === true ? '初审同意' : '初审不同意';
    case 'publicize':
      return `公示 ${t('start')} 至 ${t('end')}，${t('place')}`;
    case 'objection':
      return `异议受理日期 ${t('receivedOn')}${canView ? `：${t('text')}` : ''}，重新入户调查`;
    case 'decision':
      return d.decision === 'approved' ? '县级批准' : '县级不予批准';
    case 'notifyRefusal':
      return `${t('givenOn')} ${t('how')}`;
    case 'withdraw':
    case 'extend':
      return t('reason');
    case 'emergency':
      return `先行救助，后续手续须在 ${t('due')} 前完成`;
    case 'task':
      return `已完成：${t('task')}`;
    default:
      return null;
  }
}

const HOUSEHOLD_NEEDS_VIEW = '修改家庭情况须有查看救助信息的权限（收入、健康、残疾情况），请由站长或有此权限的人员办理';

const EMERGENCY_TASKS = ['补齐临时救助申请材料', '完成入户调查核实', '补办审核审批手续'] as const;

export function createRelief(ctx: ServiceContext, deps: { calendar: Calendar; grantsOf?: (staffId: string) => readonly string[] }) {
  const { db, clock, write } = ctx;
  const grantsOf = deps.grantsOf ?? grantsReader(db);
  const mayView = (actor: Actor) => mayViewRelief(actor, grantsOf);
  const store = createReliefStore(db);
  const view = createReliefView(store);
  const cal = () => deps.calendar.work();
  const today = () => stationDate(clock.now());

  /** What the county receives with each change: the case and a household summary, no 身份证号. */
  function snapshot(id: string): unknown {
    const c = view.toCase(store.row(id), { canView: true, today: today(), cal: cal() });
    // the county's summary names nobody in full: the arithmetic's lines carry masked names
    const names = c.members.map((m) => m.name).sort((a, b) => b.length - a.length);
    const masked = (line: string) => names.reduce((t, n) => t.replaceAll(n, maskPersonName(n)), line);
    return {
      id: c.id,
      case_no: c.caseNo,
      type: c.type,
      status: c.status,
      version: c.version,
      applicant_name: c.applicantName,
      accepted_at: c.acceptedAt,
      due_date: c.dueDate,
      forwarded_at: c.forwardedAt,
      updated_at: c.updatedAt,
      household: {
        size: c.householdSize,
        members: c.members.map((m) => ({ relation: m.relation, age: m.age, employment: m.employment, disabled: m.disability !== null })),
        totalMonthlyFen: c.means?.totalMonthlyFen ?? null,
        perCapitaFen: c.means?.perCapitaFen ?? null,
        standardFen: c.means?.standard?.fen ?? null,
        steps: (c.means?.steps ?? []).map(masked),
        assetWarnings: c.assetWarnings.map((w) => w.message),
      },
      opinion: c.opinion ? { agree: c.opinion.agree, text: c.opinion.text, proposedAmountFen: c.opinion.proposedAmountFen } : null,
      publicity: c.publicity ? { start: c.publicity.start, end: c.publicity.end, objections: c.publicity.objections.length } : null,
      close_relative: c.closeRelative,
      withdrawn: c.status === 'withdrawn',
    };
  }

  const steps = createReliefSteps(ctx, { store, view, cal, snapshot });
  const toCase = (id: string, actor: Actor) => view.toCase(store.row(id), { canView: mayView(actor), today: today(), cal: cal() });

  function checkHousehold(h: HouseholdInput, closeRelatives: ParsedInput<'relief.create'>['closeRelatives']) {
    const applicants = h.members.filter((m) => m.relation === 'applicant');
    if (applicants.length !== 1) throw new AppError('VALIDATION', applicants.length === 0 ? '请在家庭成员中登记申请人本人' : '申请人只能有一位', { members: '请核对申请人' });
    const ids = h.members.map((m) => m.residentId);
    if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION', '同一居民在家庭成员中登记了两次', { members: '成员重复' });
    const people = new Map(ids.map((id) => [id, store.resident(id)]));
    for (const a of h.assets) if (a.ownerResidentId && !people.has(a.ownerResidentId)) throw new AppError('VALIDATION', `财产“${a.description}”的所有人不是本户家庭成员`, { assets: '财产所有人不在家庭成员中' });
    for (const c of closeRelatives) {
      if (!people.has(c.residentId)) throw new AppError('VALIDATION', '近亲属备案的对象须是申请人或本户家庭成员', { closeRelatives: '近亲属备案对象不在家庭成员中' });
      if (c.staffId && !store.staffExists(c.staffId)) throw new AppError('VALIDATION', '近亲属备案所选的工作人员不存在', { closeRelatives: '工作人员不存在' });
    }
    return { applicant: people.get(applicants[0]!.residentId)!, people };
  }

  function checkMaterials(type: ReliefCase['type'], received: readonly string[]): string[] {
    const required = materialsFor(type);
    const unknown = received.filter((m) => !required.includes(m));
    if (unknown.length > 0) throw new AppError('VALIDATION', `材料“${unknown[0]}”不在该救助类型的材料清单中`, { materialsReceived: '材料与救助类型不符，请重新勾选' });
    return required.filter((m) => !received.includes(m));
  }

  function recordRelatives(caseId: string, list: ParsedInput<'relief.create'>['closeRelatives'], me: StaffActor, iso: string, tx: Parameters<Parameters<typeof write>[0]>[0]): void {
    for (const c of list) {
      const id = newId(clock);
      store.insertRelative(id, caseId, c.residentId, c.of, c.relativeName, c.relativePost, c.relation, c.staffId, iso, me.id);
      const row: unknown = db.prepare('SELECT * FROM relief_close_relatives WHERE id = ?').get(id);
      tx.change({ actorId: me.id, action: 'relief_close_relative.record', entity: 'relief_close_relative', entityId: id, op: 'create', snapshot: row, detail: { caseId, relativeOf: c.of } });
    }
  }

  function create(input: ParsedInput<'relief.create'>, me: StaffActor) {
    const { applicant } = checkHousehold(input, input.closeRelatives);
    const missing = checkMaterials(input.type, input.materialsReceived);
    const station = ctx.station.get();
    if (!station) throw new AppError('CONFLICT', '请先完成站点设置');
    const made = write.once({ requestId: input.requestId, call: 'relief.create', actorId: me.id }, (tx) => {
      const now = clock.now();
      const iso = now.toISOString();
      const day = stationDate(now);
      const id = newId(clock);
      const caseNo = `${station.code}-${day.replaceAll('-', '')}-J${String(nextSerial(db, 'relief', day)).padStart(4, '0')}`;
      const complete = missing.length === 0;
      store.insertCase({
        id,
        case_no: caseNo,
        type: input.type,
        status: complete ? 'accepted' : 'incomplete',
        applicant_id: applicant.id,
        applicant_name: applicant.name,
        applicant_id_masked: applicant.idMasked,
        materials_received: JSON.stringify(input.materialsReceived),
        note: input.note ?? null,
        created_at: iso,
        created_by: me.id,
        accepted_at: complete ? iso : null,
        accepted_by: complete ? me.id : null,
        limit_workdays: store.config().time.decisionWorkdays,
        close_relative: input.closeRelatives.length > 0 ? 1 : 0,
      });
      store.writeHousehold(id, input);
      const r = store.row(id);
      steps.addStep({ ...r, status: 'incomplete' }, 'create', 'incomplete', { missing: missing.length }, me, iso);
      if (complete) steps.addStep({ ...r, status: 'incomplete' }, 'accept', 'accepted', {}, me, iso);
      recordRelatives(id, input.closeRelatives, me, iso, tx);
      tx.change({
        actorId: me.id,
        action: 'relief_case.create',
        entity: 'relief_case',
        entityId: id,
        op: 'create',
        version: 1,
        snapshot: snapshot(id),
        detail: { caseNo, reliefType: input.type, toStatus: r.status, members: input.members.length, missing: missing.length, closeRelative: input.closeRelatives.length > 0 },
      });
      return { id, missing };
    });
    return { case: toCase(made.value.id, me), missing: made.value.missing };
  }

  function updateHousehold(input: ParsedInput<'relief.updateHousehold'>, me: StaffActor): ReliefCase {
    // a redacted screen holds no incomes or health: saving it would wipe what it cannot see
    if (!mayView(me)) throw new AppError('FORBIDDEN', HOUSEHOLD_NEEDS_VIEW);
    write((tx) => {
      const r = store.row(input.id);
      if (r.version !== input.version) throw new AppError('CONFLICT', STALE);
      if (!householdEditable(r.status)) throw new AppError('CONFLICT', '已报县审批或已办结的案件不能修改家庭信息');
      const { applicant } = checkHousehold(input, input.closeRelatives);
      if (applicant.id !== r.applicant_id) throw new AppError('VALIDATION', '不能更换申请人；如需更换，请撤回后重新登记', { members: '申请人不能更换' });
      const iso = clock.now().toISOString();
      store.writeHousehold(r.id, input);
      if (input.closeRelatives.length > 0) store.update(r.id, { close_relative: 1 }, iso);
      else store.update(r.id, {}, iso);
      steps.addStep(r, 'household', r.status, { members: input.members.length }, me, iso);
      recordRelatives(r.id, input.closeRelatives, me, iso, tx);
      const after = store.row(r.id);
      tx.change({ actorId: me.id, action: 'relief_case.updateHousehold', entity: 'relief_case', entityId: r.id, op: 'update', version: after.version, snapshot: snapshot(r.id), detail: { caseNo: r.case_no, members: input.members.length, closeRelative: after.close_relative === 1 } });
    });
    return toCase(input.id, me);
  }

  function materials(input: ParsedInput<'relief.materials'>, me: StaffActor) {
    const missing = write((tx) => {
      const r = store.row(input.id);
      if (r.version !== input.version) throw new AppError('CONFLICT', STALE);
      if (RELIEF_CLOSED.includes(r.status)) throw new AppError('CONFLICT', '该案件已办结，不能再登记材料');
      // once with the county the case is what it decides on: a change would turn its decision into a conflict
      if (!householdEditable(r.status)) throw new AppError('CONFLICT', '该案件已报县审批，材料不能再变更');
      // after 受理 the case is complete: a material may be added, none taken back
      const had = JSON.parse(r.materials_received) as string[];
      const dropped = r.status === 'incomplete' ? [] : had.filter((m) => !input.materialsReceived.includes(m));
      if (dropped.length > 0) throw new AppError('VALIDATION', `案件已受理，已收的材料不能撤销：${dropped.join('、')}`, { materialsReceived: '已收的材料不能撤销' });
      const left = checkMaterials(r.type, input.materialsReceived);
      const iso = clock.now().toISOString();
      store.update(r.id, { materials_received: JSON.stringify(input.materialsReceived) }, iso);
      steps.addStep(r, 'materials', r.status, { missing: left.length }, me, iso);
      const after = store.row(r.id);
      tx.change({ actorId: me.id, action: 'relief_case.materials', entity: 'relief_case', entityId: r.id, op: 'update', version: after.version, snapshot: snapshot(r.id), detail: { caseNo: r.case_no, missing: left.length } });
      return left;
    });
    return { case: toCase(input.id, me), missing };
  }

  function emergency(input: ParsedInput<'relief.emergency'>, me: StaffActor): ReliefCase {
    write.once({ requestId: input.requestId, call: 'relief.emergency', actorId: me.id }, (tx) => {
      const r = store.row(input.id);
      if (r.version !== input.version) throw new AppError('CONFLICT', STALE);
      if (r.type !== 'linshi') throw new AppError('VALIDATION', '只有临时救助可以先行救助');
      if (RELIEF_CLOSED.includes(r.status) || r.status === 'refused') throw new AppError('CONFLICT', '该案件已办结，不能先行救助');
      if (store.emergency(r.id)) throw new AppError('CONFLICT', '该案件已批准过先行救助');
      const now = clock.now();
      const iso = now.toISOString();
      const due = cal().addWorkdays(stationDate(now), store.config().time.emergencyFollowWorkdays).date;
      const eid = newId(clock);
      db.prepare('INSERT INTO relief_emergencies (id, case_id, amount_fen, reason, granted_at, granted_by) VALUES (?, ?, ?, ?, ?, ?)').run(eid, r.id, Math.round(input.amount * 100), input.reason, iso, me.id);
      EMERGENCY_TASKS.forEach((label, i) => db.prepare('INSERT INTO relief_tasks (id, case_id, emergency_id, position, label, due) VALUES (?, ?, ?, ?, ?, ?)').run(newId(clock), r.id, eid, i, label, due));
      store.update(r.id, {}, iso);
      steps.addStep(r, 'emergency', r.status, { due }, me, iso);
      const after = store.row(r.id);
      tx.change({ actorId: me.id, action: 'relief_case.emergency', entity: 'relief_case', entityId: r.id, op: 'update', version: after.version, snapshot: snapshot(r.id), detail: { caseNo: r.case_no, tasks: EMERGENCY_TASKS.length, promisedDate: due } });
      return { id: r.id };
    });
    return toCase(input.id, me);
  }

  function completeTask(input: ParsedInput<'relief.completeTask'>, me: StaffActor): ReliefCase {
    write((tx) => {
      const r = store.row(input.id);
      if (r.version !== input.version) throw new AppError('CONFLICT', STALE);
      const task = store.tasks(r.id).find((x) => x.id === input.taskId);
      if (!task) throw new AppError('NOT_FOUND', '未找到该后续手续');
      if (task.done_at) throw new AppError('CONFLICT', '该后续手续已完成');
      const iso = clock.now().toISOString();
      db.prepare('UPDATE relief_tasks SET done_at = ?, done_by = ? WHERE id = ?').run(iso, me.id, task.id);
      store.update(r.id, {}, iso);
      steps.addStep(r, 'task', r.status, { task: task.label }, me, iso);
      const after = store.row(r.id);
      tx.change({ actorId: me.id, action: 'relief_case.completeTask', entity: 'relief_case', entityId: r.id, op: 'update', version: after.version, snapshot: snapshot(r.id), detail: { caseNo: r.case_no, task: task.label } });
    });
    return toCase(input.id, me);
  }

  function settings(): ReliefSettings {
    const { limits, time } = store.config();
    return { standards: store.standards().map((s) => ({ fen: s.fen, effectiveFrom: s.effective_from, source: s.source, origin: s.origin, recordedAt: s.recorded_at })), limits, time };
  }

  /** The county's standard (sync): recorded once per amount and date; audit-only, never pushed back. */
  function loadStandard(s: ReliefStandard): void {
    write((tx) => {
      const have = db.prepare<[number, string], number>("SELECT count(*) FROM relief_standards WHERE fen = ? AND effective_from = ? AND origin = 'county'").pluck().get(s.fen, s.effectiveFrom);
      if (have) return;
      db.prepare("INSERT INTO relief_standards (fen, effective_from, source, origin, recorded_at) VALUES (?, ?, ?, 'county', ?)").run(s.fen, s.effectiveFrom, s.source, clock.now().toISOString());
      tx.note({ actorId: null, action: 'relief_settings.standard', entity: 'relief_settings', entityId: 'standard', detail: { origin: 'county', standardYuan: s.fen / 100, effectiveFrom: s.effectiveFrom } });
    });
  }

  /**
   * Cases as shown now. Each is read whole and its dates counted, so the rows are narrowed
   * first: the lists look at open cases (and closed ones with 先行救助 tasks still open), not
   * at years of closed ones. The 工作台 counts read narrower still (relief-counts.ts).
   */
  function allCases(actor: Actor, keep: (r: CaseRow) => boolean = () => true, limit = Infinity): ReliefCase[] {
    const t = today();
    const c = cal();
    const canView = mayView(actor);
    const shared = view.shared();
    return store
      .all()
      .filter(keep)
      .slice(0, limit)
      .map((r) => view.toCase(r, { canView, today: t, cal: c, shared }));
  }
  const openTaskCases = () => new Set(db.prepare<[], string>('SELECT DISTINCT case_id FROM relief_tasks WHERE done_at IS NULL').pluck().all());
  const liveRow = () => {
    const withTasks = openTaskCases();
    return (r: CaseRow) => !RELIEF_CLOSED.includes(r.status) || withTasks.has(r.id);
  };

  const counts = createReliefCounts(db);
  const exporter = createReliefExport(ctx, { all: allCases, summary: view.summary });

  const api: ApiPart<ReliefCall> = {
    async 'relief.settings'() {
      return settings();
    },
    async 'relief.updateSettings'(input, me) {
      write((tx) => {
        const before = store.config();
        const limits = { ...before.limits, ...input.limits };
        const time = { ...before.time, ...input.time };
        if (time.extendedWorkdays < time.decisionWorkdays) throw new AppError('VALIDATION', '延长后的办理期限不能短于正常期限', { time: '延长期限过短' });
        if (input.limits || input.time) {
          db.prepare('UPDATE relief_config SET limits = ?, time = ?, updated_at = ? WHERE id = 1').run(JSON.stringify(limits), JSON.stringify(time), clock.now().toISOString());
          tx.change({ actorId: me.id, action: 'relief_settings.update', entity: 'relief_settings', entityId: 'config', op: 'update', snapshot: { limits, time }, detail: { changed: [...Object.keys(input.limits ?? {}), ...Object.keys(input.time ?? {})] } });
        }
        if (input.standard) {
          // the county sets the standard: a figure of its own for the same day is not the station's to change
          const county = store.standards().find((s) => s.origin === 'county' && s.effective_from === input.standard!.effectiveFrom);
          if (county) {
            const m = `县级已下发 ${county.effective_from} 起执行的低保标准 ${formatYuan(county.fen)} 元，本站不能另录同日生效的标准`;
            throw new AppError('VALIDATION', m, { 'standard.effectiveFrom': m });
          }
          db.prepare("INSERT INTO relief_standards (fen, effective_from, source, origin, recorded_at, recorded_by) VALUES (?, ?, ?, 'station', ?, ?)").run(Math.round(input.standard.amount * 100), input.standard.effectiveFrom, input.standard.source, clock.now().toISOString(), me.id);
          tx.note({ actorId: me.id, action: 'relief_settings.standard', entity: 'relief_settings', entityId: 'standard', detail: { origin: 'station', standardYuan: input.standard.amount, effectiveFrom: input.standard.effectiveFrom } });
        }
      });
      return settings();
    },
    async 'relief.preview'(input) {
      const { people } = checkHousehold(input, []);
      const { limits } = store.config();
      const day = today();
      const standard = standardOn(standardsOf(store), day);
      const means = computeMeans(
        input.members.map((m) => ({ residentId: m.residentId, name: people.get(m.residentId)!.name, employment: m.employment, incomes: m.incomes.map((i) => ({ kind: i.kind, amountFen: Math.round(i.amount * 100), months: i.months })) })),
        input.supporters.map((s) => ({ name: s.name, monthlyFen: Math.round(s.monthlySupport * 100) })),
        standard,
      );
      return {
        means,
        assetWarnings: assetWarnings(input.assets.map((a) => ({ kind: a.kind, valueFen: Math.round(a.value * 100), count: a.count })), input.members.length, standard?.fen ?? null, limits),
        materialsRequired: materialsFor(input.type),
        adults: input.members.map((m) => people.get(m.residentId)!).filter((p) => ageOn(p.birth_date, day) >= 18).map((p) => ({ residentId: p.id, name: p.name })),
      };
    },
    async 'relief.create'(input, me) {
      return create(input, me);
    },
    async 'relief.updateHousehold'(input, me) {
      return updateHousehold(input, me);
    },
    async 'relief.materials'(input, me) {
      return materials(input, me);
    },
    async 'relief.step'({ id, version, input }, me) {
      steps.step(id, version, input, me);
      return toCase(id, me);
    },
    async 'relief.emergency'(input, me) {
      return emergency(input, me);
    },
    async 'relief.completeTask'(input, me) {
      return completeTask(input, me);
    },
    async 'relief.get'({ id }, me) {
      const c = toCase(id, me);
      const canView = mayView(me);
      const events = store.steps(id).map((s) => ({ at: s.at, byName: s.by ? s.by_name : `${s.by_name}（县级）`, step: s.step, from: s.from_status, to: s.to_status, text: stepText(s.step, JSON.parse(s.data) as Record<string, unknown>, canView) }));
      return { case: c, events };
    },
    async 'relief.list'({ view: v, type, status, limit }, me) {
      const live = liveRow();
      const inView = (r: CaseRow) => (v === 'all' ? true : v === 'closeRelative' ? r.close_relative === 1 : v === 'open' ? !RELIEF_CLOSED.includes(r.status) : live(r));
      const rowFilter = (r: CaseRow) => (!type || r.type === type) && (!status || r.status === status) && inView(r);
      // the views decided by the row alone need no more cases than they show
      const byRow = v === 'all' || v === 'closeRelative' || v === 'open';
      const list = allCases(me, rowFilter, byRow ? limit : Infinity).filter((c) => (v === 'overdue' ? c.urgency === 'overdue' : v === 'dueSoon' ? c.urgency === 'dueSoon' : true));
      return list.slice(0, limit).map(view.summary);
    },
    async 'relief.counts'() {
      return counts(today(), cal(), store.config().time);
    },
    async 'relief.headList'(_input, me) {
      const live = liveRow();
      const all = allCases(me, (r) => live(r) || r.close_relative === 1);
      return {
        closeRelatives: all.filter((c) => c.closeRelative).map((c) => ({ ...view.summary(c), relatives: c.closeRelatives })),
        overdue: all.filter((c) => c.urgency === 'overdue').map(view.summary),
        dueSoon: all.filter((c) => c.urgency === 'dueSoon').map(view.summary),
        tasks: all.flatMap((c) => c.tasks.filter((x) => !x.doneAt).map((x) => ({ ...x, caseId: c.id, caseNo: c.caseNo, applicantName: c.applicantName }))),
      };
    },
    async 'relief.export'({ filter }, me) {
      return exporter(filter, me);
    },
  };

  return {
    api,
    /** The county's decision on a forwarded case (sync); throws CONFLICT when the case moved on. */
    decide: steps.decide,
    loadStandard,
    /** case version and number, for sync's freshness check */
    head: (id: string) => {
      const r = db.prepare<[string], { version: number; case_no: string; status: string }>('SELECT version, case_no, status FROM relief_cases WHERE id = ?').get(id);
      return r ?? null;
    },
  };
}

export type Relief = ReturnType<typeof createRelief>;
