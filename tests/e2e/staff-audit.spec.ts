import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { test, expect, addStaff, setUpThroughScreen, signIn } from './fixtures';

/** Calls main from the page the way the renderer does, with the page's token. */
function callMain(page: Page, name: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  return page.evaluate(
    async ([n, body]) => {
      const token = sessionStorage.getItem('stationdesk.token') ?? '';
      const r = await fetch(`/api/${n}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-station-token': token }, body: JSON.stringify(body) });
      return r.json();
    },
    [name, input] as const,
  );
}

test('a new clerk sets their own password before anything else', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  await addStaff(page);
  await page.getByTestId('signout-button').click();

  await signIn(page, 'lina', 'Counter123');
  await expect(page.getByTestId('forced-password-screen')).toBeVisible();
  await expect(page.getByTestId('forced-password-why')).toContainText('管理员设置的密码');
  await expect(page.getByTestId('password-current')).toBeFocused();
  await expect(page.getByTestId('shell')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e/forced-password.png' });

  // main refuses everything else meanwhile, whatever the page does
  const refused = await callMain(page, 'residents.search', { q: '李' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('请先修改密码') } });

  // the same password again is refused, by keyboard: Enter moves on, the last Enter submits
  await page.getByTestId('password-current').fill('Counter123');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('password-next')).toBeFocused();
  await page.keyboard.type('Counter123');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Counter123');
  await page.keyboard.press('Enter');
  await expect(page.getByText('新密码不能与当前密码相同')).toBeVisible();
  await expect(page.getByTestId('shell')).toHaveCount(0);

  await page.getByTestId('password-next').fill('Lina2026x');
  await page.getByTestId('password-confirm').fill('Lina2026x');
  await page.getByTestId('password-confirm').press('Enter');
  await expect(page.getByTestId('shell')).toBeVisible();
  await expect(page.getByTestId('status-user')).toContainText('李娜');

  // the old password is gone; the new one goes straight in
  await page.getByTestId('signout-button').click();
  await signIn(page, 'lina', 'Counter123');
  await expect(page.getByTestId('signin-error')).toHaveText('登录名或密码错误');
  await signIn(page, 'lina', 'Lina2026x');
  await expect(page.getByTestId('shell')).toBeVisible();
});

test('the station head reads the 操作日志 in Chinese, filters it, exports it; county IT sees the raw form', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  // a day's work behind the log: a resident, an accepted item and its receipt
  const resident = await callMain(page, 'residents.create', { requestId: randomUUID(), name: '张堃', idNumber: '11010519491231002X', phone: '13800138000', address: '建北街道中山东路 3 号院' });
  expect(resident.ok).toBe(true);
  const item = (await callMain(page, 'catalogue.get', { code: 'DB-003' })).value as { code: string; materials: string[] };
  const accepted = await callMain(page, 'intake.accept', { requestId: randomUUID(), residentId: (resident.value as { id: string }).id, itemCode: item.code, materialsReceived: item.materials });
  const receiptNo = (accepted.value as { record: { receiptNo: string } }).record.receiptNo;
  await addStaff(page);
  await page.getByTestId('signout-button').click();
  await signIn(page, 'lina', 'Counter123');
  await page.getByTestId('password-current').fill('Counter123');
  await page.getByTestId('password-next').fill('Lina2026x');
  await page.getByTestId('password-confirm').fill('Lina2026x');
  await page.getByTestId('password-confirm').press('Enter');
  await expect(page.getByTestId('shell')).toBeVisible();
  await page.getByTestId('signout-button').click();
  await signIn(page, 'admin', 'Station2026');
  await expect(page.getByTestId('shell')).toBeVisible();

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-audit').click();
  const table = page.getByTestId('audit-table');
  const recordBox = page.locator('input[data-testid="audit-record"], [data-testid="audit-record"] input').first();
  await expect(table).toContainText('受理代办事项');
  await expect(table).toContainText('单据类型：受理回执');
  await expect(table).toContainText('修改密码');
  await expect(table).toContainText('首次登录或重置后修改：是');
  await expect(page.getByTestId('settings-audit')).toContainText(/共 \d+ 条/);
  await expect(table).not.toContainText('登录名：管理员');
  // no internal English on the Chinese view
  const shown = (await table.locator('tbody').innerText()).replace(/130102001-\d{8}-\d{4}|[0-9a-f]{12}…|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|admin|lina/g, '');
  expect(shown).not.toMatch(/[a-z]{3,}/i);
  await page.screenshot({ path: 'test-results/e2e/audit-chinese.png' });

  // by clerk
  await page.getByTestId('audit-actor').click();
  await page.keyboard.type('李娜');
  await page.keyboard.press('Enter');
  await expect(table.locator('tbody tr.ant-table-row').first()).toContainText('李娜');
  const actors = await table.locator('tbody tr.ant-table-row td:nth-child(3)').allInnerTexts();
  expect(actors.length).toBeGreaterThan(0);
  expect(new Set(actors)).toEqual(new Set(['李娜']));
  await page.getByTestId('audit-clear').click();

  // by record: the receipt number finds the acceptance and its receipt, nothing else
  await recordBox.fill(receiptNo);
  await recordBox.press('Enter');
  // the unfiltered page also shows 生成单据: wait for the filtered answer itself
  const recordCells = table.locator('tbody tr.ant-table-row td:nth-child(5)');
  await expect.poll(async () => (await recordCells.allInnerTexts()).every((r) => r.includes(receiptNo))).toBe(true);
  await expect(table).toContainText('生成单据');
  await expect(table).toContainText('受理代办事项');
  await page.screenshot({ path: 'test-results/e2e/audit-record.png' });

  // the export, saved and handed over
  const download = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^操作日志-\d{8}-\d{6}\.xlsx$/);
  const saved = await file.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(saved) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('操作日志')!;
  expect(ws.getRow(3).getCell(4).text).toBe('操作');
  expect(ws.getRow(4).getCell(4).text).toMatch(/受理代办事项|生成单据/);

  // county IT: the raw codes and JSON
  await page.getByTestId('audit-raw').click();
  await expect(table).toContainText('intake.accept');
  await expect(table).toContainText('"kind":"intake.acceptance"');
  await page.screenshot({ path: 'test-results/e2e/audit-raw.png' });
  await page.getByTestId('audit-raw').click();
  await recordBox.fill('');
  await expect(table).toContainText('导出操作日志');
});
