/**
 * Applying a page of the county's feed: all of it and the new cursor in one transaction, so
 * a crash at any moment leaves either the whole page applied with its cursor or neither.
 * Each item runs through the station's own services with the county as the actor; an item
 * that cannot be applied (a decision on a record the station changed since the county saw
 * it, a list or notice that fails the station's checks) is kept as a conflict, never dropped
 * and never applied over the station's change.
 */
import type { Db } from '../db/open';
import type { Write } from '../db/write';
import type { Clock } from '../clock';
import { savepoint } from '../db/savepoint';
import { countyActor } from '../context';
import type { Intake } from '../services/intake';
import type { Catalogue } from '../services/catalogue';
import type { Calendar } from '../services/calendar';
import type { Relief } from '../services/relief';
import type { FeedItem, IntakeDecision, PullResponse } from '../../common/county/protocol';
import { AppError } from '../../common/errors';
import type { SyncStore } from './store';

export interface FeedServices {
  intake: Pick<Intake, 'assign' | 'transition'>;
  catalogue: Pick<Catalogue, 'importVersion'>;
  calendar: Pick<Calendar, 'load'>;
  relief: Pick<Relief, 'decide' | 'loadStandard' | 'head'>;
}

interface CountyCols {
  version: number;
  receipt_no: string;
  county_version: number | null;
  county_based_on: number | null;
}

export function decisionSummary(d: IntakeDecision): string {
  if (d.decision === 'accepted') return `县级受理，承办部门：${d.department ?? '（未写明）'}`;
  if (d.decision === 'completed') return `县级办结：${d.result ?? ''}`;
  return `县级退回：${d.reason ?? ''}`;
}

export function createFeedApplier(db: Db, write: Write, clock: Clock, store: SyncStore, services: FeedServices) {
  const cols = db.prepare<[string], CountyCols>('SELECT version, receipt_no, county_version, county_based_on FROM intake_records WHERE id = ?');
  const record = db.prepare(
    `UPDATE intake_records SET county_decision = @decision, county_department = @department, county_result = @result, county_reason = @reason,
       county_decided_at = @decidedAt, county_decided_by = @decidedBy, county_based_on = @basedOn WHERE id = @id`,
  );
  const versionAfter = db.prepare<[string]>('UPDATE intake_records SET county_version = version WHERE id = ?');

  function decision(item: Extract<FeedItem, { kind: 'intake.decision' }>): void {
    const d = item.body;
    const now = cols.get(d.intakeId);
    const conflict = (stationVersion: number, why: string | null) =>
      store.addConflict({ id: `feed-${item.seq}`, feedSeq: item.seq, kind: item.kind, entity: 'intake', entityId: d.intakeId, label: d.receiptNo, summary: why ? `${decisionSummary(d)}（未能办理：${why}）` : decisionSummary(d), body: d, basedOnVersion: d.basedOnVersion, stationVersion });
    if (!now) return conflict(0, '本站没有该事项');
    // Only the county's own last step may stand between the version it saw and now.
    const fresh = d.basedOnVersion === now.version || (now.county_version === now.version && now.county_based_on !== null && d.basedOnVersion >= now.county_based_on);
    if (!fresh) return conflict(now.version, null);
    try {
      savepoint(db, () => {
        const basedOn = d.basedOnVersion === now.version ? now.version : now.county_based_on;
        record.run({ id: d.intakeId, decision: d.decision, department: d.department, result: d.result, reason: d.reason, decidedAt: d.decidedAt, decidedBy: d.decidedBy, basedOn });
        const actor = countyActor(d.decidedBy || '县级部门');
        if (d.decision === 'accepted') services.intake.assign({ id: d.intakeId, version: now.version, department: d.department ?? '' }, actor);
        else if (d.decision === 'completed') services.intake.transition({ id: d.intakeId, to: 'completed', version: now.version, result: d.result ?? '' }, actor);
        else services.intake.transition({ id: d.intakeId, to: 'returned', version: now.version, reason: d.reason ?? '' }, actor);
        versionAfter.run(d.intakeId);
      });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      conflict(now.version, err.message);
    }
  }

  /** A county decision on a forwarded relief case: applied only to the version it was taken on. */
  function reliefDecision(item: Extract<FeedItem, { kind: 'relief.decision' }>): void {
    const d = item.body;
    const now = services.relief.head(d.caseId);
    const summary = d.decision === 'approved' ? `县级批准救助：${((d.amountFen ?? 0) / 100).toFixed(2)} 元/月，${d.startMonth ?? ''} 起` : `县级不予批准：${d.reasons ?? ''}`;
    const conflict = (stationVersion: number, why: string | null) =>
      store.addConflict({ id: `feed-${item.seq}`, feedSeq: item.seq, kind: item.kind, entity: 'relief_case', entityId: d.caseId, label: d.caseNo, summary: why ? `${summary}（未能办理：${why}）` : summary, body: d, basedOnVersion: d.basedOnVersion, stationVersion });
    if (!now) return conflict(0, '本站没有该救助案件');
    if (now.version !== d.basedOnVersion) return conflict(now.version, '县级审批后本站又修改了该案件');
    try {
      savepoint(db, () => services.relief.decide(d, countyActor(d.decidedBy || '县级民政部门')));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      conflict(now.version, err.message);
    }
  }

  function reliefStandard(item: Extract<FeedItem, { kind: 'relief.standard' }>): void {
    savepoint(db, () => services.relief.loadStandard(item.body));
  }

  function published(item: Extract<FeedItem, { kind: 'catalogue.version' | 'calendar.year' }>): void {
    try {
      savepoint(db, () => {
        if (item.kind === 'catalogue.version') services.catalogue.importVersion(item.body, 'county');
        else services.calendar.load(JSON.stringify(item.body), { origin: 'county', actorId: null });
      });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const what = item.kind === 'catalogue.version' ? '县级服务清单' : '县级节假日安排';
      store.addConflict({ id: `feed-${item.seq}`, feedSeq: item.seq, kind: item.kind, entity: item.kind === 'catalogue.version' ? 'catalogue_version' : 'calendar', entityId: String(item.seq), label: what, summary: `${what}未能载入：${err.message}`, body: item.body, basedOnVersion: 0, stationVersion: 0 });
    }
  }

  /** The page and its cursor, together; a page that goes backwards is refused whole. */
  return function applyPage(page: PullResponse, after: number): void {
    let last = after;
    for (const item of page.items) {
      if (item.seq <= last) throw new AppError('VALIDATION', '县级平台的答复顺序不对（序号没有递增），未作处理');
      last = item.seq;
    }
    if (page.cursor < last) throw new AppError('VALIDATION', '县级平台的答复游标落后于内容，未作处理');
    write(() => {
      for (const item of page.items) {
        if (item.kind === 'intake.decision') decision(item);
        else if (item.kind === 'relief.decision') reliefDecision(item);
        else if (item.kind === 'relief.standard') reliefStandard(item);
        else published(item);
      }
      store.setCursor(page.cursor);
      db.prepare('UPDATE sync_state SET last_pull_at = ? WHERE id = 1').run(clock.now().toISOString());
    });
  };
}
