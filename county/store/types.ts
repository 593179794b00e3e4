/**
 * The county server's storage seams, shared by the /v1 routes (county/server.ts) and the
 * county web page's /admin/api routes (county/web). Everything lives in PostgreSQL — no
 * state in the process — so several instances can serve one database (DESIGN.md §5).
 */
import type { PublishedCatalogue } from '../../common/catalogue';
import type { CountyWish, WishFilter } from '../../common/county/wishes';
import type { CountyItem, CountyReliefCase, DecideItem, DecideRelief, StationRow } from '../../common/county/admin';
import type * as z from 'zod';
import type { DayCloseRow as DayCloseRowSchema, ItemFilter as ItemFilterSchema, RejectedEventRow as RejectedEventRowSchema, EnrollmentIssued as EnrollmentIssuedSchema, StationCreate as StationCreateSchema } from '../../common/county/admin';
import type { DayCloseRequest, DayCloseResponse, EnrollRequest, EnrollResponse, ProtocolErrorCode, PublicProgress, PullResponse, PushResponse } from '../../common/county/protocol';

export type Row = Record<string, unknown>;

/** One PostgreSQL connection or transaction: parameterised statements ($1, $2 …). */
export interface Queryable {
  /** Rows with int8 as number and timestamptz as an ISO string, the same on both backends. */
  query<T extends object = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

/**
 * PostgreSQL in one dialect, two backends: embedded PGlite (one connection, transactions
 * serialised) and a real server through a pg Pool (DATABASE_URL).
 */
export interface Sql extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** One transaction (READ COMMITTED); rolled back when fn throws. A tx inside fn's q joins it. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Clock {
  now(): Date;
}

/** A refusal with a protocol error code and a Chinese message; routes turn it into an ErrorBody. */
export class CountyError extends Error {
  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
    readonly status: number = STATUS_OF[code],
  ) {
    super(message);
    this.name = 'CountyError';
  }
}

export const STATUS_OF: Record<ProtocolErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UNSUPPORTED: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export type StationCreate = z.output<typeof StationCreateSchema>;
export type EnrollmentIssued = z.output<typeof EnrollmentIssuedSchema>;
export type RejectedEventRow = z.output<typeof RejectedEventRowSchema>;
export type DayCloseRow = z.output<typeof DayCloseRowSchema>;
export type ItemFilter = z.output<typeof ItemFilterSchema>;

/** A county staff member, as verifyAdmin and a session answer. */
export interface AdminIdentity {
  login: string;
  name: string;
}

/** A signed-in admin's session: the cookie carries `token`; the store keeps only its hash. */
export interface AdminSessionIssued extends AdminIdentity {
  token: string;
  csrf: string;
  expiresAt: string;
}

/** What the county web page needs (countyweb builds /admin/api on it). */
export interface CountyStore {
  readonly countyId: number;
  readonly countyName: string;

  /** A new station, pending, with its first one-time enrollment code (shown once, kept hashed). CONFLICT for a code already used. */
  createStation(input: StationCreate): Promise<EnrollmentIssued>;
  /** A fresh code for a station (re-enrollment): the old code stops working; the old token is replaced when the new code is used. */
  newEnrollmentCode(stationId: string): Promise<EnrollmentIssued>;
  /** The station's token stops working at once (401); its events stay. */
  revokeStation(stationId: string): Promise<StationRow>;
  listStations(): Promise<StationRow[]>;
  station(stationId: string): Promise<StationRow | null>;
  rejectedEvents(stationId: string): Promise<RejectedEventRow[]>;
  dayCloses(stationId: string): Promise<DayCloseRow[]>;

  listItems(filter: ItemFilter): Promise<CountyItem[]>;
  /** Adds an intake.decision to that station's feed and to the item; NOT_FOUND for an unknown item. */
  decideItem(stationId: string, intakeId: string, input: DecideItem, adminName: string): Promise<CountyItem>;
  /** A catalogue.version item in every station's feed (the body checked with PublishedCatalogue). */
  publishCatalogue(catalogue: PublishedCatalogue): Promise<{ seq: number }>;
  /** A calendar.year item in every station's feed; the notice is checked with common/calendar-file.ts (VALIDATION lists the problems). */
  publishCalendar(notice: unknown): Promise<{ seq: number }>;

  /** A county staff member with a one-time password (returned once, kept as a scrypt hash). CONFLICT for a login in use. */
  createAdmin(login: string, name: string): Promise<{ login: string; name: string; password: string }>;
  verifyAdmin(login: string, password: string): Promise<AdminIdentity | null>;
  /** Sessions live in PostgreSQL so any instance behind the load balancer accepts them. */
  openAdminSession(login: string): Promise<AdminSessionIssued>;
  adminSession(token: string): Promise<(AdminIdentity & { csrf: string }) | null>;
  closeAdminSession(token: string): Promise<void>;

  /** Forwarded 社会救助 cases with their household summary (county/store/relief.ts). */
  listRelief(filter: { stationId?: string | undefined; status: 'forwarded' | 'decided' | 'all'; limit: number }): Promise<CountyReliefCase[]>;
  /** Adds a relief.decision to that station's feed; CONFLICT when the station changed the case since the version decided on. */
  decideRelief(stationId: string, caseId: string, input: DecideRelief, adminName: string): Promise<CountyReliefCase>;
  /** A relief.standard item (the local 低保 standard) in every station's feed. */
  publishReliefStandard(standard: unknown): Promise<{ seq: number }>;
  /** 微心愿: each station's wishes with their steps, read only (county/store/wishes.ts). */
  listWishes(filter: WishFilter): Promise<CountyWish[]>;

  /** The resident's view; null for an unknown receipt and for a wrong check code alike. */
  publicProgress(receiptNo: string, checkCode: string): Promise<PublicProgress | null>;
}

/** An enrolled station, as its token identifies it. */
export interface AuthedStation {
  id: string;
  code: string;
  name: string;
}

/** What the /v1 routes need. Bodies arrive already parsed with protocol.ts's schemas. */
export interface SyncStore {
  enroll(input: EnrollRequest): Promise<EnrollResponse>;
  /** UNAUTHORIZED for an unknown or revoked token. */
  authenticate(token: string): Promise<AuthedStation>;
  /** `events` are the request's raw events: each is checked on its own (INVALID is a verdict, not a 400). */
  push(station: AuthedStation, batch: { events: readonly unknown[]; auditHead: { seq: number; hash: string }; backlog: number }): Promise<PushResponse>;
  pull(station: AuthedStation, after: number, limit: number): Promise<PullResponse>;
  dayClose(station: AuthedStation, input: DayCloseRequest): Promise<DayCloseResponse>;
}

export type Store = CountyStore & SyncStore;

export interface StoreOptions {
  countyName: string;
  clock: Clock;
  /** how long an enrollment code stays valid (default 7 days) */
  enrollmentTtlMs?: number;
  /** how long an admin session lasts (default 8 hours) */
  adminSessionTtlMs?: number;
}
