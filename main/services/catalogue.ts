/**
 * 社区服务清单 service catalogue.
 *
 * Versioning — why a version per change, holding only the items it changed:
 * every change (the shipped seed, one edit by the station head, one list pushed by the
 * county) is a row in catalogue_versions with a rising number, and writes a new
 * revision row only for the items it touched (a retirement is a revision too, flagged
 * retired). An item as of version V is its revision with the greatest version <= V.
 * So the whole catalogue at any past version can be read back, an intake record needs
 * only (code, version) to find exactly what the resident was told, nothing is ever
 * updated in place (the tables are append-only), and an edit costs one row instead of
 * a copy of the whole list. A county list is authoritative for every item the county
 * or the seed ever published: items it no longer lists are retired, items the station
 * added itself are left alone, and the station's own edits to a county item give way
 * to the county's next version (the county owns its list, DESIGN.md §5).
 */
import { createHash } from 'node:crypto';
import type { ServiceContext, ApiPart } from '../context';
import type { Tx } from '../db/write';
import type { catalogueCalls } from '../../common/contracts/catalogue';
import {
  CATEGORY_CODE_PREFIX,
  PublishedCatalogue,
  compareItems,
  describeCatalogueIssue,
  searchItems,
  type CatalogueItem,
  type CatalogueVersion,
  type Category,
  type ItemFields,
  type VersionSource,
} from '../../common/catalogue';
import { AppError } from '../../common/errors';
import { stationDate } from '../../common/time';
import type { StaffActor } from '../../common/actor';
import { log } from '../log';
import { FIELD_LABELS, changedFields, fieldsOf, loadSeed, pinyinOf, seedPath, toItem, toVersion, type ItemRow, type VersionRow } from './catalogue-rows';

