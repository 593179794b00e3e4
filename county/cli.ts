/**
 * `npm run county`: a working county with no other setup — embedded PostgreSQL (PGlite) in
 * ./county-data (COUNTY_DATA_DIR), or a real PostgreSQL given by DATABASE_URL.
 *
 *   npm run county                                  serve on HOST:PORT (127.0.0.1:8630)
 *   npm run county -- create-admin <login> <姓名>    a county staff account; prints its one-time password
 *   npm run county -- migrate                       apply the migrations and stop
 *
 * Environment: COUNTY_NAME (the county's name, e.g. 石家庄市长安区), PUBLIC_URL (the public
 * progress page printed on receipts), DATABASE_URL, COUNTY_DATA_DIR, HOST, PORT, PG_POOL_MAX,
 * TRUST_PROXY=1 behind a load balancer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from './db/migrate';
import { openPglite } from './db/pglite';
import { openPostgres } from './db/postgres';
import { createCountyServer } from './server';
import { openStore } from './store';
import { CountyError, type Sql } from './store/types';

const env = process.env;
const countyName = env.COUNTY_NAME?.trim() || '本县';
const clock = { now: () => new Date() };

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/**
 * PGlite is one process's database: a second process on the same folder would corrupt it.
 * A pid file refuses that (a stale one, whose process is gone, is taken over).
 */
function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'county.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch {
      const pid = Number(fs.readFileSync(file, 'utf8'));
      let alive: boolean;
      try {
        process.kill(pid, 0);
        alive = pid !== process.pid;
      } catch {
        alive = false;
      }
      if (alive) throw new Error(`数据目录 ${dir} 正由另一个县级服务进程（pid ${pid}）使用。请先停止它，或改用 PostgreSQL（DATABASE_URL）。`);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`无法锁定数据目录 ${dir}`);
}

async function openDatabase(): Promise<{ sql: Sql; where: string; release: () => void }> {
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    // the URL's password is never printed
    return { sql: openPostgres(env.DATABASE_URL, { max: Number(env.PG_POOL_MAX) || 10 }), where: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`, release: () => undefined };
  }
  const dir = path.resolve(env.COUNTY_DATA_DIR || 'county-data');
  const release = lockDataDir(dir);
  try {
    return { sql: await openPglite(dir), where: `内置数据库 ${dir}`, release };
  } catch (err) {
    release();
    throw err;
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  const db = await openDatabase();
  let closing = false;
  const shut = async () => {
    if (closing) return;
    closing = true;
    await db.sql.close().catch(() => undefined);
    db.release();
  };
  try {
    const applied = await migrate(db.sql);
    if (applied.length > 0) say(`· 数据库已升级：${applied.join(', ')}`);
    if (command === 'migrate') return await shut();
    if (command === 'create-admin') {
      const [login, ...name] = args;
      if (!login || name.length === 0) throw new Error('用法：npm run county -- create-admin <登录名> <姓名>');
      const store = await openStore(db.sql, { countyName, clock });
      const admin = await store.createAdmin(login, name.join(' '));
      say(`已为 ${store.countyName} 创建管理员 ${admin.name}（${admin.login}）。`);
      say(`一次性密码：${admin.password}`);
      say('请当面交给本人；此密码只显示这一次。');
      return await shut();
    }
    if (command) throw new Error(`不认识的命令 ${command}。可用：create-admin、migrate`);

    const { app } = await createCountyServer({
      sql: db.sql,
      countyName,
      publicUrl: env.PUBLIC_URL || null,
      clock,
      logger: { level: env.LOG_LEVEL || 'info' },
      trustProxy: env.TRUST_PROXY === '1',
    });
    const host = env.HOST || '127.0.0.1';
    const port = Number(env.PORT || 8630);
    const address = await app.listen({ host, port });
    say(`· ${countyName} 县级服务已启动：${address}（${db.where}）`);
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      process.once(sig, () => {
        void app
          .close()
          .then(shut)
          .finally(() => process.exit(0));
      });
    }
  } catch (err) {
    await shut();
    throw err;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const message = err instanceof CountyError || err instanceof Error ? err.message : String(err);
  process.stderr.write(`县级服务出错：${message}\n`);
  process.exit(1);
});
