/**
 * Keyboard first (issue 6 item 8): every area entered by Alt+digit or by click has the
 * keyboard where its work starts, each tab has its own key, and what the clerk types at
 * once lands there. Also: a local service that stops answering shows as such, never as
 * 没有找到 (item 13).
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, setUpThroughScreen, stopHost } from './fixtures';

/** Types at once into whatever has the focus, and checks it landed in the box expected. */
async function typeLands(page: Page, box: Locator, text: string): Promise<void> {
  await expect(box).toBeFocused();
  await page.keyboard.type(text);
  await expect(box).toHaveValue(text);
  // Ctrl+A belongs to the box, not the page: what was typed is replaced, nothing else is selected
  await page.keyboard.press('Control+A');
  await page.keyboard.type('李');
  await expect(box).toHaveValue('李');
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');
}

test('each area by Alt+digit and by click, and each tab by Alt+Shift+digit, puts the keyboard where work starts', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);

  // 工作台: the way into the areas
  await expect(page.getByTestId('card-residents')).toBeFocused();

  await page.keyboard.press('Alt+2');
  await typeLands(page, page.getByTestId('resident-search'), '张');

  await page.keyboard.press('Alt+3');
  await typeLands(page, page.getByTestId('resident-picker-search'), '王');

  // 微心愿: a new wish starts at its beneficiary, picked from the registry
  await page.keyboard.press('Alt+4');
  await typeLands(page, page.getByTestId('area-wishes').getByTestId('resident-picker-search'), '李');
  // 社会救助: a new application starts at its type
  await page.keyboard.press('Alt+5');
  await expect(page.getByTestId('relief-type').locator('input')).toBeFocused();
  // 日结: the keyboard rests on the 日结 button, Enter away from the confirmation
  await page.keyboard.press('Alt+6');
  await expect(page.getByTestId('dayclose-close')).toBeFocused();

  // 同步 of a station not yet enrolled: the administrator starts at the county's address
  await page.keyboard.press('Alt+7');
  await typeLands(page, page.getByTestId('sync-enroll-url'), 'h');

  await page.keyboard.press('Alt+8');
  await typeLands(page, page.getByTestId('settings-county-url'), 'h');

  // 代办's tabs by their keys, shown on the tabs
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('area-intake').locator('.ant-tabs-tab').nth(1)).toContainText('Alt+Shift+2');
  await page.keyboard.press('Alt+Shift+2');
  await typeLands(page, page.getByTestId('intake-filter-text'), 'G0001');
  await page.keyboard.press('Alt+Shift+3');
  await typeLands(page, page.getByTestId('catalogue-filter'), '高龄');
  await page.keyboard.press('Alt+Shift+1');
  await expect(page.getByTestId('resident-picker-search')).toBeFocused();

  // the report: Alt+3 reopened the last 代办 tab with nothing focused
  await page.getByTestId('intake-tab-list').click();
  await expect(page.getByTestId('intake-filter-text')).toBeFocused();
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('resident-search')).toBeFocused();
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('intake-list')).toBeVisible();
  await typeLands(page, page.getByTestId('intake-filter-text'), '张');

  // 居民's tabs
  await page.keyboard.press('Alt+2');
  await page.keyboard.press('Alt+Shift+2');
  await expect(page.getByTestId('ledger-tags').locator('input')).toBeFocused();
  await page.keyboard.press('Alt+Shift+3');
  await expect(page.getByTestId('import-choose')).toBeFocused();
  await page.keyboard.press('Alt+Shift+1');
  await typeLands(page, page.getByTestId('resident-search'), '赵');

  // 设置's tabs
  await page.keyboard.press('Alt+8');
  await page.keyboard.press('Alt+Shift+2');
  await expect(page.getByTestId('station-name')).toBeFocused();
  await page.keyboard.press('Alt+Shift+3');
  await expect(page.getByTestId('calendar-load-any')).toBeFocused();
  await page.keyboard.press('Alt+Shift+4');
  await expect(page.getByTestId('staff-add')).toBeFocused();
  await page.keyboard.press('Alt+Shift+6');
  await expect(page.getByTestId('password-current')).toBeFocused();

  // by click: the menu and the tabs hand the keyboard on the same way
  await page.getByTestId('nav-residents').click();
  await typeLands(page, page.getByTestId('resident-search'), '周');
  await page.getByTestId('nav-intake').click();
  await page.getByTestId('intake-tab-catalogue').click();
  await typeLands(page, page.getByTestId('catalogue-filter'), '低保');

  await page.keyboard.press('Alt+3');
  await page.screenshot({ path: 'test-results/e2e/keyboard-tabs.png' });
});

test('a local service that stops answering is shown as such, never as 没有找到 and never as a reason to register', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  // both areas' code is loaded while the service still serves it
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('resident-picker-search')).toBeFocused();
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('resident-search')).toBeFocused();
  await stopHost(host);

  await page.keyboard.type('130102199001011236');
  const down = page.getByTestId('resident-search-unavailable');
  await expect(down).toBeVisible();
  await expect(down).toContainText('无法连接到本机服务');
  await expect(down).toContainText('这不代表查无此人');
  await expect(page.getByText('没有找到符合的居民')).toHaveCount(0);
  await expect(page.getByTestId('resident-register-typed')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e/search-service-down.png' });

  await page.keyboard.press('Alt+3');
  await page.keyboard.type('130102199001011236');
  await expect(page.getByTestId('resident-picker-unavailable')).toBeVisible();
  await expect(page.getByText('没有找到符合的居民')).toHaveCount(0);
  // Enter must not open 登记新居民 for a number the service could not look up
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-modal-wrap')).toHaveCount(0);
});
