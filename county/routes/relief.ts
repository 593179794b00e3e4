/**
 * /admin/api/relief: the county page's 社会救助 tab — forwarded cases with their household
 * summary, the decision (approve with amount and start month, or refuse with reasons), and
 * the local 低保 standard published to every station. Bodies and answers parsed with
 * common/county/admin.ts's schemas.
 */
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { ADMIN_PREFIX, CountyReliefCase, DecideRelief, PublishReliefStandard, ReliefFilter } from '../../common/county/admin';
import type { CountyStore } from '../store/types';
import { adminOf, requireAdmin } from './session';

const CaseParams = z.object({ stationId: z.string().min(1).max(64), caseId: z.string().min(1).max(100) });

export async function reliefRoutes(app: FastifyInstance, opts: { store: CountyStore }): Promise<void> {
  const { store } = opts;
  // the admin routes' decoration is theirs (an encapsulated plugin): this one declares its own
  if (!app.hasRequestDecorator('admin')) app.decorateRequest('admin', null);
  const signedIn = { onRequest: requireAdmin(store) };
  const P = `${ADMIN_PREFIX}/relief`;

  app.get(P, signedIn, async (req) => z.array(CountyReliefCase).parse(await store.listRelief(ReliefFilter.parse(req.query))));

  app.post(`${P}/:stationId/:caseId/decision`, signedIn, async (req) => {
    const { stationId, caseId } = CaseParams.parse(req.params);
    return CountyReliefCase.parse(await store.decideRelief(stationId, caseId, DecideRelief.parse(req.body), adminOf(req).name));
  });

  app.post(`${P}/standard`, signedIn, async (req) => z.object({ seq: z.number().int() }).parse(await store.publishReliefStandard(PublishReliefStandard.parse(req.body))));
}
