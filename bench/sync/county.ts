/** The county server as the county helper builds it (county/server.ts), on 127.0.0.1:0. */
import { migrate } from '../../county/db/migrate';
import { createCountyServer } from '../../county/server';
import type { Sql } from '../../county/store/types';
import { ItemFilter } from '../../common/county/admin';

export interface BenchCounty {
  url: string;
  /** the county page's 新建站点: the station's id and its one-time enrollment code */
  createStation(code: string, name: string): Promise<{ stationId: string; code: string }>;
  /** the county page's 办结 on a forwarded item, once the county holds it; false while it does not */
  complete(stationId: string, intakeId: string): Promise<boolean>;
  held(stationId: string, intakeId: string): Promise<boolean>;
  close(): Promise<void>;
}

export async function startCountyForBench(sql: Sql): Promise<BenchCounty> {
  // two instances starting together: the migrations' advisory lock lets one of them migrate
  await migrate(sql);
  const { app, store } = await createCountyServer({ sql, countyName: '基准测试县', publicUrl: null, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('county did not listen on a port');
  const forwarded = async (stationId: string, intakeId: string) => (await store.listItems(ItemFilter.parse({ stationId, status: 'all' }))).find((i) => i.intakeId === intakeId && i.stationStatus === 'forwarded');
  return {
    url: `http://127.0.0.1:${address.port}`,
    async createStation(code, name) {
      const issued = await store.createStation({ code, name });
      return { stationId: issued.stationId, code: issued.code };
    },
    async held(stationId, intakeId) {
      return (await forwarded(stationId, intakeId)) !== undefined;
    },
    async complete(stationId, intakeId) {
      const item = await forwarded(stationId, intakeId);
      if (!item) return false;
      await store.decideItem(stationId, intakeId, { decision: 'completed', result: '已办结，请到站点领取', basedOnVersion: item.stationVersion }, '基准测试');
      return true;
    },
    close: () => app.close(),
  };
}
