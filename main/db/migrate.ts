import type { Db } from './open';
import { MIGRATIONS, type Migration } from './migrations/index';

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly failedMigration: string | null,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration in ONE transaction, recording the version in
 * PRAGMA user_version (which is part of the transaction). If any step fails, the
 * whole batch rolls back and the file is as it was.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new MigrationError(`数据库版本（${from}）高于本程序支持的版本（${latest}），请升级 StationDesk 后再打开。`, null);
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  let current: Migration | null = null;
  try {
    db.transaction(() => {
      for (const m of pending) {
        current = m;
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
      }
    }).immediate();
  } catch (err) {
    const name = (current as Migration | null)?.name ?? '未知';
    const reason = err instanceof Error ? err.message : String(err);
    throw new MigrationError(`数据库升级失败（步骤 ${name}），数据库未作任何改动。请联系县级运维人员。原因：${reason}`, name);
  }
  return { from, to: schemaVersion(db) };
}
