/**
 * `npm run county` as an operator runs it: built with esbuild, started as its own process,
 * on PGlite in a data folder or on PostgreSQL by DATABASE_URL; its data outlives a restart.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, call } from '../helpers/county';
import { startPostgres, type PgCluster } from '../helpers/postgres';
import { tempDir } from '../helpers/station';
import { ConfigResponse } from '../../common/county/protocol';

const CLI = path.resolve('dist/county/cli.js');

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-county.mjs'], { stdio: 'pipe' });
}, 60_000);

describe.each(BACKENDS)('npm run county (%s)', (kind) => {
  let cluster: PgCluster | undefined;
  let dataDir = '';
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    if (kind === 'postgres') cluster = await startPostgres();
    dataDir = tempDir('sd-county-');
  }, 120_000);
  afterEach(async () => {
    await Promise.all(
      children.splice(0).map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.kill('SIGTERM');
          }),
      ),
    );
  });
  afterAll(async () => {
    await cluster?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  const envOf = () => ({ ...process.env, COUNTY_NAME: '石家庄市长安区', PORT: '0', LOG_LEVEL: 'warn', ...(cluster ? { DATABASE_URL: cluster.url } : { COUNTY_DATA_DIR: dataDir }) });
  const once = (args: string[]) => execFileSync(process.execPath, [CLI, ...args], { env: envOf(), encoding: 'utf8', stdio: 'pipe' });

  function serve(): Promise<{ url: string; child: ChildProcess; out: () => string }> {
    const child = spawn(process.execPath, [CLI], { env: envOf(), stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    return new Promise((resolve, reject) => {
      child.stdout!.on('data', (b: Buffer) => {
        out += b.toString('utf8');
        const m = /县级服务已启动：(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve({ url: m[1]!, child, out: () => out });
      });
      child.stderr!.on('data', (b: Buffer) => (out += b.toString('utf8')));
      child.once('exit', (code) => reject(new Error(`county exited with ${code}: ${out}`)));
    });
  }

  it('creates an admin with a one-time password, serves /v1, and keeps its data across a restart', async () => {
    const made = once(['create-admin', 'liufang', '刘芳']);
    expect(made).toMatch(/一次性密码：[A-Za-z2-9]{14}/);
    expect(() => once(['create-admin', 'liufang', '刘芳'])).toThrow(/已被使用/);

    const first = await serve();
    const config = ConfigResponse.parse((await call(first.url, 'GET', '/v1/config')).body);
    expect(config.countyName).toBe('石家庄市长安区');
    if (kind === 'pglite') {
      // a second process on the same folder is refused, the running one untouched
      expect(() => once(['migrate'])).toThrow(/正由另一个县级服务进程/);
    }
    first.child.kill('SIGTERM');
    await new Promise((r) => first.child.once('exit', r));
    if (kind === 'pglite') expect(fs.existsSync(path.join(dataDir, 'county.pid'))).toBe(false);

    // the admin is still there after the restart: a second create is refused
    expect(() => once(['create-admin', 'liufang', '刘芳'])).toThrow(/已被使用/);
    const second = await serve();
    expect((await call(second.url, 'GET', '/v1/config')).status).toBe(200);
    expect(second.out()).not.toMatch(/postgres:\/\/|sdt_/);
  }, 120_000);
});
