import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import type { Clock } from '../clock';
import type { AuditEntry, AuditFilter } from '../../common/contract';
import { STATION_OFFSET_MS } from '../../common/time';
import { checkNames, GENESIS_HASH, type AuditEvent } from '../db/write';
import { wellFormed } from '../../common/text';

export { GENESIS_HASH, type AuditEvent };

interface AuditRow {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

type AuditRowNamed = AuditRow & { actor_name: string | null };

function toEntry(r: AuditRowNamed): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  };
}

/** The UTC instant a station day (YYYY-MM-DD, Asia/Shanghai) begins. */
function stationDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - STATION_OFFSET_MS).toISOString();
}

function nextStationDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - STATION_OFFSET_MS + 86_400_000).toISOString();
}

/**
 * The WHERE clause for a filter. `at` is always written by toISOString (same width, Z),
 * so comparing the strings compares the instants. A record matches by its id or by any
 * text in its detail (回执编号, 单据编号, a document's record id, a login).
 */
function whereOf(f: AuditFilter): { sql: string; params: Record<string, string> } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (f.dateFrom) {
    parts.push('a.at >= @from');
    params.from = stationDayStart(f.dateFrom);
  }
  if (f.dateTo) {
    parts.push('a.at < @to');
    params.to = nextStationDayStart(f.dateTo);
  }
  if (f.actorId) {
    parts.push('a.actor_id = @actor');
    params.actor = f.actorId;
  }
  if (f.action) {
    parts.push('a.action = @action');
    params.action = f.action;
  }
  if (f.record) {
    // LIKE on the stored JSON text (case-blind for ASCII, as receipt numbers are) rules out
    // almost every row cheaply; json_tree then checks the term is a whole value, not part of one.
    parts.push(
      `(a.entity_id = @record COLLATE NOCASE
        OR (a.detail LIKE @recordLike ESCAPE '\\'
            AND EXISTS (SELECT 1 FROM json_tree(a.detail) t WHERE t.type = 'text' AND t.atom = @record COLLATE NOCASE)))`,
    );
    params.record = f.record;
    params.recordLike = `%"${JSON.stringify(f.record).slice(1, -1).replace(/[\\%_]/g, (c) => `\\${c}`)}"%`;
  }
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

function rowHash(prevHash: string, r: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(JSON.stringify([r.seq, r.at, r.actor_id, r.action, r.entity, r.entity_id, r.detail]))
    .digest('hex');
}

/** A head of the log recorded outside it, and where (in words: 本机设置, 2026-11-27 日结). */
export interface RecordedHead {
  seq: number;
  hash: string;
  source: string;
}

export interface AuditVerdict {
  ok: boolean;
  count: number;
  brokenAt: number | null;
  /** the log ends before (or away from) a head recorded outside it */
  tailCut: boolean;
  message: string | null;
}

export function createAudit(db: Db, clock: Clock) {
  const last = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO audit_log (seq, at, actor_id, action, entity, entity_id, detail, prev_hash, hash) VALUES (@seq, @at, @actor_id, @action, @entity, @entity_id, @detail, @prev_hash, @hash)',
  );

  /** Only main/db/write.ts calls this, inside the transaction that makes the change. */
  function append(e: AuditEvent): void {
    checkNames(e);
    const prev = last.get();
    const row = {
      seq: (prev?.seq ?? 0) + 1,
      at: clock.now().toISOString(),
      actor_id: e.actorId,
      action: e.action,
      entity: e.entity,
      // what SQLite will store: a lone surrogate in an id taken from raw input would otherwise
      // be hashed as itself and read back as U+FFFD, and the chain would look broken
      entity_id: e.entityId == null ? null : wellFormed(e.entityId),
      detail: JSON.stringify(e.detail ?? {}),
    };
    const prev_hash = prev?.hash ?? GENESIS_HASH;
    insert.run({ ...row, prev_hash, hash: rowHash(prev_hash, row) });
  }

  function list(limit: number, beforeSeq?: number): AuditEntry[] {
    return db
      .prepare<[number, number], AuditRowNamed>(
        `SELECT a.*, s.name AS actor_name FROM audit_log a LEFT JOIN staff s ON s.id = a.actor_id
         WHERE a.seq < ? ORDER BY a.seq DESC LIMIT ?`,
      )
      .all(beforeSeq ?? Number.MAX_SAFE_INTEGER, limit)
      .map(toEntry);
  }

  /** One page of the entries a filter matches, newest first, and how many match in all. */
  function search(filter: AuditFilter, offset: number, limit: number): { entries: AuditEntry[]; total: number } {
    const { sql, params } = whereOf(filter);
    const total = db.prepare<[Record<string, string>], { n: number }>(`SELECT count(*) AS n FROM audit_log a ${sql}`).get(params)?.n ?? 0;
    const entries = db
      .prepare<[Record<string, string | number>], AuditRowNamed>(
        `SELECT a.*, s.name AS actor_name FROM audit_log a LEFT JOIN staff s ON s.id = a.actor_id ${sql}
         ORDER BY a.seq DESC LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit, offset })
      .map(toEntry);
    return { entries, total };
  }

  function actions(): string[] {
    return db.prepare<[], { action: string }>('SELECT DISTINCT action FROM audit_log ORDER BY action').all().map((r) => r.action);
  }

  /**
   * Walks the chain from the start; reports the first row whose hash or link does not hold.
   * Then holds it against the heads recorded elsewhere (the machine settings store, each
   * 日结): a head the log no longer reaches means its tail was cut, one it reaches with
   * another hash that it was rewritten. message says which, in Chinese.
   */
  function verify(recorded: readonly RecordedHead[] = []): AuditVerdict {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let count = 0;
    const wanted = new Map<number, string>();
    for (const h of recorded) if (h.seq > 0) wanted.set(h.seq, '');
    for (const r of db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq').iterate()) {
      if (r.seq !== expectedSeq || r.prev_hash !== prevHash || rowHash(prevHash, r) !== r.hash) {
        return { ok: false, count, brokenAt: expectedSeq, tailCut: false, message: `第 ${expectedSeq} 条记录的校验值或前后链接不符，操作日志可能被改动` };
      }
      if (wanted.has(r.seq)) wanted.set(r.seq, r.hash);
      prevHash = r.hash;
      expectedSeq += 1;
      count += 1;
    }
    // the furthest head first: the plainest statement of how much is missing
    for (const h of [...recorded].sort((a, b) => b.seq - a.seq)) {
      if (h.seq > count) {
        return { ok: false, count, brokenAt: count + 1, tailCut: true, message: `操作日志末尾被截断：${h.source}记录的最新一条为第 ${h.seq} 条，现在日志只到第 ${count} 条，缺少 ${h.seq - count} 条` };
      }
      if (h.seq > 0 && wanted.get(h.seq) !== h.hash) {
        return { ok: false, count, brokenAt: h.seq, tailCut: true, message: `操作日志第 ${h.seq} 条与${h.source}记录的校验值不符：日志末尾可能被截断后重写` };
      }
    }
    return { ok: true, count, brokenAt: null, tailCut: false, message: null };
  }

  return { append, list, search, actions, verify };
}

export type Audit = ReturnType<typeof createAudit>;
