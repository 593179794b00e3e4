/** The application being typed: plain state, turned into the contract's input in one place. */
import type { ResidentSummary } from '../../../../common/contracts/residents';
import type { AssetKind, CloseRelativeOf, Employment, IncomeKind, MemberRelation, ReliefType, SupporterRelation } from '../../../../common/relief';
import type { CreateInput, HouseholdInput, ReliefCase, UpdateHouseholdInput } from './data';
import * as S from './strings';

export interface IncomeDraft {
  kind: IncomeKind;
  amount: number | null;
  months: number;
}

/** Who a member is, as the card shows them: a registry hit, or a member already on the case. */
export type MemberPerson = Pick<ResidentSummary, 'id' | 'name' | 'idMasked' | 'age'>;

export interface MemberDraft {
  resident: MemberPerson;
  relation: MemberRelation;
  employment: Employment | null;
  incomes: IncomeDraft[];
  disability: { grade: '1' | '2' | '3' | '4'; kind: string } | null;
  health: string;
  school: string;
}

export interface AssetDraft {
  kind: AssetKind;
  description: string;
  value: number | null;
  count: number;
  /** whose, when the case recorded it (kept through 修改家庭情况) */
  ownerResidentId?: string | null;
}

export interface SupporterDraft {
  name: string;
  relation: SupporterRelation;
  relationNote: string;
  monthlyIncome: number | null;
  householdSize: number;
  monthlySupport: number | null;
  /** 义务人情况说明, when the case recorded one (kept through 修改家庭情况) */
  note?: string;
}

export interface CloseRelativeDraft {
  residentId: string | null;
  of: CloseRelativeOf;
  relativeName: string;
  relativePost: string;
  relation: string;
}

export interface ApplicationDraft {
  type: ReliefType | null;
  members: MemberDraft[];
  assets: AssetDraft[];
  supporters: SupporterDraft[];
  received: string[];
  closeRelative: boolean | null;
  closeRelatives: CloseRelativeDraft[];
  note: string;
}

/** The household part of the form: what 修改家庭情况 edits (the type and materials stay). */
export type HouseholdDraft = Pick<ApplicationDraft, 'type' | 'members' | 'assets' | 'supporters'>;

export const EMPTY_DRAFT: ApplicationDraft = { type: null, members: [], assets: [], supporters: [], received: [], closeRelative: null, closeRelatives: [], note: '' };

export function newMember(resident: ResidentSummary, applicant: boolean): MemberDraft {
  return { resident, relation: applicant ? 'applicant' : 'spouse', employment: null, incomes: [], disability: null, health: '', school: '' };
}

/**
 * The household as the contract wants it. Unfinished entries go as they are (an empty
 * employment, an amount not typed) so main answers with an error at that very field.
 */
export function householdInput(d: HouseholdDraft): HouseholdInput {
  return {
    type: d.type as ReliefType,
    members: d.members.map((m) => ({
      residentId: m.resident.id,
      relation: m.relation,
      employment: m.employment as Employment,
      incomes: m.incomes.map((i) => ({ kind: i.kind, amount: i.amount as number, months: i.months })),
      disability: m.disability,
      health: m.health,
      school: m.school,
    })),
    assets: d.assets.map((a) => ({ kind: a.kind, description: a.description, value: a.value ?? 0, count: a.count, ...(a.ownerResidentId ? { ownerResidentId: a.ownerResidentId } : {}) })),
    supporters: d.supporters.map((s) => ({ name: s.name, relation: s.relation, relationNote: s.relationNote, monthlyIncome: s.monthlyIncome as number, householdSize: s.householdSize, monthlySupport: s.monthlySupport ?? 0, ...(s.note ? { note: s.note } : {}) })),
  };
}

export function createInput(d: ApplicationDraft, requestId: string): CreateInput {
  return {
    requestId,
    ...householdInput(d),
    materialsReceived: d.received,
    closeRelatives: d.closeRelative
      ? d.closeRelatives.map((c) => ({ residentId: c.residentId ?? '', of: c.of, relativeName: c.relativeName, relativePost: c.relativePost, relation: c.relation }))
      : [],
    ...(d.note.trim() ? { note: d.note } : {}),
  };
}

/**
 * What the figures still wait for, in the clerk's words, or null when they can be asked
 * for: an applicant, a type, every member's employment and every income's amount. The
 * first gap is named, member by member, so the panel never just sits empty.
 */
export function previewWaitsFor(d: HouseholdDraft): string | null {
  if (d.members.length === 0) return S.MEANS_NONE;
  if (d.type === null) return S.MEANS_NEEDS_TYPE;
  for (const m of d.members) {
    if (m.employment === null) return S.MEANS_NEEDS_EMPLOYMENT(m.resident.name);
    if (m.incomes.some((i) => i.amount === null)) return S.MEANS_NEEDS_AMOUNT(m.resident.name);
  }
  return null;
}

export const previewable = (d: HouseholdDraft): boolean => previewWaitsFor(d) === null;

/**
 * A case's household as the form holds it, for 修改家庭情况. Only an unredacted case can be
 * turned into a draft: a redacted one has no incomes or health, and saving it would wipe them.
 */
export function draftFromCase(c: ReliefCase): HouseholdDraft {
  if (c.redacted) throw new Error('a redacted case cannot be edited');
  const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
  return {
    type: c.type,
    members: c.members.map((m) => ({
      resident: { id: m.residentId, name: m.name, idMasked: m.idMasked, age: m.age },
      relation: m.relation,
      employment: m.employment,
      incomes: (m.incomes ?? []).map((i) => ({ kind: i.kind, amount: i.amountFen / 100, months: i.months })),
      disability: m.disability ? { grade: m.disability.grade as '1' | '2' | '3' | '4', kind: m.disability.kind } : null,
      health: m.health ?? '',
      school: m.school,
    })),
    assets: c.assets.map((a) => ({ kind: a.kind, description: a.description, value: yuan(a.valueFen), count: a.count, ownerResidentId: a.ownerResidentId })),
    supporters: c.supporters.map((s) => ({ name: s.name, relation: s.relation, relationNote: s.relationNote, monthlyIncome: yuan(s.monthlyIncomeFen), householdSize: s.householdSize, monthlySupport: yuan(s.monthlySupportFen), note: s.note ?? '' })),
  };
}

/** The edited household for relief.updateHousehold, with the version the clerk opened (no new close-relative records). */
export function updateInput(c: { id: string; version: number }, d: HouseholdDraft): UpdateHouseholdInput {
  const { members, assets, supporters } = householdInput(d);
  return { id: c.id, version: c.version, members, assets, supporters, closeRelatives: [] };
}
