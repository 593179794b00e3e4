/**
 * The county sees each station's 微心愿 and their steps, read only: a wish recorded and
 * published at the station reaches the real county server (PGlite) by sync, and the county
 * page's 微心愿 tab lists it with the beneficiary masked and its steps.
 */
import fs from 'node:fs';
import { startCounty, type RunningCounty } from './county';
import { test, expect, choose, setUpThroughScreen } from './fixtures';

const SHOTS = 'test-results/e2e';


let county: RunningCounty | null = null;
test.afterEach(async () => {
  await county?.close();
  county = null;
});

test('a wish published at the station is listed with its steps on the county page (masked, read only)', async ({ page, host }) => {
  test.setTimeout(150_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  county = await startCounty();
  const { password } = await county.server.store.createAdmin('wang', '王科长');
  const countyPage = await page.context().browser()!.newContext().then((c) => c.newPage());

  await setUpThroughScreen(page, host.url);
  await countyPage.goto(`${county.url}/admin/`);
  await countyPage.getByLabel('登录名').fill('wang');
  await countyPage.getByLabel('密码').fill(password);
  await countyPage.keyboard.press('Enter');
  await countyPage.getByRole('tab', { name: '站点' }).click();
  await countyPage.getByRole('button', { name: '新建站点' }).click();
  await countyPage.getByLabel('站点编码').fill('130102001');
  await countyPage.getByLabel('站点名称').fill('建北街道党群服务中心');
  await countyPage.keyboard.press('Enter');
  const code = (await countyPage.getByTestId('enrollment-code').textContent())!;
  await countyPage.getByRole('button', { name: '我已记下，关闭' }).click();

  await page.keyboard.press('Alt+7');
  await page.getByTestId('sync-enroll-url').fill(county.url);
  await page.getByTestId('sync-enroll-code').fill(code);
  await page.getByTestId('sync-enroll-code').press('Enter');
  await expect(page.getByTestId('sync-state-label')).toHaveText('已连接');

  // a resident and a wish within the cap, published at once
  await page.getByTestId('nav-residents').click();
  await page.getByTestId('resident-register').click();
  await expect(page.getByTestId('resident-form-idNumber')).toBeFocused();
  await page.getByTestId('resident-form-idNumber').fill('11010519491231002X');
  await page.getByTestId('resident-form-name').fill('李秀兰');
  await page.getByTestId('resident-form-phone').fill('13800138000');
  await page.getByTestId('resident-form-address').fill('建北街道中山东路 3 号院 2 单元 101');
  await page.getByTestId('resident-save').click();
  await expect(page.getByTestId('resident-detail-name')).toHaveText('李秀兰');
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-wishes').click();
  await page.getByTestId('resident-picker-search').fill('002X');
  await expect(page.getByTestId('resident-picker-option')).toHaveCount(1);
  await page.getByTestId('resident-picker-search').press('Enter');
  await page.getByTestId('wish-title').fill('助听器一副');
  await choose(page, 'wish-category', '助老');
  await page.getByTestId('wish-value').fill('300');
  await page.getByTestId('wish-deadline').fill(new Date(Date.now() + 8 * 3600_000 + 20 * 86_400_000).toISOString().slice(0, 10));
  await page.getByTestId('wish-deadline').press('Control+Enter');
  await expect(page.getByTestId('wish-detail')).toContainText('已发布');
  const wishNo = (await page.locator('.ant-drawer-title').textContent())!.replace('心愿', '').trim();
  await page.keyboard.press('Escape');

  // sync until the county holds everything
  await page.keyboard.press('Alt+7');
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0', { timeout: 45_000 });

  await countyPage.getByRole('tab', { name: '微心愿' }).click();
  const row = countyPage.getByTestId('county-wish-row').filter({ hasText: wishNo });
  await expect(row).toContainText('助听器一副');
  await expect(row).toContainText('李*兰');
  await expect(countyPage.getByTestId('county-wishes')).not.toContainText('李秀兰');
  await expect(countyPage.getByTestId('county-wishes')).not.toContainText('13800138000');
  await row.click();
  await expect(countyPage.getByTestId('county-wish-step')).toHaveCount(2);
  await expect(countyPage.getByTestId('county-wish-steps')).toContainText('登记心愿');
  await expect(countyPage.getByTestId('county-wish-steps')).toContainText('已发布');
  // read only: the tab offers nothing that changes a wish
  await expect(countyPage.getByTestId('county-wishes').getByRole('button', { name: /办理|审批|删除|修改/ })).toHaveCount(0);
  await countyPage.screenshot({ path: `${SHOTS}/wishes-county.png`, fullPage: true });
});
