import { checkCharOf } from '../../common/idcard';
import { test, expect, setUpThroughScreen } from './fixtures';

// The 国家移民管理局's example of a 2023 外国人永久居留身份证 number: issued in 江苏 (32), 沙特阿拉伯 (682), born 1985-01-01.
const FOREIGN_ID = '932682198501010017';
/** 11 北京 with a made-up 9999: the check character is right, the address code is in no edition of GB/T 2260. */
const MADE_UP = (() => {
  const first17 = '11999919800101123';
  return first17 + checkCharOf(first17);
})();

test('a 永居证 holder is registered as such, +86 landlines are taken, unknown codes warn and unallocated mobiles are refused', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  await page.getByTestId('nav-residents').click();

  await page.getByTestId('resident-register').click();
  await expect(page.getByTestId('resident-form-idNumber')).toBeFocused();
  await page.getByTestId('resident-form-idNumber').fill(FOREIGN_ID);
  const derived = page.getByTestId('resident-form-derived');
  await expect(derived).toContainText('外国人永久居留身份证 · 男 · 1985-01-01 出生');
  await expect(derived).toContainText('国籍 沙特阿拉伯');
  await expect(page.getByTestId('resident-form-id-warning')).toHaveCount(0);
  await page.getByTestId('resident-form-name').fill('阿卜杜拉');
  // an unallocated mobile block is refused with its own message, and the typed form stays
  await page.getByTestId('resident-form-phone').fill('14012345678');
  await page.getByTestId('resident-form-phone').blur();
  await expect(page.getByText('手机号段 140 尚未分配使用，请核对号码')).toBeVisible();
  await page.getByTestId('resident-form-phone').fill('+86 10 6234 5678');
  await page.getByTestId('resident-form-phone').blur();
  await expect(page.getByText('手机号段 140 尚未分配使用，请核对号码')).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('form-foreign.png') });
  await page.getByTestId('resident-save').click();
  await expect(page.getByTestId('resident-detail-name')).toHaveText('阿卜杜拉');
  await expect(page.getByTestId('resident-detail-id-type')).toHaveText('外国人永久居留身份证');
  await expect(page.getByTestId('resident-detail-id')).toContainText('932682********0017');
  await expect(page.getByTestId('resident-detail')).toContainText('010-62345678');
  await page.screenshot({ path: test.info().outputPath('detail-foreign.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('resident-detail')).toBeHidden();

  // a made-up address code warns but does not refuse
  await page.getByTestId('resident-register').click();
  await page.getByTestId('resident-form-idNumber').fill(MADE_UP);
  await expect(page.getByTestId('resident-form-id-warning')).toContainText('前 6 位地区码 119999 不在行政区划代码表');
  await expect(page.getByTestId('resident-form-derived')).toHaveText(/^男 · 1980-01-01 出生/);
  await page.getByTestId('resident-form-name').fill('张三');
  await page.getByTestId('resident-form-phone').fill('+86-311-86012345');
  await page.screenshot({ path: test.info().outputPath('form-warning.png') });
  await page.getByTestId('resident-save').click();
  await expect(page.getByTestId('resident-detail-id-type')).toHaveText('居民身份证');
  await expect(page.getByTestId('resident-detail')).toContainText('0311-86012345');
});
