/**
 * The county web page in Chromium against the real county server (`dist/county/cli.js`,
 * embedded PostgreSQL in a temp folder): sign in, create a station and read its one-time
 * code, enroll it over /v1, publish a catalogue (a bad file first), receive a station's
 * 代办 item through the real /v1/push, decide it, and open the resident's progress page.
 */
import { test, expect, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { intakePayload, makeChain } from '../helpers/county-events';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHOTS = path.join(ROOT, 'test-results/e2e/county-web');

interface County {
  url: string;
  dataDir: string;
  child: ChildProcess;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function cli(args: string[], env: NodeJS.ProcessEnv): string {
  return execFileSync(process.execPath, ['dist/county/cli.js', ...args], { cwd: ROOT, env, encoding: 'utf8' });
}

async function startCounty(): Promise<County & { password: string }> {
  if (!fs.existsSync(path.join(ROOT, 'dist/county-web/index.html'))) execFileSync('npm', ['run', 'build:county-web'], { cwd: ROOT, stdio: 'ignore' });
  execFileSync(process.execPath, ['scripts/build-county.mjs'], { cwd: ROOT, stdio: 'ignore' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-county-e2e-'));
  const port = await freePort();
  const env = { ...process.env, COUNTY_DATA_DIR: dataDir, COUNTY_NAME: '石家庄市长安区', HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'warn' };
  const made = cli(['create-admin', 'wang', '王科长'], env);
  const password = /一次性密码：(\S+)/.exec(made)?.[1];
  if (!password) throw new Error(`create-admin printed no password: ${made}`);
  const child = spawn(process.execPath, ['dist/county/cli.js'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`county did not start: ${out}`)), 30_000);
    const seen = (c: Buffer) => {
      out += c.toString();
      if (out.includes('县级服务已启动')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`county exited with ${code}: ${out}`)));
  });
  return { url: `http://127.0.0.1:${port}`, dataDir, child, password };
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

let county: County & { password: string };

test.beforeAll(async () => {
  county = await startCounty();
});

test.afterAll(async () => {
  if (county) {
    const gone = new Promise((r) => county.child.once('exit', r));
    county.child.kill('SIGTERM');
    await gone;
    fs.rmSync(county.dataDir, { recursive: true, force: true });
  }
});

test('county staff sign in, enroll a station, publish a catalogue, decide an item; the resident sees it', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // a 401 is how the page learns it is signed out (and how a wrong password is refused): expected twice
  page.on('console', (m) => m.type() === 'error' && !/status of 401/.test(m.text()) && errors.push(m.text()));

  const first = await page.goto(`${county.url}/`);
  expect(first?.url()).toBe(`${county.url}/admin/`);
  expect(first?.headers()['content-security-policy']).toMatch(/script-src 'self'/);

  // sign in, a wrong password first: told in Chinese, the login kept
  await page.getByLabel('登录名').fill('wang');
  await page.getByLabel('密码').fill('not-it');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('登录名或密码不正确');
  await expect(page.getByLabel('登录名')).toHaveValue('wang');
  await page.getByLabel('密码').fill(county.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-as')).toHaveText('王科长');

  // create a station: its code is shown once, large
  await page.getByRole('tab', { name: '站点' }).click();
  await page.getByRole('button', { name: '新建站点' }).click();
  await page.getByLabel('站点编码').fill('130102001');
  await page.getByLabel('站点名称').fill('建北街道党群服务中心');
  await page.keyboard.press('Enter');
  const codeBox = page.getByTestId('enrollment-code');
  await expect(codeBox).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const code = (await codeBox.textContent())!;
  await shot(page, '1-enrollment-code');
  await page.getByRole('button', { name: '我已记下，关闭' }).click();
  await expect(codeBox).toHaveCount(0);

  // the station enrolls with it and pushes a forwarded 代办 item through the real /v1/push
  const enroll = await fetch(`${county.url}/v1/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, stationCode: '130102001', stationName: '建北街道党群服务中心', deviceName: '窗口1' }) });
  expect(enroll.status).toBe(200);
  const { token } = (await enroll.json()) as { token: string };
  const receiptNo = '130102001-20261127-0001';
  const events = makeChain(1, { spec: () => ({ entity: 'intake', entityId: 'in-1', payload: intakePayload({ id: 'in-1', receiptNo, checkCode: 'K7M3PQ', promisedDate: '2020-01-10' }) }) });
  const push = await fetch(`${county.url}/v1/push`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ events, auditHead: { seq: 3, hash: 'a'.repeat(64) }, backlog: 2 }) });
  expect(push.status).toBe(200);

  await page.getByRole('button', { name: '刷新' }).click();
  const row = page.getByTestId('stations-table').getByRole('row', { name: /130102001/ });
  await expect(row).toContainText('已登记');
  await expect(row).toContainText('窗口1');
  await expect(row).toContainText('正常');

  // a later push reports a lower 操作日志 head: the station's log was cut, and the page says so
  const next = makeChain(1, { from: 2, prevHash: events[0]!.hash, spec: () => ({ entity: 'resident', entityId: 'r-2' }) });
  const cut = await fetch(`${county.url}/v1/push`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ events: next, auditHead: { seq: 1, hash: 'b'.repeat(64) }, backlog: 2 }) });
  expect(cut.status).toBe(200);
  await page.getByRole('button', { name: '刷新' }).click();
  await expect(row).toContainText('日志被截断');
  await shot(page, '2-stations');

  // publish a catalogue: a broken file lists its problems; the good one goes out
  await page.getByRole('tab', { name: '发布清单与日历' }).click();
  const seed = JSON.parse(fs.readFileSync(path.join(ROOT, 'resources/catalogue/seed.json'), 'utf8')) as { items: { code: string }[] };
  const broken = { ...seed, version: '', items: [seed.items[0], { ...seed.items[1], code: seed.items[0]!.code }] };
  await page.getByTestId('catalogue-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(page.getByTestId('catalogue-problems')).toContainText('清单版本号');
  await expect(page.getByTestId('catalogue-problems')).toContainText('重复');
  await shot(page, '3-catalogue-problems');
  await page.getByTestId('catalogue-file').setInputFiles({ name: 'seed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...seed, version: '2027.1' })) });
  await expect(page.getByTestId('catalogue')).toContainText('清单版本 2027.1');
  await page.getByTestId('catalogue').getByRole('button', { name: '发布' }).click();
  await expect(page.getByTestId('catalogue-done')).toContainText('已发布');
  // a holiday notice: checked with common/calendar-file.ts, a year other than next year flagged
  const notice = fs.readFileSync(path.join(ROOT, 'resources/calendar/cn-holidays-2026.json'));
  await page.getByTestId('calendar-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"year": 2027}') });
  await expect(page.getByTestId('calendar-problems')).toBeVisible();
  await page.getByTestId('calendar-file').setInputFiles({ name: 'cn-holidays-2026.json', mimeType: 'application/json', buffer: notice });
  await expect(page.getByTestId('calendar')).toContainText('2026 年');
  await page.getByTestId('calendar').getByRole('button', { name: '发布' }).click();
  await expect(page.getByTestId('calendar-done')).toContainText('已发布');

  // decide the item: accept and assign, then complete with a result
  await page.getByRole('tab', { name: '代办事项' }).click();
  await page.getByRole('button', { name: '刷新' }).click();
  const item = page.getByTestId('items-table').getByRole('row', { name: new RegExp(receiptNo) });
  await expect(item).toContainText('张*华');
  await expect(item).toContainText('超期');
  await item.getByRole('button', { name: '办理' }).click();
  await expect(page.getByLabel('承办部门')).toHaveValue('县医疗保障局');
  await page.getByLabel('承办部门').fill('县医疗保障局待遇科');
  await shot(page, '4-decide');
  await page.keyboard.press('Enter');
  await expect(item).toContainText('县医疗保障局待遇科');
  await item.getByRole('button', { name: '办理' }).click();
  await page.getByRole('radio', { name: '办结' }).check();
  await page.getByLabel('办理结果（群众将看到）').fill('参保登记已完成，医保卡三个工作日内寄到家');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText(`已提交 ${receiptNo} 的处理结果`).last()).toBeVisible();
  await page.getByRole('combobox', { name: '范围' }).click();
  await page.getByTitle('县级已处理').click();
  await expect(item).toContainText('已办结');
  await shot(page, '5-items');

  // what flowed back: the station's feed holds the catalogue, the calendar and both decisions
  const pull = await fetch(`${county.url}/v1/pull?after=0`, { headers: { authorization: `Bearer ${token}` } });
  const feed = (await pull.json()) as { items: { kind: string; body: { decision?: string } }[] };
  expect(feed.items.map((i) => i.body.decision ?? i.kind)).toEqual(['catalogue.version', 'calendar.year', 'accepted', 'completed']);

  // the resident's page from the QR code: no script, nothing personal
  const resident = await page.context().newPage();
  await resident.setViewportSize({ width: 390, height: 780 });
  const pub = await resident.goto(`${county.url}/p/${receiptNo}?c=K7M3PQ`);
  expect(pub?.status()).toBe(200);
  await expect(resident.locator('.status')).toHaveText('已办结');
  await expect(resident.locator('body')).toContainText('医保卡三个工作日内寄到家');
  await expect(resident.locator('body')).not.toContainText('张');
  await shot(resident, '6-progress');
  const wrong = await resident.goto(`${county.url}/p/${receiptNo}?c=ZZZZZZ`);
  expect(wrong?.status()).toBe(404);
  await expect(resident.getByRole('alert')).toContainText('没有找到该回执');

  // sign out: the page returns to sign-in
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  expect(errors).toEqual([]);
});
