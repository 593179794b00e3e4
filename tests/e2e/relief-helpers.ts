/**
 * What the 社会救助 specs share: the station's host started under libfaketime (the offset
 * re-read from a file, so a spec can move the station's clock), the county with its admin page
 * creating the station and publishing the 低保 standard, the station enrolled; registering
 * residents, the application form's pickers, a case step through its dialog, sync, and the
 * archived PDFs read back with pdftotext. The working-day calendar the host counts on.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startCounty, type RunningCounty } from './county';
import { expect, setUpThroughScreen, startBuiltHost, type RunningHost } from './fixtures';
import { loadWorkCalendar } from '../../main/services/calendar';
import type { WorkCalendar } from '../../common/workdays';

export const STATION_CODE = '130102001';
export const STATION_NAME = '建北街道党群服务中心';
const FAKETIME_LIB = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Person {
  name: string;
  idNumber: string;
  address: string;
}

/** The station's calendar date (Asia/Shanghai) `days` from now. */
export function stationDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}

/** The working-day calendar the host counts on: the notices it ships, the statutory holidays for other years. */
export function stationCalendar(): WorkCalendar {
  return loadWorkCalendar(path.join(ROOT, 'resources'));
}

/** A host whose clock runs `offset` (libfaketime's "-7d", "+0d") from now; write the file again to move it. */
export async function startFakedHost(offset: string): Promise<{ host: RunningHost; offsetFile: string }> {
  const offsetFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sd-e2e-ft-')), 'offset');
  fs.writeFileSync(offsetFile, offset);
  const saved = { LD_PRELOAD: process.env.LD_PRELOAD, FAKETIME_TIMESTAMP_FILE: process.env.FAKETIME_TIMESTAMP_FILE, FAKETIME_NO_CACHE: process.env.FAKETIME_NO_CACHE };
  Object.assign(process.env, { LD_PRELOAD: FAKETIME_LIB, FAKETIME_TIMESTAMP_FILE: offsetFile, FAKETIME_NO_CACHE: '1' });
  try {
    return { host: await startBuiltHost(), offsetFile };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/**
 * The county (real server, PGlite) with its admin 王科长 signed in on its page, the station set
 * up through its screen, created on the county page, the 低保 standard 780 published, the
 * station enrolled and synced once.
 */
export async function countyAndStation(page: Page, host: RunningHost): Promise<{ county: RunningCounty; countyPage: Page }> {
  const county = await startCounty();
  const { password } = await county.server.store.createAdmin('wang', '王科长');
  const countyPage = await page.context().browser()!.newContext().then((c) => c.newPage());

  await setUpThroughScreen(page, host.url);
  await countyPage.goto(`${county.url}/admin/`);
  await countyPage.getByLabel('登录名').fill('wang');
  await countyPage.getByLabel('密码').fill(password);
  await countyPage.keyboard.press('Enter');
  await expect(countyPage.getByTestId('signed-in-as')).toHaveText('王科长');
  await countyPage.getByRole('tab', { name: '站点' }).click();
  await countyPage.getByRole('button', { name: '新建站点' }).click();
  await countyPage.getByLabel('站点编码').fill(STATION_CODE);
  await countyPage.getByLabel('站点名称').fill(STATION_NAME);
  await countyPage.keyboard.press('Enter');
  const codeBox = countyPage.getByTestId('enrollment-code');
  await expect(codeBox).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const code = (await codeBox.textContent())!;
  await countyPage.getByRole('button', { name: '我已记下，关闭' }).click();
  await countyPage.getByRole('tab', { name: '社会救助审核' }).click();
  const standard = countyPage.getByTestId('relief-standard');
  await standard.getByLabel('标准（元/人·月）').fill('780');
  await standard.getByLabel('执行日期（年-月-日）').fill('2026-01-01');
  await standard.getByLabel('文件依据').fill('长安区民政局〔2026〕1号');
  await standard.getByRole('button', { name: '发布' }).click();
  await expect(countyPage.getByText('已发布，站点下次同步时生效')).toBeVisible();

  await page.keyboard.press('Alt+7');
  await page.getByTestId('sync-enroll-url').fill(county.url);
  await page.getByTestId('sync-enroll-code').fill(code);
  await page.getByTestId('sync-enroll-code').press('Enter');
  await expect(page.getByTestId('sync-state-label')).toHaveText('已连接');
  await syncNow(page);
  return { county, countyPage };
}

/** The archived PDFs of one kind, read back as text (whitespace removed). */
export function archived(dataDir: string, kind: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.includes(`-${kind}`) && e.name.endsWith('.pdf')) found.push(p);
    }
  };
  walk(path.join(dataDir, 'documents'));
  return found.map((f) => execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8', env: { PATH: process.env.PATH } }).replace(/\s+/g, ''));
}

export async function registerResident(page: Page, who: Person): Promise<void> {
  await page.getByTestId('nav-residents').click();
  await page.getByTestId('resident-register').click();
  await expect(page.getByTestId('resident-form-idNumber')).toBeFocused();
  await page.getByTestId('resident-form-idNumber').fill(who.idNumber);
  await page.getByTestId('resident-form-name').fill(who.name);
  await page.getByTestId('resident-form-address').fill(who.address);
  await page.getByTestId('resident-save').click();
  await expect(page.getByTestId('resident-detail-name')).toHaveText(who.name);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('resident-detail')).toBeHidden();
}

export async function pickResident(page: Page, box: string, name: string): Promise<void> {
  const search = page.getByTestId(box).getByTestId('resident-picker-search');
  await search.fill(name);
  await expect(page.getByTestId('resident-picker-option')).toHaveCount(1);
  await search.press('Enter');
}

export async function syncNow(page: Page): Promise<void> {
  await page.keyboard.press('Alt+7');
  await expect(page.getByTestId('sync-state-label')).toHaveText('已连接');
  const said = page.locator('.ant-message-notice');
  await expect(said).toHaveCount(0, { timeout: 15_000 });
  await page.getByTestId('sync-now').click();
  await expect(said).toContainText(/同步完成|本轮已结束/, { timeout: 45_000 });
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0', { timeout: 45_000 });
}

/** Opens a step's dialog from the case page, fills it, and confirms; the dialog closes. */
export async function step(page: Page, action: string, fill: (page: Page) => Promise<void>): Promise<void> {
  await page.getByTestId(`relief-action-${action}`).click();
  await expect(page.getByTestId(`relief-step-${action}`)).toBeVisible();
  await fill(page);
  await page.getByTestId('relief-step-ok').click();
  await expect(page.getByTestId(`relief-step-${action}`)).toBeHidden();
}

/** After the host's clock moved on the session has idled out: sign the administrator in again. */
export async function reloadSignedIn(page: Page, login = 'admin', password = 'Station2026'): Promise<void> {
  await page.reload();
  await expect(page.getByTestId('signin-screen').or(page.getByTestId('shell'))).toBeVisible();
  if (await page.getByTestId('signin-screen').isVisible()) {
    await page.getByTestId('signin-login').fill(login);
    await page.getByTestId('signin-password').fill(password);
    await page.getByTestId('signin-password').press('Enter');
    await expect(page.getByTestId('shell')).toBeVisible();
  }
}

/** Opens a case from the 救助案件 list (the 全部 view). */
export async function openCase(page: Page, caseNo: string): Promise<void> {
  await page.keyboard.press('Alt+5');
  await page.getByTestId('relief-tab-list').click();
  await page.getByTestId('relief-list-views').getByText('全部').click();
  await page.getByTestId(`relief-row-${caseNo}`).click();
  await expect(page.getByTestId('relief-case-no')).toHaveText(caseNo);
}
