/**
 * Everything the county serves besides /v1: the admin API (/admin/api), the county web page
 * (/admin/), and the residents' progress page (/p). The server registers it with one line.
 */
import type { FastifyInstance } from 'fastify';
import type { Clock, CountyStore, Sql } from '../store/types';
import { migrateWeb, rateLimits } from '../store-extra/rate-limits';
import { adminRoutes } from './admin';
import { reliefRoutes } from './relief';
import { wishRoutes } from './wishes';
import { publicPage } from './public-page';
import { webStatic } from './web-static';

export interface CountyWebOptions {
  store: CountyStore;
  sql: Sql;
  clock: Clock;
  /** the built page's folder; default: findWebRoot() */
  webRoot?: string | null;
}

export async function countyWeb(app: FastifyInstance, opts: CountyWebOptions): Promise<void> {
  await migrateWeb(opts.sql);
  const limits = rateLimits(opts.sql, opts.clock);
  await app.register(adminRoutes, { store: opts.store, limits });
  await app.register(reliefRoutes, { store: opts.store });
  await app.register(wishRoutes, { store: opts.store });
  await app.register(publicPage, { store: opts.store, limits });
  await app.register(webStatic, { webRoot: opts.webRoot });
}
