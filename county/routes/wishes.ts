/**
 * /admin/api/wishes: the county page's read-only list of each station's 微心愿 and their
 * steps (common/county/wishes.ts). Signed-in county staff only; nothing here changes a wish.
 */
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { ADMIN_PREFIX } from '../../common/county/admin';
import { CountyWish, WishFilter } from '../../common/county/wishes';
import type { CountyStore } from '../store/types';
import { requireAdmin } from './session';

export async function wishRoutes(app: FastifyInstance, opts: { store: CountyStore }): Promise<void> {
  const { store } = opts;
  app.get(`${ADMIN_PREFIX}/wishes`, { onRequest: requireAdmin(store) }, async (req) => z.array(CountyWish).parse(await store.listWishes(WishFilter.parse(req.query))));
}
