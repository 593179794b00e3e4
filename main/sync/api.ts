/**
 * The 同步 area's calls (common/contracts/sync.ts) over the worker. Access is declared in the
 * contract and checked once in dispatch; these get the caller.
 */
import type { ApiPart } from '../context';
import type { MachineSettingsService } from '../services/settings';
import type { Write } from '../db/write';
import type { Db } from '../db/open';
import type { syncCalls } from '../../common/contracts/sync';
import { AppError } from '../../common/errors';
import { checkCountyUrl } from './http-target';
import { TargetError } from './target';
import type { SyncWorker } from './worker';

export function createSyncApi(worker: SyncWorker, deps: { db: Db; machine: MachineSettingsService; write: Write }): ApiPart<keyof typeof syncCalls> {
  return {
    async 'sync.status'() {
      return worker.status();
    },
    async 'sync.now'() {
      await worker.runOnce();
      return worker.status();
    },
    async 'sync.enroll'({ countyUrl, code }, me) {
      try {
        checkCountyUrl(countyUrl);
      } catch (err) {
        if (err instanceof TargetError) throw new AppError('VALIDATION', err.message, { countyUrl: err.message });
        throw err;
      }
      const url = countyUrl.replace(/\/+$/, '');
      const wasEnrolled = worker.store.state().station_id !== null;
      const res = await worker.enroll(url, code);
      deps.machine.update({ countyUrl: url });
      deps.write((tx) => {
        tx.note({ actorId: me.id, action: 'sync.enroll', entity: 'sync', entityId: res.stationId, detail: { countyName: res.countyName, stationCode: res.stationCode, reenrolled: wasEnrolled } });
      });
      // the first round goes at once; the answer does not wait for a long backlog
      void worker.runOnce();
      return worker.status();
    },
    async 'sync.decisions'({ limit }) {
      return deps.db
        .prepare<[number], { intakeId: string; receiptNo: string; itemName: string; residentName: string; status: string; decision: 'accepted' | 'completed' | 'returned'; department: string | null; result: string | null; reason: string | null; decidedAt: string; decidedBy: string }>(
          `SELECT id AS intakeId, receipt_no AS receiptNo, item_name AS itemName, resident_name AS residentName, status, county_decision AS decision, county_department AS department,
             county_result AS result, county_reason AS reason, county_decided_at AS decidedAt, coalesce(county_decided_by, '') AS decidedBy
           FROM intake_records WHERE county_decided_at IS NOT NULL ORDER BY county_decided_at DESC LIMIT ?`,
        )
        .all(limit);
    },
    async 'sync.rejected'() {
      return worker.store.rejected();
    },
    async 'sync.conflicts'({ includeResolved }) {
      return worker.store.conflicts(includeResolved);
    },
    async 'sync.resolveConflict'({ id, resolution }, me) {
      const done = deps.write((tx) => {
        const c = worker.store.conflict(id);
        if (!c) throw new AppError('NOT_FOUND', '未找到该冲突记录');
        if (c.resolvedAt) throw new AppError('CONFLICT', '该冲突已处理过');
        worker.store.resolve(id, me.id, resolution);
        tx.note({ actorId: me.id, action: 'sync.resolveConflict', entity: 'sync', entityId: id, detail: { kind: c.kind, entity: c.entity, entityId: c.entityId } });
        return worker.store.conflict(id)!;
      });
      return done;
    },
  };
}
