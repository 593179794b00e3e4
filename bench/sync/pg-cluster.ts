/**
 * A throwaway PostgreSQL 15 cluster for the bench: initdb into a temp folder, started on
 * 127.0.0.1 at a free port, removed afterwards. Unlike the tests' cluster
 * (tests/helpers/postgres.ts, fsync and synchronous_commit off for speed), this one keeps
 * the durable settings docs/county-deploy.md asks for, so the figures are a county's.
 * Debian keeps the binaries off PATH (/usr/lib/postgresql/15/bin); as root they run as the
 * postgres user.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function bin(name: string): string {
  const debian = `/usr/lib/postgresql/15/bin/${name}`;
  return fs.existsSync(debian) ? debian : name;
}

function asPostgres(cmd: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  execFileSync(root ? 'runuser' : cmd, root ? ['-u', 'postgres', '--', cmd, ...args] : args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Cluster {
  url: string;
  stop(): void;
}

export async function startCluster(opts: { maxConnections?: number } = {}): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-pg-'));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const port = await freePort();
  asPostgres(bin('initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-instructions']);
  // the production settings that matter for the figures (docs/county-deploy.md): durable commits
  const o = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=${opts.maxConnections ?? 200} -c shared_buffers=128MB -c synchronous_commit=on -c fsync=on`;
  asPostgres(bin('pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-w', '-o', o, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        asPostgres(bin('pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
