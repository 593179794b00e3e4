/**
 * The 同步 area's calls before the sync worker exists: a reading of what the station really
 * holds (the outbox), always 未登记. The worker (main/sync) replaces this whole module; the
 * merger drops it then, and nothing else imports it but main/station.ts.
 */
import type { ApiPart, ServiceContext } from '../context';
import type { SyncStatus } from '../../common/contracts/sync';
import { AppError } from '../../common/errors';

type SyncCall = 'sync.status' | 'sync.now' | 'sync.enroll' | 'sync.rejected' | 'sync.conflicts' | 'sync.resolveConflict';

const NOT_READY = '本机的同步程序尚未安装，暂时无法登记；办理的业务已保存在本机，登记后会自动上报';

export function createLocalSyncStatus(ctx: Pick<ServiceContext, 'db' | 'auth' | 'machine'>): { api: ApiPart<SyncCall> } {
  const pending = ctx.db.prepare<[], { n: number; oldest: string | null }>('SELECT count(*) AS n, min(occurred_at) AS oldest FROM outbox WHERE acked_at IS NULL');

  function status(): SyncStatus {
    const p = pending.get() ?? { n: 0, oldest: null };
    return {
      state: 'unenrolled',
      countyUrl: ctx.machine.get().countyUrl,
      countyName: null,
      stationId: null,
      enrolledAt: null,
      pending: p.n,
      oldestPendingAt: p.oldest,
      lastPushAt: null,
      lastPullAt: null,
      lastSuccessAt: null,
      lastError: null,
      lastErrorAt: null,
      nextAttemptAt: null,
      progress: null,
      rejectedCount: 0,
      conflictCount: 0,
      clockSkewSeconds: null,
    };
  }

  return {
    api: {
      async 'sync.status'() {
        ctx.auth.require();
        return status();
      },
      async 'sync.now'() {
        ctx.auth.require();
        // nothing to push to before enrollment: the answer is the reading itself
        return status();
      },
      async 'sync.enroll'() {
        ctx.auth.require('sync.manage');
        throw new AppError('UNAVAILABLE', NOT_READY);
      },
      async 'sync.rejected'() {
        ctx.auth.require('sync.manage');
        return [];
      },
      async 'sync.conflicts'() {
        ctx.auth.require('sync.manage');
        return [];
      },
      async 'sync.resolveConflict'() {
        ctx.auth.require('sync.manage');
        throw new AppError('NOT_FOUND', '未找到该冲突记录');
      },
    },
  };
}
