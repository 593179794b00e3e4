/**
 * The round trip in browser mode, end to end, with the real county server (PGlite in a temp
 * folder) and its real web page in the same Chromium: the county creates the station, the
 * station enrolls with the one-time code, accepts a 审核转报 item and forwards it, syncs; the
 * county accepts and completes it on its page; the station shows the decision on the item
 * and on 工作台, closes the day (confirmed by the county) and its 日结报表 is read back.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startCounty, type RunningCounty } from './county';
import { test, expect, setUpThroughScreen, closePreview, registerAndAcceptDb003 } from './fixtures';

const SHOTS = 'test-results/e2e/county-flow';
const STATION_CODE = '130102001';
const STATION_NAME = '建北街道党群服务中心';
const RESULT = '县民政局审核通过，老年证已制发，请携带受理回执到站领取';
const DEPARTMENT = '县民政局老龄工作科';

/** The archived 日结报表 PDFs, read back as text with the layout kept (the figures stay in their row). */
function dayReports(dataDir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/-RJ-dayclose\.report(-\d+)?\.pdf$/.test(e.name)) found.push(p);
    }
  };
  walk(path.join(dataDir, 'documents'));
  found.sort((a, b) => a.length - b.length || a.localeCompare(b));
  return found.map((f) => execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' '));
}

