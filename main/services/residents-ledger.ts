/**
 * The 重点服务对象台账 (key-service targets in grid and name order, filtered by tag, grid and
 * age) and its .xlsx export; masked numbers unless a permitted user asks, which is audited.
 * The export's phones are masked too unless the exporter may see full 身份证号
 * (residents.revealId, 站长 and 管理员): a clerk granted only the export gets a list to
 * visit from, not a list of every key target's phone.
 */
import type { ServiceContext, ApiPart } from '../context';
import { AppError } from '../../common/errors';
import type { StaffActor } from '../../common/actor';
import { ageOn, bornOnOrBefore, maskIdNumber, SEX_LABELS } from '../../common/idcard';
import { maskPhone } from '../../common/phone';
import { can } from '../../common/roles';
import { stationDate } from '../../common/time';
import type { KeyTag, LedgerFilter, LedgerRow, TagEntry } from '../../common/contracts/residents';
import type { ResidentRow } from './residents-store';
import { sortTags, summaryOf } from './residents-shared';
import { ledgerWorkbook } from './residents-io';
import { deliverExport, exportStamp } from './xlsx-report';

const EXPORT_LIMIT = 200_000;

type LedgerCalls = 'residents.grids' | 'residents.ledger' | 'residents.exportLedger';

export function createResidentLedger(ctx: ServiceContext, deps: { requireRevealer: (who: StaffActor, what: 'exportLedger', residentId: null) => void }) {
  const { db, clock } = ctx;
  const today = () => stationDate(clock.now());
  const gridList = db.prepare<[], { grid: string }>(
    `WITH RECURSIVE g(grid) AS (
       SELECT min(grid) FROM residents WHERE grid > ''
       UNION ALL
       SELECT (SELECT min(grid) FROM residents WHERE grid > g.grid) FROM g WHERE g.grid IS NOT NULL
     ) SELECT grid FROM g WHERE grid IS NOT NULL`,
  );

  function ledgerWhere(f: LedgerFilter): { where: string; params: Record<string, unknown> } {
    const day = today();
    // key_service = 1 selects the partial index that holds every key-service target in 台账 order
    const clauses = ['r.key_service = 1'];
    const params: Record<string, unknown> = {};
    if ((f.tags ?? []).length > 0) {
      clauses.push('r.rid IN (SELECT rid FROM resident_tags WHERE tag IN (SELECT value FROM json_each(@tags)))');
      params.tags = JSON.stringify(f.tags);
    }
    if (f.grid) {
      clauses.push('r.grid = @grid');
      params.grid = f.grid;
    }
    if (f.ageMin !== undefined) {
      clauses.push('r.birth_date <= @bornBy');
      params.bornBy = bornOnOrBefore(day, f.ageMin);
    }
    if (f.ageMax !== undefined) {
      clauses.push('r.birth_date > @bornAfter');
      params.bornAfter = bornOnOrBefore(day, f.ageMax + 1);
    }
    return { where: clauses.join(' AND '), params };
  }

  function ledgerRows(f: LedgerFilter, limit: number, offset: number): { rows: ResidentRow[]; total: number } {
    const { where, params } = ledgerWhere(f);
    const rows = db
      .prepare<[Record<string, unknown>], ResidentRow>(`SELECT r.* FROM residents r WHERE ${where} ORDER BY r.grid, r.name, r.birth_date LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit, offset });
    const total = db.prepare<[Record<string, unknown>], { n: number }>(`SELECT count(*) AS n FROM residents r WHERE ${where}`).get(params)?.n ?? 0;
    return { rows, total };
  }

  const tagEntriesFor = db.prepare<[string], { rid: number; tag: KeyTag; since: string }>('SELECT rid, tag, since FROM resident_tags WHERE rid IN (SELECT value FROM json_each(?))');
  function tagEntryMap(rows: readonly ResidentRow[]): Map<number, TagEntry[]> {
    const map = new Map<number, TagEntry[]>();
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000);
      for (const t of tagEntriesFor.all(JSON.stringify(chunk.map((r) => r.rid)))) {
        const list = map.get(t.rid) ?? [];
        list.push({ tag: t.tag, since: t.since });
        map.set(t.rid, list);
      }
    }
    for (const [k, v] of map) map.set(k, sortTags(v));
    return map;
  }

  const api: ApiPart<LedgerCalls> = {
    async 'residents.grids'() {
      return gridList.all().map((g) => g.grid);
    },

    async 'residents.ledger'({ filter, page, pageSize }) {
      const day = today();
      const { rows, total } = ledgerRows(filter, pageSize, (page - 1) * pageSize);
      const entries = tagEntryMap(rows);
      const items: LedgerRow[] = rows.map((r) => {
        const e = entries.get(r.rid) ?? [];
        return {
          ...summaryOf(
            r,
            e.map((t) => t.tag),
            day,
          ),
          tagEntries: e,
        };
      });
      return { items, total };
    },

    async 'residents.exportLedger'({ filter, fullIdNumbers }, me) {
      if (fullIdNumbers) deps.requireRevealer(me, 'exportLedger', null);
      const day = today();
      const fullPhones = can(me.role, 'residents.revealId');
      const { rows, total } = ledgerRows(filter, EXPORT_LIMIT, 0);
      if (total > EXPORT_LIMIT) throw new AppError('VALIDATION', `符合条件的有 ${total} 人，超过单次导出上限 ${EXPORT_LIMIT}，请按网格或类别分批导出`);
      const entries = tagEntryMap(rows);
      const parts = [
        (filter.tags ?? []).length > 0 ? `类别：${(filter.tags ?? []).join('、')}` : '类别：全部',
        filter.grid ? `网格：${filter.grid}` : '网格：全部',
        filter.ageMin !== undefined || filter.ageMax !== undefined ? `年龄：${filter.ageMin ?? 0}–${filter.ageMax ?? '以上'}` : '',
        `共 ${rows.length} 人`,
        `导出时间：${day}`,
        fullIdNumbers ? '含完整身份证号，请妥善保管' : '身份证号已脱敏',
        fullPhones ? '含完整联系电话' : '联系电话已脱敏',
      ].filter(Boolean);
      const station = ctx.station.get();
      const buffer = await ledgerWorkbook({
        title: `${station?.name ?? ''}重点服务对象台账`,
        subtitle: parts.join('　'),
        rows: rows.map((r) => {
          const e = entries.get(r.rid) ?? [];
          return {
            name: r.name,
            sex: SEX_LABELS[r.sex],
            birthDate: r.birth_date,
            age: ageOn(r.birth_date, day),
            idNumber: fullIdNumbers ? r.id_number : maskIdNumber(r.id_number),
            phone: r.phone ? (fullPhones ? r.phone : maskPhone(r.phone)) : '',
            address: r.address,
            grid: r.grid,
            tags: e.map((t) => `${t.tag}（${t.since}）`).join('、'),
            notes: r.notes,
          };
        }),
      });
      const now = clock.now();
      return deliverExport(ctx, now, {
        fileName: `重点服务对象台账-${exportStamp(now)}${fullIdNumbers ? '-含身份证号' : ''}.xlsx`,
        buffer,
        rows: rows.length,
        actorId: me.id,
        audit: { action: 'resident.exportLedger', entity: 'resident' },
        detail: { fullIdNumbers, phonesMasked: !fullPhones },
      });
    },
  };
  return { api };
}
