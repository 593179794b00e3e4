/**
 * The relief tables (migration 0021): one reader per table and the row writers the relief
 * service uses inside its ctx.write. No audit or outbox here: the callers write those.
 */
import type { Db } from '../db/open';
import { AppError } from '../../common/errors';
import { maskIdNumber } from '../../common/idcard';
import type { ReliefStatus, ReliefType } from '../../common/relief';
import { DEFAULT_ASSET_LIMITS, DEFAULT_TIME_LIMITS, type ReliefTimeLimits } from '../../common/relief-deadlines';
import type { AssetLimits } from '../../common/relief-means';
import type { ParsedInput } from '../../common/contract';

export interface CaseRow {
  id: string;
  case_no: string;
  type: ReliefType;
  status: ReliefStatus;
  version: number;
  applicant_id: string;
  applicant_name: string;
  applicant_id_masked: string;
  materials_received: string;
  note: string | null;
  created_at: string;
  created_by: string;
  created_by_name: string;
  accepted_at: string | null;
  accepted_by: string | null;
  accepted_by_name: string | null;
  limit_workdays: number;
  review_needed: number;
  round: number;
  close_relative: number;
  forwarded_at: string | null;
  decision: 'approved' | 'refused' | null;
  decision_amount_fen: number | null;
  decision_start_month: string | null;
  decision_reasons: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decided_on: string | null;
  updated_at: string;
}

export interface MemberRow {
  resident_id: string;
  position: number;
  relation: string;
  employment: string;
  disability_grade: string | null;
  disability_kind: string | null;
  health: string;
  school: string;
  name: string;
  id_number: string;
  birth_date: string;
}
export interface IncomeRow {
  resident_id: string;
  kind: 'wage' | 'business' | 'property' | 'transfer' | 'pension' | 'other';
  amount_fen: number;
  months: number;
  note: string;
}
export interface AssetRow {
  kind: 'housing' | 'vehicle' | 'deposit' | 'securities' | 'business' | 'other';
  description: string;
  value_fen: number;
  count: number;
  owner_resident_id: string | null;
}
export interface SupporterRow {
  name: string;
  relation: 'shanyang' | 'fuyang' | 'fuyangSpouse';
  relation_note: string;
  monthly_income_fen: number;
  household_size: number;
  monthly_support_fen: number;
  note: string;
}
export interface StepRow {
  id: string;
  step: string;
  round: number;
  from_status: ReliefStatus | null;
  to_status: ReliefStatus;
  data: string;
  at: string;
  by: string | null;
  by_name: string;
}
export interface CloseRelativeRow {
  id: string;
  resident_id: string;
  member_name: string;
  relative_of: 'stationStaff' | 'villageCommittee';
  relative_name: string;
  relative_post: string;
  relation: string;
  staff_id: string | null;
  recorded_at: string;
}
export interface EmergencyRow {
  id: string;
  amount_fen: number;
  reason: string;
  granted_at: string;
  granted_by_name: string;
}
export interface TaskRow {
  id: string;
  case_id: string;
  label: string;
  due: string;
  done_at: string | null;
}
export interface StandardRow {
  fen: number;
  effective_from: string;
  source: string;
  origin: 'county' | 'station';
  recorded_at: string;
}

export type HouseholdInput = Pick<ParsedInput<'relief.create'>, 'members' | 'assets' | 'supporters'>;

/** Columns a step may set; anything else is refused (the SQL is built from these names). */
const SETTABLE = ['status', 'materials_received', 'accepted_at', 'accepted_by', 'limit_workdays', 'review_needed', 'round', 'close_relative', 'forwarded_at', 'decision', 'decision_amount_fen', 'decision_start_month', 'decision_reasons', 'decided_at', 'decided_by', 'decided_on'] as const;
type Settable = (typeof SETTABLE)[number];

export const NOT_FOUND = '未找到该救助申请';