async function signInCounty(page: Page, url: string, password: string): Promise<void> {
  await page.goto(`${url}/admin/`);
  await page.getByLabel('登录名').fill('wang');
  await page.getByLabel('密码').fill(password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-as')).toHaveText('王科长');
}

/** 站点 → 新建站点 with the station's own code; the one-time code as the page shows it. */
async function createStationOnCountyPage(page: Page): Promise<string> {
  await page.getByRole('tab', { name: '站点' }).click();
  await page.getByRole('button', { name: '新建站点' }).click();
  await page.getByLabel('站点编码').fill(STATION_CODE);
  await page.getByLabel('站点名称').fill(STATION_NAME);
  await page.keyboard.press('Enter');
  const codeBox = page.getByTestId('enrollment-code');
  await expect(codeBox).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const code = (await codeBox.textContent())!;
  await page.getByRole('button', { name: '我已记下，关闭' }).click();
  await expect(codeBox).toHaveCount(0);
  return code;
}

/** A resident registered and 老年证办理 (审核转报: the county decides it) accepted; its 回执编号. */
function acceptForwardedItem(page: Page): Promise<string> {
  return registerAndAcceptDb003(page, { name: '李秀兰', address: '建北街道中山东路 3 号院 2 单元 101' });
}

/** 同步 → 立即同步 until the county holds everything: the worker's own state, read on screen. */
async function syncNow(page: Page): Promise<void> {
  await page.keyboard.press('Alt+7');
  await expect(page.getByTestId('sync-state-label')).toHaveText('已连接');
  // a round's message from before must be gone, so the one awaited is this round's
  const said = page.locator('.ant-message-notice');
  await expect(said).toHaveCount(0);
  await page.getByTestId('sync-now').click();
  // a round waits for the worker's own round in flight; applying pulled decisions makes new
  // local changes, which the worker sends on its next round (it watches the outbox's head)
  await expect(said).toContainText(/同步完成|本轮已结束/, { timeout: 45_000 });
  await expect(page.getByTestId('sync-last-error')).toHaveText('无');
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0', { timeout: 45_000 });
}

let county: RunningCounty | null = null;

test.afterEach(async () => {
  await county?.close();
  county = null;
});

test('accept and forward at the station, sync, decide on the county page, see it on the station, 日结 confirmed, 日结报表 read back', async ({ page, host }) => {
  test.setTimeout(180_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  county = await startCounty();
  const { password } = await county.server.store.createAdmin('wang', '王科长');
  const countyPage = await page.context().browser()!.newContext().then((c) => c.newPage());
  const errors: string[] = [];
  for (const p of [page, countyPage]) p.on('pageerror', (e) => errors.push(e.message));

  // 1. the station set up; the county creates it on its page; the station enrolls with the code
  await setUpThroughScreen(page, host.url);
  await signInCounty(countyPage, county.url, password);
  const code = await createStationOnCountyPage(countyPage);
  await page.keyboard.press('Alt+7');
  await expect(page.getByTestId('sync-state-label')).toHaveText('未登记');
  await page.getByTestId('sync-enroll-url').fill(county.url);
  await page.getByTestId('sync-enroll-code').fill(code);
  await page.getByTestId('sync-enroll-code').press('Enter');
  await expect(page.getByTestId('sync-state-label')).toHaveText('已连接');
  await expect(page.getByTestId('sync-county')).toContainText('石家庄市长安区');

  // 2. a 审核转报 item accepted and 转报 to the county, then synced until nothing waits
  const receiptNo = await acceptForwardedItem(page);
  await page.getByTestId('intake-tab-list').click();
  await page.getByTestId('intake-list-view-all').click();
  await page.getByTestId(`intake-row-${receiptNo}`).click();
  await expect(page.getByTestId('intake-detail')).toHaveAttribute('data-status', 'accepted');
  await page.getByTestId('intake-action-forwarded').click();
  await page.getByTestId('intake-forward-receiver').fill('赵敏');
  await page.getByTestId('intake-forward-next').click();
  await page.getByTestId('intake-forward-confirm').click();
  await closePreview(page);
  await expect(page.getByTestId('intake-detail')).toHaveAttribute('data-status', 'forwarded');
  await page.keyboard.press('Escape');
  await syncNow(page);

  // 3. the county finds it by its 回执编号, accepts it for a department, then completes it
  await countyPage.getByRole('tab', { name: '代办事项' }).click();
  await countyPage.getByRole('button', { name: '刷新' }).click();
  const item = countyPage.getByTestId('items-table').getByRole('row', { name: new RegExp(receiptNo) });
  await expect(item).toContainText('老年证办理');
  await expect(item).toContainText('李*兰');
  await item.getByRole('button', { name: '办理' }).click();
  await countyPage.getByLabel('承办部门').fill(DEPARTMENT);
  await countyPage.keyboard.press('Enter');
  await expect(item).toContainText(DEPARTMENT);
  await item.getByRole('button', { name: '办理' }).click();
  await countyPage.getByRole('radio', { name: '办结' }).check();
  await countyPage.getByLabel('办理结果（群众将看到）').fill(RESULT);
  await countyPage.getByRole('button', { name: '提交' }).click();
  await expect(countyPage.getByText(`已提交 ${receiptNo} 的处理结果`).last()).toBeVisible();
  await countyPage.screenshot({ path: `${SHOTS}/county-items.png`, fullPage: true, animations: 'disabled' });

  // 4. the station pulls the decisions: 工作台 lists the county's 办结, and it opens the item showing it
  await syncNow(page);
  await page.keyboard.press('Alt+1');
  const decision = page.getByTestId('workbench-county-item').filter({ hasText: receiptNo });
  await expect(decision).toContainText('县级已办结');
  await expect(decision).toContainText(RESULT);
  await expect(decision).toContainText('李秀兰');
  await page.getByTestId('workbench-county').screenshot({ path: `${SHOTS}/workbench-county.png`, animations: 'disabled' });
  await decision.click();
  await page.getByTestId(`intake-row-${receiptNo}`).click();
  await expect(page.getByTestId('intake-detail')).toHaveAttribute('data-status', 'completed');
  await expect(page.getByTestId('intake-detail-county')).toContainText(`已办结：${RESULT}`);
  await expect(page.getByTestId('intake-detail-county')).toContainText('王科长（县级）');
  await expect(page.getByTestId('intake-detail')).toContainText(RESULT);
  // the history names both decisions and who made them at the county
  const history = page.getByTestId('intake-detail-events');
  await expect(history).toContainText(`县级受理，承办部门：${DEPARTMENT}`);
  await expect(history).toContainText('已办结');
  await expect(history).toContainText('王科长（县级）');
  await page.screenshot({ path: `${SHOTS}/station-item-detail.png`, fullPage: true, animations: 'disabled' });
  await page.keyboard.press('Escape');

  // 5. 日结: the day's figures, the close confirmed by the county, the report read back
  await page.keyboard.press('Alt+6');
  await expect(page.getByTestId('dayclose-open')).toBeVisible();
  await expect(page.getByTestId('dayclose-count-accepted')).toContainText('1');
  await expect(page.getByTestId('dayclose-count-forwarded')).toContainText('1');
  await expect(page.getByTestId('dayclose-count-completed')).toContainText('1');
  await expect(page.getByTestId('dayclose-receipts')).toHaveText(receiptNo);
  await page.getByTestId('dayclose-close').click();
  await expect(page.getByTestId('dayclose-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dayclose-closed')).toBeVisible();
  await expect(page.getByTestId('dayclose-outcome')).toContainText('已确认');
  await expect(page.getByTestId('dayclose-outcome-detail')).toContainText('县级平台已于');
  await expect(page.getByTestId('document-frame')).toBeVisible();
  await closePreview(page);
  await page.screenshot({ path: `${SHOTS}/dayclose-closed.png`, fullPage: true, animations: 'disabled' });

  const [report] = dayReports(host.dataDir);
  expect(report).toBeDefined();
  for (const f of ['日结报表', STATION_NAME, STATION_CODE, '已确认', '县级平台于', '王建国', receiptNo]) expect(report, f).toContain(f);
  expect(report).not.toContain('待确认');
  // 合计: 受理 1, 办结 1, 转报 1, 退回 0, 撤销 0, 领取送达 0, 逾期 (the day's clock decides), 告知书 0, 受理回执 1, 补打 0
  expect(report).toMatch(/合计 1 1 1 0 0 0 [01] 0 1 0\b/);

  // the 办结 is the county's, on its own line
  expect(report).toMatch(/县级平台 0 1 0 0 0 0 0 0 0 0\b/);

  // and the county holds the day's close, confirmed, with the same figures
  const station = (await county.server.store.listStations()).find((s) => s.code === STATION_CODE)!;
  const closes = await county.server.store.dayCloses(station.id);
  expect(closes).toHaveLength(1);
  expect(closes[0]).toMatchObject({ status: 'confirmed', counts: { 'intake.accepted': 1, 'intake.forwarded': 1, 'intake.completed': 1, 'intake.returned': 0 } });
  expect(errors).toEqual([]);
  await countyPage.context().close();
});
