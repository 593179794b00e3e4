/**
 * The page's one data module: every call to /admin/api, each answer parsed with its schema
 * from common/county/admin.ts. A failure becomes an ApiError with a Chinese message; the
 * page never shows anything else (no stack, no raw body).
 */
import * as z from 'zod';
import { ADMIN_PREFIX, AdminSession, CountyItem, CountyReliefCase, CSRF_HEADER, DayCloseRow, EnrollmentIssued, RejectedEventRow, StationRow, type DecideItem, type DecideRelief } from '../../../common/county/admin';
import { ErrorBody, type ProtocolErrorCode, type ReliefStandard } from '../../../common/county/protocol';
import { CountyWish } from '../../../common/county/wishes';
import { S } from './strings';

export class ApiError extends Error {
  constructor(
    readonly code: ProtocolErrorCode | 'NETWORK',
    message: string,
  ) {
    super(message);
  }
}

let csrf = '';
let onSignedOut: () => void = () => undefined;

/** The shell hears of an expired session from any call, and shows the sign-in screen. */
export function whenSignedOut(fn: () => void): void {
  onSignedOut = fn;
}

async function request<T>(schema: z.ZodType<T>, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== 'GET' && csrf) headers[CSRF_HEADER] = csrf;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${ADMIN_PREFIX}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError('NETWORK', S.unreachable);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const err = ErrorBody.safeParse(json);
    const code = err.success ? err.data.error.code : res.status >= 500 ? 'INTERNAL' : 'VALIDATION';
    if (res.status === 401 && path !== '/session') onSignedOut();
    throw new ApiError(code, err.success ? err.data.error.message : S.unreachable);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError('INTERNAL', S.unexpected);
  return parsed.data;
}

const Seq = z.object({ seq: z.number().int() });
const Nothing = z.unknown();

export const api = {
  async currentSession(): Promise<AdminSession | null> {
    try {
      const s = await request(AdminSession, 'GET', '/session');
      csrf = s.csrf;
      return s;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'UNAUTHORIZED') return null;
      throw e;
    }
  },
  async signIn(login: string, password: string): Promise<AdminSession> {
    const s = await request(AdminSession, 'POST', '/session', { login, password });
    csrf = s.csrf;
    return s;
  },
  async signOut(): Promise<void> {
    await request(Nothing, 'DELETE', '/session');
    csrf = '';
  },
  stations: () => request(z.array(StationRow), 'GET', '/stations'),
  createStation: (code: string, name: string) => request(EnrollmentIssued, 'POST', '/stations', { code, name }),
  newEnrollmentCode: (id: string) => request(EnrollmentIssued, 'POST', `/stations/${encodeURIComponent(id)}/enrollment`),
  revokeStation: (id: string) => request(StationRow, 'POST', `/stations/${encodeURIComponent(id)}/revoke`),
  rejected: (id: string) => request(z.array(RejectedEventRow), 'GET', `/stations/${encodeURIComponent(id)}/rejected`),
  dayCloses: (id: string) => request(z.array(DayCloseRow), 'GET', `/stations/${encodeURIComponent(id)}/day-closes`),
  items(filter: { stationId?: string; status: 'open' | 'forwarded' | 'decided' | 'all'; overdue?: boolean }) {
    const q = new URLSearchParams({ status: filter.status, limit: '500' });
    if (filter.stationId) q.set('stationId', filter.stationId);
    if (filter.overdue !== undefined) q.set('overdue', String(filter.overdue));
    return request(z.array(CountyItem), 'GET', `/items?${q}`);
  },
  decide: (item: CountyItem, input: DecideItem) => request(CountyItem, 'POST', `/items/${encodeURIComponent(item.stationId)}/${encodeURIComponent(item.intakeId)}/decision`, input),
  publishCatalogue: (catalogue: unknown) => request(Seq, 'POST', '/catalogue', catalogue),
  publishCalendar: (notice: unknown) => request(Seq, 'POST', '/calendar', notice),
  reliefCases: (status: 'forwarded' | 'decided' | 'all') => request(z.array(CountyReliefCase), 'GET', `/relief?${new URLSearchParams({ status, limit: '500' })}`),
  decideRelief: (c: CountyReliefCase, input: DecideRelief) => request(CountyReliefCase, 'POST', `/relief/${encodeURIComponent(c.stationId)}/${encodeURIComponent(c.caseId)}/decision`, input),
  publishReliefStandard: (input: ReliefStandard) => request(Seq, 'POST', '/relief/standard', input),
  /** 微心愿 (read only): each station's wishes with their steps */
  wishes(filter: { stationId?: string; status?: string }) {
    const q = new URLSearchParams({ limit: '500' });
    if (filter.stationId) q.set('stationId', filter.stationId);
    if (filter.status) q.set('status', filter.status);
    return request(z.array(CountyWish), 'GET', `/wishes?${q}`);
  },
};

export function messageOf(e: unknown): string {
  return e instanceof ApiError ? e.message : S.unexpected;
}
