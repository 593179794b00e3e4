/** The built browser-mode host's command line (issue 6 item 13): usage on --help, a Chinese message on a bad option, never a stack trace. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test, expect } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '../..');
const host = (...args: string[]) => spawnSync(process.execPath, ['dist/main/host.js', ...args], { cwd: root, encoding: 'utf8', timeout: 20_000, env: { ...process.env, STATIONDESK_QUIET: '1' } });

for (const flag of ['--help', '-h']) {
  test(`${flag} prints the usage and exits 0 without starting`, () => {
    const r = host(flag);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('用法：node dist/main/host.js');
    for (const option of ['--port', '--data-dir', '--open', '--help']) expect(r.stdout).toContain(option);
    expect(r.stdout).not.toContain('STATIONDESK_URL=');
    expect(r.stderr).toBe('');
  });
}

for (const [args, message] of [
  [['--bogus'], '未知选项：--bogus'],
  [['--port'], '选项 --port 的值缺失或无效'],
  [['--port', 'abc'], '端口号无效：abc'],
  [['--port', '70000'], '端口号无效：70000'],
  [['stray'], '无法识别的参数：stray'],
] as const) {
  test(`${args.join(' ')} is refused in words with the usage, not a stack trace`, () => {
    const r = host(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('用法：');
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+|Error \[|TypeError|node:internal/);
    expect(r.stdout).not.toContain('STATIONDESK_URL=');
  });
}
