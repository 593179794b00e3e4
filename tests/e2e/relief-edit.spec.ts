/**
 * 修改家庭情况 and 设置 → 社会救助 in browser mode: the 站长's screen records the 低保 standard
 * (refusing an empty 文件依据 and a too-short extended limit next to the field), a 低保 case is
 * registered, a member's income is edited on the case with the per-capita figure following,
 * and a new standard recorded in 设置 moves the case's comparison.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, choose, setUpThroughScreen, closePreview } from './fixtures';
import { pickResident, registerResident, stationDay } from './relief-helpers';
import { withCheckDigit } from '../helpers/relief';

const SHOTS = 'test-results/e2e/relief-edit';
const HOUSEHOLD = [
  { name: '张建华', idNumber: withCheckDigit('13010219700101101'), address: '建北街道中山东路 3 号' },
  { name: '李秀英', idNumber: withCheckDigit('13010219720202102'), address: '建北街道中山东路 3 号' },
];

async function reliefSettings(page: Page): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('area-settings')).toBeVisible();
  await page.getByRole('tab', { name: '社会救助' }).click();
  await expect(page.getByTestId('relief-settings')).toBeVisible();
}

async function recordStandard(page: Page, amount: string, from: string, source: string): Promise<void> {
  await page.getByTestId('relief-settings-amount').fill(amount);
  await page.getByTestId('relief-settings-from').fill(from);
  await page.getByTestId('relief-settings-source').fill(source);
  await page.getByTestId('relief-settings-record').click();
}

test('修改家庭情况 recounts the per-capita income; a standard recorded in 设置 moves the case’s comparison', async ({ page, host }) => {
  test.setTimeout(180_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const monthAgo = stationDay(-30);
  const today = stationDay(0);

  // 1. 设置 → 社会救助: no standard yet; an empty 文件依据 is refused next to the field
  await setUpThroughScreen(page, host.url);
  await reliefSettings(page);
  await expect(page.getByTestId('relief-settings-no-standard')).toBeVisible();
  await expect(page.getByTestId('relief-settings-time-investigateWorkdays')).toContainText('默认 10 个工作日');
  await expect(page.getByTestId('relief-settings-time-publicityDays')).toContainText('默认 7 个自然日');
  await recordStandard(page, '780', monthAgo, '');
  await expect(page.getByTestId('relief-err-standard.source')).toHaveText('请填写文件依据');
  await page.getByTestId('relief-settings-source').fill('长安区民政局〔2026〕1号');
  await page.getByTestId('relief-settings-record').click();
  await expect(page.getByTestId('relief-settings-in-force')).toContainText('780.00');
  await expect(page.getByTestId('relief-settings-standards')).toContainText('本站录入');
  // the extended limit shorter than the normal one: refused at that field, nothing saved
  await page.getByTestId('relief-settings-extendedWorkdays').fill('20');
  await page.getByTestId('relief-settings-save').click();
  await expect(page.getByTestId('relief-err-time.extendedWorkdays')).toHaveText('延长后的办理期限不能短于正常期限');
  await page.getByTestId('relief-settings-extendedWorkdays').fill('45');
  await page.getByTestId('relief-settings-save').click();
  await expect(page.getByTestId('relief-err-time.extendedWorkdays')).toBeHidden();

  // 2. a two-person 低保 household: 3600 ÷ 6 = 600 a month, ÷ 2 = 300.00
  for (const who of HOUSEHOLD) await registerResident(page, who);
  await page.keyboard.press('Alt+5');
  await expect(page.getByTestId('relief-new')).toBeVisible();
  await choose(page, 'relief-type', '最低生活保障');
  await pickResident(page, 'relief-pick-applicant', '张建华');
  await choose(page, 'relief-member-0-employment', '灵活就业');
  await page.getByTestId('relief-member-0-add-income').click();
  await page.getByTestId('relief-member-0-income-0-amount').fill('3600');
  await page.getByTestId('relief-member-0-income-0').getByLabel('计算月数').fill('6');
  await pickResident(page, 'relief-add-member', '李秀英');
  await choose(page, 'relief-member-1-employment', '无劳动能力');
  await page.getByTestId('relief-member-1-health').fill('尿毒症，每周透析');
  const materials = page.getByTestId('relief-materials').locator('input[type=checkbox]');
  const n = await materials.count();
  for (let i = 0; i < n; i++) await page.getByTestId(`relief-material-${i}`).click();
  await page.getByTestId('relief-close-relative-no').click();
  await expect(page.getByTestId('relief-per-capita')).toHaveText('300.00');
  await page.getByTestId('relief-submit').click();
  await expect(page.getByTestId('relief-outcome')).toBeVisible();
  await closePreview(page);
  const caseNo = (await page.getByTestId('relief-outcome-text').textContent())!.replace(/^.*案件编号\s*/, '').trim();
  await page.getByTestId('relief-open-case').click();
  await expect(page.getByTestId('relief-case-no')).toHaveText(caseNo);
  await expect(page.getByTestId('relief-gap')).toContainText('低于标准 480.00 元');

  // 3. 修改家庭情况: the applicant now earns 4800 over 6 months: 800 ÷ 2 = 400.00
  await page.getByTestId('relief-action-household').click();
  await expect(page.getByTestId('relief-edit')).toBeVisible();
  await expect(page.getByTestId('relief-member-1-health')).toHaveValue('尿毒症，每周透析');
  await expect(page.getByTestId('relief-member-0-income-0-amount')).toHaveValue('3600.00');
  await expect(page.getByTestId('relief-per-capita')).toHaveText('300.00');
  await page.getByTestId('relief-member-0-income-0-amount').fill('4800');
  await expect(page.getByTestId('relief-per-capita')).toHaveText('400.00');
  await page.screenshot({ path: `${SHOTS}/01-household-editor.png`, fullPage: true, animations: 'disabled' });
  await page.getByTestId('relief-edit-save').click();
  await expect(page.getByTestId('relief-edit')).toBeHidden();
  await expect(page.getByTestId('relief-per-capita')).toHaveText('400.00');
  await expect(page.getByTestId('relief-gap')).toContainText('低于标准 380.00 元');
  await expect(page.getByTestId('relief-members')).toContainText('尿毒症，每周透析');

  // 4. a new standard from today, recorded in 设置: the case compares against 820.00
  await reliefSettings(page);
  await recordStandard(page, '820', today, '长安区民政局〔2026〕9号');
  await expect(page.getByTestId('relief-settings-in-force')).toContainText('820.00');
  await page.getByTestId('relief-settings-save').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/02-relief-settings.png`, animations: 'disabled' });
  await page.keyboard.press('Alt+5');
  await page.getByTestId('relief-tab-list').click();
  await page.getByTestId(`relief-row-${caseNo}`).click();
  await expect(page.getByTestId('relief-case-no')).toHaveText(caseNo);
  await expect(page.getByTestId('relief-means')).toContainText('820.00');
  await expect(page.getByTestId('relief-gap')).toContainText('低于标准 420.00 元');
  await page.screenshot({ path: `${SHOTS}/03-case-after.png`, fullPage: true, animations: 'disabled' });
  expect(errors).toEqual([]);
});
