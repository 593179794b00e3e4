/** The county server as the county helper builds it (county/server.ts), on 127.0.0.1:0. */
import { migrate } from '../../county/db/migrate';
import { createCountyServer } from '../../county/server';
import type { Sql } from '../../county/store/types';

export interface BenchCounty {
  url: string;
  /** the county page's 新建站点: the one-time enrollment code */
  createStation(code: string, name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startCountyForBench(sql: Sql): Promise<BenchCounty> {
  // two instances starting together: the migrations' advisory lock lets one of them migrate
  await migrate(sql);
  const { app, store } = await createCountyServer({ sql, countyName: '基准测试县', publicUrl: null, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('county did not listen on a port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    async createStation(code, name) {
      return (await store.createStation({ code, name })).code;
    },
    close: () => app.close(),
  };
}
