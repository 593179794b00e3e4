/**
 * The data the 社会救助 forms are printed from (DESIGN.md §6, issue 10). Like types.ts: plain
 * objects, instants as UTC ISO strings, 身份证号 already masked; the services assemble them
 * (main/services/relief-docs.ts), main/pdf knows nothing of the database.
 */
import type { ApplicantLine, CorrectionNoticeData, StationHeader } from './types';

/** 最低生活保障 / 特困人员供养 / 临时救助 / 医疗救助, as printed */
export interface ReliefTypeLine {
  code: string;
  name: string;
}

export interface ReliefMemberLine {
  name: string;
  /** 本人, 配偶, 子女 … */
  relation: string;
  idMasked: string;
  /** 18 or older on the day of printing: signs the 核对授权书 */
  adult: boolean;
}

/** 受理回执 (社会救助) */
export interface ReliefAcceptanceData {
  station: StationHeader;
  receiptNo: string;
  type: ReliefTypeLine;
  applicant: ApplicantLine;
  members: ReliefMemberLine[];
  materialsReceived: string[];
  acceptedAt: string;
  /** YYYY-MM-DD: the whole case's working-day limit from 受理 */
  dueDate: string;
  /** e.g. "30 个工作日" */
  timeLimitText: string;
  /** printed beside a date counted on the statutory holidays before the year's notice was loaded */
  dueCaveat?: string;
  clerkName: string;
  progressHint: string;
}

/** 家庭经济状况核对授权书: one signature line per adult member */
export interface ReliefAuthorizationData {
  station: StationHeader;
  caseNo: string;
  type: ReliefTypeLine;
  applicantName: string;
  members: ReliefMemberLine[];
  issuedAt: string;
}

export interface InvestigationMemberLine {
  name: string;
  relation: string;
  idMasked: string;
  employment: string;
  /** yuan per month, all kinds together, as declared */
  monthlyIncome: number | null;
  health: string;
  school: string;
}

/** 入户调查表: blank (to take along) or filled from the recorded investigation */
export interface ReliefInvestigationData {
  station: StationHeader;
  caseNo: string;
  type: ReliefTypeLine;
  applicant: ApplicantLine;
  members: InvestigationMemberLine[];
  /** 住房, 车辆, 存款 … one line each, as declared */
  assets: string[];
  filled: {
    /** YYYY-MM-DD */
    date: string;
    investigators: string[];
    findings: string;
  } | null;
  issuedAt: string;
}

/** 公示: the masked name, household size, type and proposed amount — nothing else about anyone */
export interface ReliefPublicityData {
  station: StationHeader;
  caseNo: string;
  /** the 村/社区 where it is posted */
  community: string;
  entries: { name: string; householdSize: number; typeName: string; proposedAmount: number | null }[];
  /** YYYY-MM-DD, both included */
  startDate: string;
  endDate: string;
  /** where objections go */
  contactPhone: string;
  issuedAt: string;
}

/** 不予批准通知书 */
export interface ReliefRefusalData {
  station: StationHeader;
  noticeNo: string;
  caseNo: string;
  type: ReliefTypeLine;
  applicant: ApplicantLine;
  acceptedAt: string;
  decidedAt: string;
  /** who decided: the county's 民政部门 */
  decidedBy: string;
  reasons: string;
  issuedAt: string;
  clerkName: string;
}

export type ReliefPrintableDocument =
  | { kind: 'relief.acceptance'; data: ReliefAcceptanceData }
  | { kind: 'relief.correction'; data: CorrectionNoticeData }
  | { kind: 'relief.authorization'; data: ReliefAuthorizationData }
  | { kind: 'relief.investigation'; data: ReliefInvestigationData }
  | { kind: 'relief.publicity'; data: ReliefPublicityData }
  | { kind: 'relief.refusal'; data: ReliefRefusalData };

export type ReliefDocumentKind = ReliefPrintableDocument['kind'];
