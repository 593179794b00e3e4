/**
 * Issue 8 items 3 and 4 on screen: a clerk sees no 台账 export and no import until the 站长
 * grants them in 设置 → 权限授予; a data folder found readable by others is tightened at start
 * and said so in the status bar.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, addStaff, firstSignIn, setUpThroughScreen, signIn, startBuiltHost, stopHost } from './fixtures';

async function addClerkAndSignIn(page: Page) {
  await addStaff(page);
  await page.getByTestId('signout-button').click();
  await firstSignIn(page, 'lina', 'Counter123', 'Lina2026x');
}

test('the 站长 grants a clerk the 台账 export, and the clerk then has the button', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  await addClerkAndSignIn(page);
  await page.getByTestId('nav-residents').click();
  await page.getByTestId('residents-tab-ledger').click();
  await expect(page.getByTestId('ledger-table')).toBeVisible();
  await expect(page.getByTestId('ledger-export')).toHaveCount(0);
  await expect(page.getByTestId('residents-tab-import')).toHaveCount(0);
  await expect(page.getByTestId('settings-tab-grants')).toHaveCount(0);

  await page.getByTestId('signout-button').click();
  await signIn(page, 'admin', 'Station2026');
  await expect(page.getByTestId('shell')).toBeVisible();
  await page.getByTestId('nav-settings').click();
  // the last of the administrator's seven tabs, by keyboard (at 1366 px it sits behind the tabs' overflow)
  await page.keyboard.press('Alt+Shift+7');
  await expect(page.getByTestId('grants-tab')).toBeVisible();
  await page.getByTestId('grant-lina-residents.export').click();
  await expect(page.getByText('已授予李娜“导出重点服务对象台账”的权限')).toBeVisible();
  await expect(page.getByTestId('grant-lina-residents.export')).toHaveAttribute('aria-checked', 'true');
  await page.screenshot({ path: 'test-results/e2e/grants.png' });

  await page.getByTestId('signout-button').click();
  await signIn(page, 'lina', 'Lina2026x');
  await expect(page.getByTestId('shell')).toBeVisible();
  await page.getByTestId('nav-residents').click();
  await page.getByTestId('residents-tab-ledger').click();
  await expect(page.getByTestId('ledger-export')).toBeVisible();
  await expect(page.getByTestId('residents-tab-import')).toHaveCount(0);
});

test('a data folder readable by others is tightened at start and said so in the status bar', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-e2e-open-'));
  fs.chmodSync(dataDir, 0o755);
  const host = await startBuiltHost(dataDir);
  try {
    await setUpThroughScreen(page, host.url);
    await expect(page.getByTestId('status-datadir-warning')).toContainText('已自动改为仅当前用户可访问');
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    await page.screenshot({ path: 'test-results/e2e/datadir-warning.png' });
  } finally {
    await stopHost(host);
  }
});
