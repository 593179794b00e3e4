import type { Page } from '@playwright/test';
import { test, expect, setUpThroughScreen } from './fixtures';

// Valid 身份证号 (GB 11643 check characters).
const ID_A = '11010519491231002X';
const ID_B = '130102195003081214';
const ID_C = '130102199001020221';

async function register(page: Page, idNumber: string, name: string) {
  await page.getByTestId('resident-register').click();
  await expect(page.getByTestId('resident-form-idNumber')).toBeFocused();
  await page.getByTestId('resident-form-idNumber').fill(idNumber);
  await page.getByTestId('resident-form-name').fill(name);
  await page.getByTestId('resident-save').click();
  await expect(page.getByTestId('resident-detail-name')).toHaveText(name);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('resident-detail')).toBeHidden();
}

test('Esc on a changed form asks first; an untouched one just closes', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  await page.getByTestId('nav-residents').click();

  // untouched: Esc closes at once
  await page.getByTestId('resident-register').click();
  await expect(page.getByTestId('resident-form-idNumber')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('resident-form')).toBeHidden();
  await expect(page.getByTestId('resident-form-discard-keep')).toHaveCount(0);

  // typed work: Esc asks, focus on 继续填写, Enter keeps everything
  await page.getByTestId('resident-register').click();
  await expect(page.getByTestId('resident-form-idNumber')).toBeFocused();
  await page.getByTestId('resident-form-idNumber').fill(ID_A);
  await page.getByTestId('resident-form-name').fill('张堃');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('resident-form-discard-keep')).toBeFocused();
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('放弃未保存的内容？');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('resident-form-discard-keep')).toHaveCount(0);
  await expect(page.getByTestId('resident-form-name')).toHaveValue('张堃');
  await expect(page.getByTestId('resident-form-idNumber')).toHaveValue(ID_A);

  // Esc a second time while asked also keeps the work
  await page.getByTestId('resident-form-name').focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('resident-form-discard-keep')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('resident-form-discard-keep')).toHaveCount(0);
  await expect(page.getByTestId('resident-form-name')).toHaveValue('张堃');

  // 取消 asks too; Tab to 放弃并关闭 and Enter discards
  await page.getByTestId('resident-cancel').click();
  await expect(page.getByTestId('resident-form-discard-keep')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('resident-form-discard-ok')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('resident-form')).toBeHidden();
  // nothing was saved
  await page.getByTestId('resident-search').fill('张堃');
  await expect(page.getByText('没有找到符合的居民')).toBeVisible();

  // the shared FormModal asks the same way (settings → 人员 → 新增)
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-staff').click();
  await page.getByTestId('staff-add').click();
  const dialog = page.getByTestId('staff-create');
  await expect(page.getByTestId('staff-name')).toBeFocused();
  await page.getByTestId('staff-name').fill('李娜');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('staff-create-discard-keep')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('staff-create-discard-keep')).toBeHidden();
  await expect(page.getByTestId('staff-name')).toHaveValue('李娜');
  await page.getByTestId('staff-name').focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('staff-create-discard-keep')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
});

test('a registered 身份证号 is flagged as soon as it is complete, with a link to the person', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  await page.getByTestId('nav-residents').click();
  await register(page, ID_B, '王五');

  await page.getByTestId('resident-register').click();
  await expect(page.getByTestId('resident-form-idNumber')).toBeFocused();
  await page.getByTestId('resident-form-idNumber').fill(ID_B.slice(0, 17));
  await expect(page.getByTestId('resident-form-duplicate')).toHaveCount(0);
  await page.getByTestId('resident-form-idNumber').press('End');
  await page.keyboard.type(ID_B.slice(17));
  // before the name or anything else is typed, and before any save
  const warning = page.getByTestId('resident-form-duplicate');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('王五');
  await expect(warning).toContainText('130102********1214');
  await expect(warning).not.toContainText(ID_B);
  await page.getByTestId('resident-form-open-existing').click();
  await expect(page.getByTestId('resident-form')).toBeHidden();
  await expect(page.getByTestId('resident-detail-name')).toHaveText('王五');
  await expect(page.getByTestId('resident-history')).toBeVisible();
  await expect(page.getByTestId('resident-history')).toContainText('尚未为其办理代办事项');
});

test('rare names get their pinyin; an unknown character asks for it, and the correction finds them', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  await page.getByTestId('nav-residents').click();
  await page.getByTestId('resident-register').click();
  await expect(page.getByTestId('resident-form-idNumber')).toBeFocused();
  await page.getByTestId('resident-form-idNumber').fill(ID_A);
  await page.getByTestId('resident-form-name').fill('卫𪚥');
  await expect(page.getByTestId('resident-form-pinyin-derived')).toContainText('wei zhe');
  await page.getByTestId('resident-save').click();
  await expect(page.getByTestId('resident-detail-pinyin')).toHaveText('wei zhe');
  await page.keyboard.press('Escape');

  await page.getByTestId('resident-register').click();
  await expect(page.getByTestId('resident-form-idNumber')).toBeFocused();
  await page.getByTestId('resident-form-idNumber').fill(ID_C);
  await page.getByTestId('resident-form-name').fill('李𠈌玥');
  await expect(page.getByTestId('resident-form-pinyin-unknown')).toContainText('𠈌');
  await page.screenshot({ path: test.info().outputPath('pinyin-unknown.png') });
  await page.getByTestId('resident-form-pinyin').fill('li xu yue');
  await page.getByTestId('resident-save').click();
  await expect(page.getByTestId('resident-detail-pinyin')).toHaveText('li xu yue');
  await page.keyboard.press('Escape');

  await page.getByTestId('resident-search').fill('wz');
  await expect(page.getByTestId('resident-result')).toHaveCount(1);
  await expect(page.getByTestId('resident-result')).toContainText('卫𪚥');
  await page.getByTestId('resident-search').fill('lxy');
  await expect(page.getByTestId('resident-result')).toHaveCount(1);
  await expect(page.getByTestId('resident-result')).toContainText('李𠈌玥');
});