export { pinyinOf, seedPath, loadSeed } from './catalogue-rows';
export function createCatalogue(ctx: ServiceContext) {
  const { db, clock, write } = ctx;

  const q = {
    maxVersion: db.prepare<[], { v: number | null }>('SELECT MAX(id) AS v FROM catalogue_versions'),
    version: db.prepare<[number], VersionRow>(
      'SELECT v.*, s.name AS created_by_name FROM catalogue_versions v LEFT JOIN staff s ON s.id = v.created_by WHERE v.id = ?',
    ),
    versions: db.prepare<[], VersionRow>('SELECT v.*, s.name AS created_by_name FROM catalogue_versions v LEFT JOIN staff s ON s.id = v.created_by ORDER BY v.id DESC'),
    bySourceLabel: db.prepare<[VersionSource, string], VersionRow>(
      'SELECT v.*, NULL AS created_by_name FROM catalogue_versions v WHERE v.source = ? AND v.label = ?',
    ),
    asOf: db.prepare<[number], ItemRow>(
      `SELECT i.* FROM catalogue_items i
       WHERE i.version_id = (SELECT MAX(j.version_id) FROM catalogue_items j WHERE j.code = i.code AND j.version_id <= ?)`,
    ),
    itemAt: db.prepare<[string, number], ItemRow>('SELECT * FROM catalogue_items WHERE code = ? AND version_id <= ? ORDER BY version_id DESC LIMIT 1'),
    codeExists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM catalogue_items WHERE code = ? LIMIT 1'),
    codesLike: db.prepare<[string], { code: string }>('SELECT DISTINCT code FROM catalogue_items WHERE code LIKE ?'),
    /** the source of the version that first published a code: 'station' means the station added it */
    originOf: db.prepare<[string], { source: VersionSource }>(
      'SELECT v.source FROM catalogue_items i JOIN catalogue_versions v ON v.id = i.version_id WHERE i.code = ? ORDER BY i.version_id LIMIT 1',
    ),
    lastBase: db.prepare<[], { id: number; label: string }>("SELECT id, label FROM catalogue_versions WHERE source <> 'station' ORDER BY id DESC LIMIT 1"),
    stationSince: db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM catalogue_versions WHERE source = 'station' AND id > ?"),
    insertVersion: db.prepare(
      `INSERT INTO catalogue_versions (label, source, published_at, summary, item_count, content_hash, created_at, created_by)
       VALUES (@label, @source, @published_at, @summary, @item_count, @content_hash, @created_at, @created_by)`,
    ),
    insertItem: db.prepare(
      `INSERT INTO catalogue_items (code, version_id, name, category, department, materials, time_limit_unit, time_limit_value,
         forwarded, notes, conditions, retired, retired_reason, pinyin_initials, pinyin_full, created_at)
       VALUES (@code, @version_id, @name, @category, @department, @materials, @time_limit_unit, @time_limit_value,
         @forwarded, @notes, @conditions, @retired, @retired_reason, @pinyin_initials, @pinyin_full, @created_at)`,
    ),
  };

  function maxVersion(): number {
    return q.maxVersion.get()?.v ?? 0;
  }

  // ---- writing ----------------------------------------------------------------

  function insertVersion(v: { label: string; source: VersionSource; publishedAt: string; summary: string; itemCount: number; contentHash?: string | null; createdBy: string | null }): number {
    const info = q.insertVersion.run({
      label: v.label,
      source: v.source,
      published_at: v.publishedAt,
      summary: v.summary,
      item_count: v.itemCount,
      content_hash: v.contentHash ?? null,
      created_at: clock.now().toISOString(),
      created_by: v.createdBy,
    });
    return Number(info.lastInsertRowid);
  }

  function insertItem(code: string, versionId: number, f: ItemFields, retired: { reason: string } | null): ItemRow {
    const py = pinyinOf(f.name);
    q.insertItem.run({
      code,
      version_id: versionId,
      name: f.name,
      category: f.category,
      department: f.department,
      materials: JSON.stringify(f.materials),
      time_limit_unit: f.timeLimit.unit,
      time_limit_value: f.timeLimit.unit === 'immediate' ? null : f.timeLimit.value,
      forwarded: f.forwarded ? 1 : 0,
      notes: f.notes ?? null,
      conditions: f.conditions ? JSON.stringify(f.conditions) : null,
      retired: retired ? 1 : 0,
      retired_reason: retired?.reason ?? null,
      pinyin_initials: py.initials,
      pinyin_full: py.full,
      created_at: clock.now().toISOString(),
    });
    return q.itemAt.get(code, versionId)!;
  }

  /**
   * Writes a whole published list (the seed, or a county version) as one new version.
   * The caller holds the transaction; the audit entry goes into it too.
   */
  function publish(tx: Tx, list: PublishedCatalogue, source: 'seed' | 'county', actorId: string | null): { version: CatalogueVersion; created: boolean } {
    const hash = createHash('sha256').update(JSON.stringify(list)).digest('hex');
    const existing = q.bySourceLabel.get(source, list.version);
    if (existing) {
      // A push repeated after a lost answer is the same list: accept it once, quietly.
      if (existing.content_hash === hash) return { version: toVersion(q.version.get(existing.id)!), created: false };
      throw new AppError('CONFLICT', `县级服务清单版本“${list.version}”已导入过，但本次内容与之前不同，请县级平台更换版本号后重新下发`);
    }
    const current = new Map(q.asOf.all(maxVersion()).map((r) => [r.code, toItem(r)]));
    const listed = new Set(list.items.map((i) => i.code));
    const writes: { code: string; fields: ItemFields; retired: { reason: string } | null }[] = [];
    let added = 0;
    let changed = 0;
    let retired = 0;
    for (const item of list.items) {
      const { code, ...fields } = item;
      const prev = current.get(code);
      if (!prev) added += 1;
      else if (prev.retired || changedFields(fieldsOf(prev), fields).length > 0) changed += 1;
      else continue;
      writes.push({ code, fields, retired: null });
    }
    for (const prev of current.values()) {
      if (prev.retired || listed.has(prev.code)) continue;
      if (q.originOf.get(prev.code)?.source === 'station') continue;
      retired += 1;
      writes.push({ code: prev.code, fields: fieldsOf(prev), retired: { reason: `县级清单 ${list.version} 已不再包含此事项` } });
    }
    const inForce = new Map([...current.values()].map((i) => [i.code, !i.retired]));
    for (const w of writes) inForce.set(w.code, w.retired === null);
    const liveAfter = [...inForce.values()].filter(Boolean).length;
    const summary = source === 'seed' ? list.source : `${list.source}：新增 ${added} 项，修改 ${changed} 项，停用 ${retired} 项`;
    const versionId = insertVersion({ label: list.version, source, publishedAt: list.publishedAt, summary, itemCount: liveAfter, contentHash: hash, createdBy: actorId });
    for (const w of writes) insertItem(w.code, versionId, w.fields, w.retired);
    const version = toVersion(q.version.get(versionId)!);
    tx.change({
      actorId,
      action: source === 'seed' ? 'catalogue_version.seed' : 'catalogue_version.import',
      entity: 'catalogue_version',
      entityId: String(versionId),
      op: 'create',
      snapshot: { ...version, items: writes },
      // 'updated', not 'changed': elsewhere 'changed' lists field names, here it is a count
      detail: { label: list.version, source, items: liveAfter, added, updated: changed, retired },
    });
    return { version, created: true };
  }

  let seeded = false;
  /**
   * Loads the shipped list the first time the catalogue is used. Not at startup: a
   * damaged seed file must not keep the rest of the station from opening, and the
   * station's audit log begins with its setup, not with the catalogue.
   */
  function ensureSeeded(): void {
    if (seeded) return;
    if (maxVersion() === 0) {
      const list = loadSeed(seedPath(ctx.resourcesDir));
      write((tx) => {
        if (maxVersion() === 0) publish(tx, list, 'seed', null);
      });
      log.info('catalogue seeded', { version: list.version, items: list.items.length });
    }
    seeded = true;
  }

  function nextStationLabel(): string {
    const base = q.lastBase.get();
    const n = (q.stationSince.get(base?.id ?? 0)?.n ?? 0) + 1;
    return `${base?.label ?? '本站'}-本站修订${n}`;
  }

  function liveItems(): CatalogueItem[] {
    return q.asOf
      .all(maxVersion())
      .map(toItem)
      .filter((i) => !i.retired);
  }

  function refuseDuplicateName(name: string, exceptCode: string | null): void {
    const clash = liveItems().find((i) => i.name === name && i.code !== exceptCode);
    if (clash) throw new AppError('CONFLICT', `已有同名事项“${name}”（${clash.code}）`, { 'fields.name': `已有同名事项（${clash.code}）` });
  }

  /** The item's newest revision, checked against the revision the form was opened on. */
  function latestFor(code: string, revision: number): CatalogueItem {
    const row = q.itemAt.get(code, maxVersion());
    if (!row) throw new AppError('NOT_FOUND', `未找到编码为 ${code} 的服务事项`);
    if (row.version_id !== revision) throw new AppError('CONFLICT', `事项“${row.name}”已被他人修改，请刷新后再操作`);
    return toItem(row);
  }

  function nextCode(category: Category): string {
    const prefix = CATEGORY_CODE_PREFIX[category];
    let max = 0;
    for (const { code } of q.codesLike.all(`${prefix}-%`)) {
      const m = /^[A-Z]+-(\d+)$/.exec(code);
      if (m) max = Math.max(max, Number(m[1]));
    }
    return `${prefix}-${String(max + 1).padStart(3, '0')}`;
  }

  /** One station edit: a new version holding one revision, and its audit entry, in one transaction. */
  function stationChange(
    tx: Tx,
    me: StaffActor,
    action: 'catalogue_item.add' | 'catalogue_item.update' | 'catalogue_item.retire' | 'catalogue_item.restore',
    code: string,
    fields: ItemFields,
    opts: { retired: { reason: string } | null; liveDelta: number; summary: string; detail: Record<string, unknown> },
  ): CatalogueItem {
    const versionId = insertVersion({
      label: nextStationLabel(),
      source: 'station',
      publishedAt: stationDate(clock.now()),
      summary: opts.summary,
      itemCount: (q.version.get(maxVersion())?.item_count ?? 0) + opts.liveDelta,
      createdBy: me.id,
    });
    const row = insertItem(code, versionId, fields, opts.retired);
    const item = toItem(row);
    const op = action === 'catalogue_item.add' ? 'create' : 'update';
    tx.change({ actorId: me.id, action, entity: 'catalogue_item', entityId: code, op, snapshot: item, detail: { version: versionId, name: fields.name, ...opts.detail } });
    return item;
  }

  // ---- the service interface intake and sync use -------------------------------

  /** The item in force now; NOT_FOUND (Chinese) if the code is unknown or the item was retired. */
  function getItem(code: string): CatalogueItem {
    ensureSeeded();
    const key = code.trim().toUpperCase();
    const row = q.itemAt.get(key, maxVersion());
    if (!row) throw new AppError('NOT_FOUND', `未找到编码为 ${key} 的服务事项`);
    if (row.retired === 1) throw new AppError('NOT_FOUND', `服务事项“${row.name}”（${key}）已停用，不能再受理`);
    return toItem(row);
  }

  /** The item as it stood in a given version, retired or not: for reading history (an intake record's item). */
  function getItemAt(code: string, version: number): CatalogueItem {
    ensureSeeded();
    const key = code.trim().toUpperCase();
    if (version > maxVersion()) throw new AppError('NOT_FOUND', `没有第 ${version} 版服务清单`);
    const row = q.itemAt.get(key, version);
    if (!row) throw new AppError('NOT_FOUND', `服务清单第 ${version} 版中没有编码为 ${key} 的事项`);
    return toItem(row);
  }

  /** Items in force answering a name, code or pinyin query, best first. */
  function search(query: string, limit = 20): CatalogueItem[] {
    ensureSeeded();
    return searchItems(liveItems(), query, limit);
  }

  function currentVersion(): CatalogueVersion {
    ensureSeeded();
    return toVersion(q.version.get(maxVersion())!);
  }

  function list(opts: { version?: number; category?: Category; forwarded?: boolean; text?: string; includeRetired?: boolean } = {}): { version: CatalogueVersion; items: CatalogueItem[] } {
    ensureSeeded();
    const v = opts.version ?? maxVersion();
    const vrow = q.version.get(v);
    if (!vrow) throw new AppError('NOT_FOUND', `没有第 ${v} 版服务清单`);
    let items = q.asOf
      .all(v)
      .map(toItem)
      .filter((i) => (opts.includeRetired || !i.retired) && (!opts.category || i.category === opts.category) && (opts.forwarded === undefined || i.forwarded === opts.forwarded));
    const text = opts.text?.trim();
    items = text ? searchItems(items, text) : items.sort(compareItems);
    return { version: toVersion(vrow), items };
  }

  /**
   * A list published by the county (sync calls this with the pulled payload). Validated
   * here, not trusted; applied as one new version; the same version pushed twice is
   * accepted once.
   */
  function importVersion(payload: unknown, source: 'county', actorId: string | null = null): { version: CatalogueVersion; created: boolean } {
    ensureSeeded();
    const parsed = PublishedCatalogue.safeParse(payload);
    if (!parsed.success) throw new AppError('VALIDATION', `县级服务清单有误：${describeCatalogueIssue(parsed.error, payload)}`);
    return write((tx) => publish(tx, parsed.data, source, actorId));
  }

  const api: ApiPart<keyof typeof catalogueCalls> = {
    async 'catalogue.list'(input) {
      return list(input);
    },
    async 'catalogue.search'({ query, limit }) {
      return search(query, limit);
    },
    async 'catalogue.get'({ code, version }) {
      return version === undefined ? getItem(code) : getItemAt(code, version);
    },
    async 'catalogue.versions'() {
      ensureSeeded();
      return q.versions.all().map(toVersion);
    },

    async 'catalogue.add'({ requestId, code, fields }, me) {
      ensureSeeded();
      // a repeat of the form's requestId answers with the item it added
      return write.once({ requestId, call: 'catalogue.add', actorId: me.id }, (tx) => {
          if (code && q.codeExists.get(code)) {
            throw new AppError('CONFLICT', `事项编码 ${code} 已被使用（停用事项的编码也不再重复使用）`, { code: '该编码已被使用' });
          }
          refuseDuplicateName(fields.name, null);
          const newCode = code ?? nextCode(fields.category);
          return stationChange(tx, me, 'catalogue_item.add', newCode, fields, { retired: null, liveDelta: 1, summary: `新增事项 ${newCode} ${fields.name}`, detail: {} });
        }).value;
    },

    async 'catalogue.update'({ code, revision, fields }, me) {
      ensureSeeded();
      return write((tx) => {
          const before = latestFor(code, revision);
          if (before.retired) throw new AppError('CONFLICT', `事项“${before.name}”已停用，请先恢复再修改`);
          const changed = changedFields(fieldsOf(before), fields);
          if (changed.length === 0) return before;
          if (changed.includes('name')) refuseDuplicateName(fields.name, code);
          const what = changed.map((k) => FIELD_LABELS[k]).join('、');
          return stationChange(tx, me, 'catalogue_item.update', code, fields, { retired: null, liveDelta: 0, summary: `修改事项 ${code} ${fields.name}：${what}`, detail: { changed } });
        });
    },

    async 'catalogue.retire'({ code, revision, reason }, me) {
      ensureSeeded();
      return write((tx) => {
          const before = latestFor(code, revision);
          if (before.retired) throw new AppError('CONFLICT', `事项“${before.name}”已经停用`);
          return stationChange(tx, me, 'catalogue_item.retire', code, fieldsOf(before), {
            retired: { reason },
            liveDelta: -1,
            summary: `停用事项 ${code} ${before.name}：${reason}`,
            detail: { reason },
          });
        });
    },

    async 'catalogue.restore'({ code, revision }, me) {
      ensureSeeded();
      return write((tx) => {
          const before = latestFor(code, revision);
          if (!before.retired) throw new AppError('CONFLICT', `事项“${before.name}”未停用，无需恢复`);
          refuseDuplicateName(before.name, code);
          return stationChange(tx, me, 'catalogue_item.restore', code, fieldsOf(before), { retired: null, liveDelta: 1, summary: `恢复事项 ${code} ${before.name}`, detail: {} });
        });
    },
  };

  return { api, getItem, getItemAt, search, list, currentVersion, importVersion };
}

export type Catalogue = ReturnType<typeof createCatalogue>;
