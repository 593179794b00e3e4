/**
 * The 操作日志's head (seq and hash of its newest row) kept where a cut of the log's tail
 * does not reach (issue 8, item 6): in the machine settings store (config.json beside the
 * database), after every commit that added to the log. Each 日结 keeps the head of its day
 * (day_closes.audit_seq/audit_hash) and the county records the head sent with every push.
 *
 * The kept head only moves forward, and only along the same chain: once the log no longer
 * holds the kept head (its tail was cut, then rewritten), the head stays where it was, so
 * audit.verify keeps saying so until someone looks.
 */
import * as z from 'zod';
import type { Db } from '../db/open';
import type { KeyValueStore } from '../settings-store';
import { log } from '../log';

export const AUDIT_HEAD_KEY = 'auditHead';

export interface AuditHead {
  seq: number;
  hash: string;
}

const Stored = z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) });

export function createAuditHeadKeeper(db: Db, store: KeyValueStore) {
  const newest = db.prepare<[], AuditHead>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const hashAt = db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE seq = ?');
  let kept: AuditHead | null | undefined;
  let frozen = false;

  function read(): AuditHead | null {
    if (kept === undefined) {
      const parsed = Stored.safeParse(store.get(AUDIT_HEAD_KEY));
      kept = parsed.success ? parsed.data : null;
    }
    return kept;
  }

  /** After a commit: the log's newest row, if it is further along the kept head's chain. */
  function update(): void {
    const head = newest.get();
    if (!head) return;
    const was = read();
    if (was && head.seq <= was.seq) return;
    if (was && was.seq > 0 && hashAt.get(was.seq)?.hash !== was.hash) {
      if (!frozen) log.warn('audit log no longer holds the kept head; head not moved', { keptSeq: was.seq, newestSeq: head.seq });
      frozen = true;
      return;
    }
    store.set(AUDIT_HEAD_KEY, { seq: head.seq, hash: head.hash });
    kept = { seq: head.seq, hash: head.hash };
  }

  return { read, update };
}

export type AuditHeadKeeper = ReturnType<typeof createAuditHeadKeeper>;
