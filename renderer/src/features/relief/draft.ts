/** The application being typed: plain state, turned into the contract's input in one place. */
import type { ResidentSummary } from '../../../../common/contracts/residents';
import type { AssetKind, CloseRelativeOf, Employment, IncomeKind, MemberRelation, ReliefType, SupporterRelation } from '../../../../common/relief';
import type { CreateInput, HouseholdInput } from './data';

export interface IncomeDraft {
  kind: IncomeKind;
  amount: number | null;
  months: number;
}

export interface MemberDraft {
  resident: ResidentSummary;
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
}

export interface SupporterDraft {
  name: string;
  relation: SupporterRelation;
  relationNote: string;
  monthlyIncome: number | null;
  householdSize: number;
  monthlySupport: number | null;
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

export const EMPTY_DRAFT: ApplicationDraft = { type: null, members: [], assets: [], supporters: [], received: [], closeRelative: null, closeRelatives: [], note: '' };

export function newMember(resident: ResidentSummary, applicant: boolean): MemberDraft {
  return { resident, relation: applicant ? 'applicant' : 'spouse', employment: null, incomes: [], disability: null, health: '', school: '' };
}

/**
 * The household as the contract wants it. Unfinished entries go as they are (an empty
 * employment, an amount not typed) so main answers with an error at that very field.
 */
export function householdInput(d: ApplicationDraft): HouseholdInput {
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
    assets: d.assets.map((a) => ({ kind: a.kind, description: a.description, value: a.value ?? 0, count: a.count })),
    supporters: d.supporters.map((s) => ({ name: s.name, relation: s.relation, relationNote: s.relationNote, monthlyIncome: s.monthlyIncome as number, householdSize: s.householdSize, monthlySupport: s.monthlySupport ?? 0 })),
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

/** Whether the figures can be asked for: a type and every income typed. */
export function previewable(d: ApplicationDraft): boolean {
  return d.type !== null && d.members.length > 0 && d.members.every((m) => m.employment !== null && m.incomes.every((i) => i.amount !== null));
}