export function createReliefStore(db: Db) {
  const q = {
    row: db.prepare<[string], CaseRow>(
      `SELECT c.*, s.name AS created_by_name, a.name AS accepted_by_name FROM relief_cases c JOIN staff s ON s.id = c.created_by LEFT JOIN staff a ON a.id = c.accepted_by WHERE c.id = ?`,
    ),
    all: db.prepare<[], CaseRow>(
      `SELECT c.*, s.name AS created_by_name, a.name AS accepted_by_name FROM relief_cases c JOIN staff s ON s.id = c.created_by LEFT JOIN staff a ON a.id = c.accepted_by ORDER BY c.created_at DESC`,
    ),
    members: db.prepare<[string], MemberRow>(
      `SELECT m.*, r.name, r.id_number, r.birth_date FROM relief_members m JOIN residents r ON r.id = m.resident_id WHERE m.case_id = ? ORDER BY m.position`,
    ),
    incomes: db.prepare<[string], IncomeRow>('SELECT resident_id, kind, amount_fen, months, note FROM relief_incomes WHERE case_id = ? ORDER BY position'),
    assets: db.prepare<[string], AssetRow>('SELECT kind, description, value_fen, count, owner_resident_id FROM relief_assets WHERE case_id = ? ORDER BY position'),
    supporters: db.prepare<[string], SupporterRow>('SELECT name, relation, relation_note, monthly_income_fen, household_size, monthly_support_fen, note FROM relief_supporters WHERE case_id = ? ORDER BY position'),
    steps: db.prepare<[string], StepRow>('SELECT * FROM relief_steps WHERE case_id = ? ORDER BY at, rowid'),
    relatives: db.prepare<[string], CloseRelativeRow>(
      `SELECT c.id, c.resident_id, r.name AS member_name, c.relative_of, c.relative_name, c.relative_post, c.relation, c.staff_id, c.recorded_at
       FROM relief_close_relatives c JOIN residents r ON r.id = c.resident_id WHERE c.case_id = ? ORDER BY c.recorded_at, c.rowid`,
    ),
    emergency: db.prepare<[string], EmergencyRow>('SELECT e.id, e.amount_fen, e.reason, e.granted_at, s.name AS granted_by_name FROM relief_emergencies e JOIN staff s ON s.id = e.granted_by WHERE e.case_id = ?'),
    tasks: db.prepare<[string], TaskRow>('SELECT id, case_id, label, due, done_at FROM relief_tasks WHERE case_id = ? ORDER BY position'),
    // the county's figure after the station's on the same day: the last of a day is the one in force (standardOn)
    standards: db.prepare<[], StandardRow>("SELECT fen, effective_from, source, origin, recorded_at FROM relief_standards ORDER BY effective_from, origin = 'county', id"),
    config: db.prepare<[], { limits: string; time: string }>('SELECT limits, time FROM relief_config WHERE id = 1'),
    resident: db.prepare<[string], { id: string; name: string; id_number: string; birth_date: string }>('SELECT id, name, id_number, birth_date FROM residents WHERE id = ?'),
    insertCase: db.prepare(
      `INSERT INTO relief_cases (id, case_no, type, status, applicant_id, applicant_name, applicant_id_masked, materials_received, note, created_at, created_by, accepted_at, accepted_by, limit_workdays, close_relative, updated_at)
       VALUES (@id, @case_no, @type, @status, @applicant_id, @applicant_name, @applicant_id_masked, @materials_received, @note, @created_at, @created_by, @accepted_at, @accepted_by, @limit_workdays, @close_relative, @created_at)`,
    ),
    insertMember: db.prepare(
      `INSERT INTO relief_members (case_id, resident_id, position, relation, employment, disability_grade, disability_kind, health, school) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertIncome: db.prepare('INSERT INTO relief_incomes (case_id, resident_id, position, kind, amount_fen, months, note) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    insertAsset: db.prepare('INSERT INTO relief_assets (case_id, position, kind, description, value_fen, count, owner_resident_id) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    insertSupporter: db.prepare(
      'INSERT INTO relief_supporters (case_id, position, name, relation, relation_note, monthly_income_fen, household_size, monthly_support_fen, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    insertStep: db.prepare('INSERT INTO relief_steps (id, case_id, step, round, from_status, to_status, data, at, by, by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    insertRelative: db.prepare(
      `INSERT INTO relief_close_relatives (id, case_id, resident_id, relative_of, relative_name, relative_post, relation, staff_id, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    staffExists: db.prepare<[string], number>('SELECT count(*) FROM staff WHERE id = ?').pluck(),
  };

  function row(id: string): CaseRow {
    const r = q.row.get(id);
    if (!r) throw new AppError('NOT_FOUND', NOT_FOUND);
    return r;
  }

  function resident(id: string) {
    const r = q.resident.get(id);
    if (!r) throw new AppError('VALIDATION', '家庭成员须先在居民信息库中登记', { members: '有成员未在居民信息库中登记' });
    return { ...r, idMasked: maskIdNumber(r.id_number) };
  }

  /** Replaces the household's members, incomes, assets and supporters. */
  function writeHousehold(caseId: string, h: HouseholdInput): void {
    db.prepare('DELETE FROM relief_incomes WHERE case_id = ?').run(caseId);
    db.prepare('DELETE FROM relief_members WHERE case_id = ?').run(caseId);
    db.prepare('DELETE FROM relief_assets WHERE case_id = ?').run(caseId);
    db.prepare('DELETE FROM relief_supporters WHERE case_id = ?').run(caseId);
    let incomePos = 0;
    h.members.forEach((m, i) => {
      q.insertMember.run(caseId, m.residentId, i, m.relation, m.employment, m.disability?.grade ?? null, m.disability?.kind ?? null, m.health, m.school);
      for (const inc of m.incomes) q.insertIncome.run(caseId, m.residentId, incomePos++, inc.kind, Math.round(inc.amount * 100), inc.months, inc.note ?? '');
    });
    h.assets.forEach((a, i) => q.insertAsset.run(caseId, i, a.kind, a.description, Math.round(a.value * 100), a.count, a.ownerResidentId));
    h.supporters.forEach((s, i) => q.insertSupporter.run(caseId, i, s.name, s.relation, s.relationNote, Math.round(s.monthlyIncome * 100), s.householdSize, Math.round(s.monthlySupport * 100), s.note));
  }

  /** Sets the named columns, one more version, updated now. */
  function update(id: string, set: Partial<Record<Settable, string | number | null>>, iso: string): void {
    const keys = Object.keys(set) as Settable[];
    for (const k of keys) if (!(SETTABLE as readonly string[]).includes(k)) throw new Error(`relief: column ${k} is not settable`);
    const sql = `UPDATE relief_cases SET ${keys.map((k) => `${k} = @${k}`).join(', ')}${keys.length ? ', ' : ''}version = version + 1, updated_at = @updated_at WHERE id = @id`;
    db.prepare(sql).run({ ...set, updated_at: iso, id });
  }

  function config(): { limits: AssetLimits; time: ReliefTimeLimits } {
    const c = q.config.get()!;
    return { limits: { ...DEFAULT_ASSET_LIMITS, ...(JSON.parse(c.limits) as Partial<AssetLimits>) }, time: { ...DEFAULT_TIME_LIMITS, ...(JSON.parse(c.time) as Partial<ReliefTimeLimits>) } };
  }

  return {
    insertCase: (p: Record<string, string | number | null>) => void q.insertCase.run(p),
    insertStep: (...a: [string, string, string, number, string | null, string, string, string, string | null, string]) => void q.insertStep.run(...a),
    insertRelative: (...a: [string, string, string, string, string, string, string, string | null, string, string]) => void q.insertRelative.run(...a),
    row,
    all: () => q.all.all(),
    resident,
    members: (id: string) => q.members.all(id),
    incomes: (id: string) => q.incomes.all(id),
    assets: (id: string) => q.assets.all(id),
    supporters: (id: string) => q.supporters.all(id),
    steps: (id: string) => q.steps.all(id),
    relatives: (id: string) => q.relatives.all(id),
    emergency: (id: string) => q.emergency.get(id) ?? null,
    tasks: (id: string) => q.tasks.all(id),
    standards: () => q.standards.all(),
    config,
    staffExists: (id: string) => q.staffExists.get(id) === 1,
    writeHousehold,
    update,
  };
}

export type ReliefStore = ReturnType<typeof createReliefStore>;
