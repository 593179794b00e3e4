/**
 * Documents whose PDF is still being made. A clerk's 办结 or 一次性告知 returns as soon as
 * the record is committed and the document has its id, so the preview opens at once; the
 * calls that need the PDF (get, list, print) wait here for it. A render that failed is kept
 * (briefly, by id) so the preview can say why instead of "not found".
 */
import { AppError } from '../../common/errors';
import { log } from '../log';

interface Pending {
  entity: string;
  entityId: string;
  done: Promise<unknown>;
}

/** failed renders remembered for the preview; older ones are dropped */
const FAILED_KEPT = 50;

export function createPendingDocuments() {
  const pending = new Map<string, Pending>();
  const failed = new Map<string, string>();

  return {
    /** Tracks a render; its failure is logged here, so nobody has to await it. */
    add(id: string, of: { entity: string; entityId: string }, done: Promise<unknown>, kind: string): void {
      pending.set(id, { ...of, done });
      done.then(
        () => pending.delete(id),
        (err: unknown) => {
          pending.delete(id);
          log.error('document not issued', { documentId: id, kind, error: err instanceof Error ? err.name : 'unknown' });
          failed.set(id, err instanceof AppError ? err.message : '生成 PDF 时出错');
          if (failed.size > FAILED_KEPT) failed.delete(failed.keys().next().value!);
        },
      );
    },

    /** Waits for this document's PDF, if it is still being made; says why it never came. */
    async settled(id: string): Promise<void> {
      const p = pending.get(id);
      if (p) await p.done.catch(() => undefined);
      const why = failed.get(id);
      if (why) throw new AppError('UNAVAILABLE', `单据未能生成：${why}。记录已保存，可在事项详情中点“重新生成回执”再试；如仍失败请联系管理员。`);
    },

    /** Waits for every document of a record still being made (failures are reported by settled()). */
    async settledFor(entity: string, entityId: string): Promise<void> {
      const mine = [...pending.values()].filter((p) => p.entity === entity && p.entityId === entityId);
      await Promise.allSettled(mine.map((p) => p.done));
    },

    /** Waits for every document still being made, e.g. before 日结 counts the day's receipts. */
    async settledAll(): Promise<void> {
      await Promise.allSettled([...pending.values()].map((p) => p.done));
    },
  };
}
