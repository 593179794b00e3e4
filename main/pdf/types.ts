/**
 * The plain data objects printed forms are built from (DESIGN.md §6). Services assemble
 * them; main/pdf turns them into PDF bytes and knows nothing of the database.
 * Instants are UTC ISO strings; forms show them in Asia/Shanghai.
 */
import type { ReliefDocumentKind, ReliefPrintableDocument } from './relief-types';

export interface StationHeader {
  code: string;
  name: string;
  county: string;
  address: string;
  phone: string;
}

export interface ApplicantLine {
  name: string;
  /** already masked: 130102********1234 */
  idMasked: string;
  phone: string;
  address: string;
}

/** 受理回执 */
export interface AcceptanceReceiptData {
  station: StationHeader;
  receiptNo: string;
  item: { code: string; name: string; category: string; department: string; forwarded: boolean };
  applicant: ApplicantLine;
  materialsReceived: string[];
  acceptedAt: string;
  /** YYYY-MM-DD */
  promisedDate: string;
  /** printed beside a date counted on the statutory holidays before the year's notice was loaded */
  promiseCaveat?: string;
  /** e.g. "5 个工作日" or "2 小时" */
  timeLimitText: string;
  clerkName: string;
  /** printed under the QR code: how the resident checks progress */
  progressHint: string;
  /** the reference the QR code leads with (the receipt number); the code also carries the item, date and station (forms/acceptance.ts) */
  qrPayload: string;
  /**
   * Once the station is enrolled and the county has a public progress page: the 查询码 and the
   * link the QR code then holds (instead of the offline text); the address to type it by hand.
   */
  online?: { checkCode: string; url: string; lookupUrl: string };
  /** accepted and completed in one step (当场办结): the one receipt says so */
  onTheSpot?: { completedAt: string; result: string; handedOverTo: string | null };
}

/** 一次性告知 / 补正通知: everything missing, listed at once */
export interface CorrectionNoticeData {
  station: StationHeader;
  noticeNo: string;
  item: { code: string; name: string; department: string };
  applicant: ApplicantLine;
  materialsRequired: string[];
  materialsReceived: string[];
  materialsMissing: string[];
  issuedAt: string;
  clerkName: string;
  note?: string;
}

/** 办结 / 领取回执 */
export interface CompletionReceiptData {
  station: StationHeader;
  receiptNo: string;
  item: { code: string; name: string };
  applicant: ApplicantLine;
  acceptedAt: string;
  completedAt: string;
  result: string;
  handover: { kind: '领取' | '送达'; at: string; receiverName: string } | null;
  /** 代领: collected by someone else for the applicant (the 身份证号 already masked) */
  proxy?: { name: string; idMasked: string; relation: string };
  clerkName: string;
}

/** 转报单: items handed to one county department at once */
export interface TransmittalData {
  station: StationHeader;
  transmittalNo: string;
  department: string;
  /** 系统报送 / 纸质送达 / 邮寄 / 其他（…） */
  channel: string;
  receiverName: string;
  receivedAt: string;
  createdAt: string;
  clerkName: string;
  note?: string;
  items: { receiptNo: string; itemName: string; applicantName: string; idMasked: string; acceptedAt: string; materials: string[] }[];
}

/** 日结报表: one station day, its figures, the county's answer and what the close covers */
export interface DayCloseReportData {
  station: StationHeader;
  /** YYYY-MM-DD, the station day */
  day: string;
  closeId: string;
  closedAt: string;
  closedByName: string;
  /** the counts table: rows in order, the first column the row's name (合计 last) */
  countHeaders: string[];
  countRows: { name: string; values: number[] }[];
  firstReceiptNo: string | null;
  lastReceiptNo: string | null;
  /** 上次日结后的变更 (the newest few) and how many there were in all */
  lateChanges: { at: string; action: string; record: string; actorName: string | null }[];
  lateChangesTotal: number;
  /** 待确认 / 已确认 / 不一致, and the words after it (why, or when the county confirmed) */
  countyStatus: string;
  countyDetail: string;
  fromSeq: number;
  throughSeq: number;
  digest: string;
  auditHead: { seq: number; hash: string };
}

export type DocumentKind = 'intake.acceptance' | 'intake.correction' | 'intake.completion' | 'intake.transmittal' | 'dayclose.report' | ReliefDocumentKind | 'wish.claim' | 'wish.handover' | 'wish.poster';
/** A claimant as printed: a person's or a unit's name as registered, and its part of a joint claim. */
export interface WishClaimantLine {
  name: string;
  /** 党员 / 志愿者 / 居民 / 驻区单位 / 党组织 / 企业 */
  kind: string;
  /** e.g. "50%" or "轮椅 1 台的一半"; empty when one claimant takes the whole wish */
  share: string;
}

/** What every wish paper says of the wish: never the beneficiary's 身份证号, phone or address. */
export interface WishLine {
  wishNo: string;
  title: string;
  category: string;
  /** estimated value in yuan */
  value: number;
  /** already masked: 张*华 */
  beneficiaryMasked: string;
}

/** 认领凭证: handed to the claimant when a wish is claimed */
export interface WishClaimVoucherData {
  station: StationHeader;
  wish: WishLine;
  /** who this voucher is for */
  claimant: WishClaimantLine;
  /** everyone claiming the wish, this claimant included */
  claimants: WishClaimantLine[];
  claimedAt: string;
  /** YYYY-MM-DD */
  promisedDate: string;
  /** the station's contact for the handover: a person's name (may be empty) and the station phone */
  contactName: string;
  clerkName: string;
}

/** 圆梦交接单: the handover, signed by the beneficiary, the claimants and the clerk */
export interface WishHandoverData {
  station: StationHeader;
  wish: WishLine;
  claimants: WishClaimantLine[];
  /** YYYY-MM-DD */
  handoverDate: string;
  delivered: string;
  /** the sha256 of each proof photo on file (none: an empty list) */
  proofSha256s: string[];
  /** how the beneficiary confirmed: 本人签收, or 家属代为签收（name） */
  confirmation: string;
  clerkName: string;
  madeAt: string;
}

/** 心愿墙 poster: the open wishes, one card each with a QR code carrying its number */
export interface WishPosterData {
  station: StationHeader;
  paper: 'A4' | 'A3';
  /** the poster's own number (the archive's), printed small */
  posterNo: string;
  madeAt: string;
  wishes: (WishLine & { /** YYYY-MM-DD */ deadline: string; claimState: string })[];
  /** open wishes beyond the poster's room (the first 200 by deadline are listed): said on the paper */
  notListed: number;
  /** the one category the poster lists, when the wall was filtered to it (said under the title) */
  category?: string;
}


export type PrintableDocument =
  | { kind: 'intake.acceptance'; data: AcceptanceReceiptData }
  | { kind: 'intake.correction'; data: CorrectionNoticeData }
  | { kind: 'intake.completion'; data: CompletionReceiptData }
  | { kind: 'intake.transmittal'; data: TransmittalData }
  | { kind: 'dayclose.report'; data: DayCloseReportData }
  | ReliefPrintableDocument
  | { kind: 'wish.claim'; data: WishClaimVoucherData }
  | { kind: 'wish.handover'; data: WishHandoverData }
  | { kind: 'wish.poster'; data: WishPosterData };

export type PaperLayout = 'a4' | 'thermal80';
