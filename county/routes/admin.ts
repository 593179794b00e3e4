/**
 * /admin/api: the county web page's JSON API (common/county/admin.ts lists the routes). Every
 * body, query and parameter is parsed with admin.ts's schemas; every answer is parsed with its
 * schema on the way out, so the page never meets a shape it does not know.
 */
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { ADMIN_PREFIX, AdminSession, AdminSignIn, CountyItem, DayCloseRow, DecideItem, EnrollmentIssued, ItemFilter, RejectedEventRow, StationCreate, StationRow } from '../../common/county/admin';
import { describeCatalogueIssue, PublishedCatalogue } from '../../common/catalogue';
import { readNotice } from '../../common/calendar-file';
import { CountyError, type CountyStore } from '../store/types';
import type { RateLimits, RateRule } from '../store-extra/rate-limits';
import { adminOf, clearSessionCookie, readCookie, requireAdmin, SESSION_COOKIE, setSessionCookie } from './session';

/** Five wrong passwords for one login lock it for the rest of a 15-minute window, on every instance. */
export const SIGN_IN_RULE: RateRule = { bucket: 'admin-sign-in', windowMs: 15 * 60_000, limit: 5 };

const StationParams = z.object({ id: z.string().min(1).max(64) });
const ItemParams = z.object({ stationId: z.string().min(1).max(64), intakeId: z.string().min(1).max(100) });
const Seq = z.object({ seq: z.number().int() });

/** Every problem of a catalogue file, each in a sentence a county IT worker can act on. */
export function catalogueProblems(raw: unknown): string[] {
  const parsed = PublishedCatalogue.safeParse(raw);
  if (parsed.success) return [];
  return [...new Set(parsed.error.issues.map((issue) => describeCatalogueIssue(new z.ZodError([issue]), raw)))];
}

function problemsMessage(title: string, problems: readonly string[]): string {
  const shown = problems.slice(0, 8);
  const more = problems.length > shown.length ? `；另有 ${problems.length - shown.length} 处问题` : '';
  return `${title}：${shown.join('；')}${more}`.slice(0, 500);
}

export interface AdminRoutesOptions {
  store: CountyStore;
  limits: RateLimits;
}

export async function adminRoutes(app: FastifyInstance, opts: AdminRoutesOptions): Promise<void> {
  const { store, limits } = opts;
  app.decorateRequest('admin', null);
  const signedIn = { onRequest: requireAdmin(store) };
  const P = ADMIN_PREFIX;

  app.post(`${P}/session`, async (req, reply) => {
    const input = AdminSignIn.parse(req.body);
    const key = `${store.countyId}:${input.login.toLowerCase()}`;
    if ((await limits.count(SIGN_IN_RULE, key)) >= SIGN_IN_RULE.limit) {
      throw new CountyError('RATE_LIMITED', `该账号登录失败次数过多，请 ${limits.minutesLeft(SIGN_IN_RULE)} 分钟后再试`);
    }
    const who = await store.verifyAdmin(input.login, input.password);
    if (!who) {
      const n = await limits.hit(SIGN_IN_RULE, key);
      const left = SIGN_IN_RULE.limit - n;
      throw new CountyError('UNAUTHORIZED', left > 0 ? `登录名或密码不正确（还可尝试 ${left} 次）` : `登录名或密码不正确，该账号已暂停登录 ${limits.minutesLeft(SIGN_IN_RULE)} 分钟`);
    }
    await limits.clear(SIGN_IN_RULE, key);
    const session = await store.openAdminSession(who.login);
    setSessionCookie(req, reply, session.token, session.expiresAt);
    return AdminSession.parse({ login: session.login, name: session.name, csrf: session.csrf });
  });

  // The page asks on load whether its cookie is still good, and gets the CSRF token back.
  app.get(`${P}/session`, signedIn, async (req) => {
    const a = adminOf(req);
    return AdminSession.parse({ login: a.login, name: a.name, csrf: a.csrf });
  });

  app.delete(`${P}/session`, async (req, reply) => {
    // Signing out needs no valid session (an expired one signs out too), but a live one needs the CSRF header.
    const token = readCookie(req, SESSION_COOKIE);
    if (token && (await store.adminSession(token))) {
      await requireAdmin(store)(req);
      await store.closeAdminSession(token);
    }
    clearSessionCookie(req, reply);
    return reply.code(204).send();
  });

  app.get(`${P}/stations`, signedIn, async () => z.array(StationRow).parse(await store.listStations()));

  app.post(`${P}/stations`, signedIn, async (req) => EnrollmentIssued.parse(await store.createStation(StationCreate.parse(req.body))));

  app.post(`${P}/stations/:id/enrollment`, signedIn, async (req) => EnrollmentIssued.parse(await store.newEnrollmentCode(StationParams.parse(req.params).id)));

  app.post(`${P}/stations/:id/revoke`, signedIn, async (req) => StationRow.parse(await store.revokeStation(StationParams.parse(req.params).id)));

  app.get(`${P}/stations/:id/rejected`, signedIn, async (req) => {
    const { id } = StationParams.parse(req.params);
    if (!(await store.station(id))) throw new CountyError('NOT_FOUND', '没有找到该站点');
    return z.array(RejectedEventRow).parse(await store.rejectedEvents(id));
  });

  app.get(`${P}/stations/:id/day-closes`, signedIn, async (req) => {
    const { id } = StationParams.parse(req.params);
    if (!(await store.station(id))) throw new CountyError('NOT_FOUND', '没有找到该站点');
    return z.array(DayCloseRow).parse(await store.dayCloses(id));
  });

  app.get(`${P}/items`, signedIn, async (req) => z.array(CountyItem).parse(await store.listItems(ItemFilter.parse(req.query))));

  app.post(`${P}/items/:stationId/:intakeId/decision`, signedIn, async (req) => {
    const { stationId, intakeId } = ItemParams.parse(req.params);
    const input = DecideItem.parse(req.body);
    return CountyItem.parse(await store.decideItem(stationId, intakeId, input, adminOf(req).name));
  });

  app.post(`${P}/catalogue`, signedIn, async (req) => {
    const problems = catalogueProblems(req.body);
    if (problems.length > 0) throw new CountyError('VALIDATION', problemsMessage('服务清单有误', problems));
    return Seq.parse(await store.publishCatalogue(PublishedCatalogue.parse(req.body)));
  });

  app.post(`${P}/calendar`, signedIn, async (req) => {
    const check = readNotice(JSON.stringify(req.body ?? null));
    if (!check.ok) throw new CountyError('VALIDATION', problemsMessage('节假日安排文件有误', check.errors));
    return Seq.parse(await store.publishCalendar(req.body));
  });
}
