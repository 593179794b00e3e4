import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, setUpThroughScreen, test } from './fixtures';
import { statutoryCalendar } from '../../common/statutory-holidays';

// The host runs on the machine's clock: the years shown follow it, so the spec reads
// "this year" from the screen and writes its notice files for the year after.
async function thisYear(page: Page): Promise<number> {
  const table = page.getByTestId('calendar-years');
  await expect(table).toBeVisible();
  const text = (await table.locator('tr', { hasText: '今年' }).first().innerText()).trim();
  return Number(/(\d{4}) 年/.exec(text)![1]);
}

function noticeFile(year: number, patch: Record<string, unknown> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-e2e-notice-'));
  const file = path.join(dir, `${year}年放假安排.json`);
  const notice = { ...statutoryCalendar(year), source: `测试用：${year} 年放假安排（不是真实的国务院通知）`, ...patch };
  fs.writeFileSync(file, JSON.stringify(notice, null, 2));
  return file;
}

async function pick(page: Page, button: string, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(button).click();
  await (await chooser).setFiles(file);
}

test('the station head loads next year\'s notice in 设置 → 节假日安排; a bad file is refused in Chinese', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-calendar').click();
  await expect(page.getByTestId('settings-calendar')).toBeVisible();
  // work starts at the import button
  await expect(page.getByTestId('calendar-load-any')).toBeFocused();

  const year = await thisYear(page);
  const next = year + 1;
  await expect(page.getByTestId(`calendar-status-${year - 1}`)).toBeVisible();

  // a file for next year chosen on this year's row
  await pick(page, `calendar-load-${year}`, noticeFile(next));
  await expect(page.getByTestId('calendar-error')).toHaveText(`放假安排文件有误：文件是 ${next} 年的放假安排，不是所选的 ${year} 年`);

  // a file with a date twice
  const first = statutoryCalendar(next).holidays[0]!;
  await pick(page, `calendar-load-${next}`, noticeFile(next, { holidays: [...statutoryCalendar(next).holidays, { name: '重复', dates: [first.dates[0]] }] }));
  await expect(page.getByTestId('calendar-error')).toContainText(`${first.dates[0]} 同时列为“${first.name}”和“重复”`);
  await expect(page.getByTestId(`calendar-status-${next}`)).not.toHaveText('已公布');
  await page.screenshot({ path: 'test-results/calendar-refused.png', fullPage: true });

  await pick(page, `calendar-load-${next}`, noticeFile(next));
  await expect(page.getByTestId('calendar-done')).toContainText(`已导入 ${next} 年放假安排：测试用`);
  await expect(page.getByTestId('calendar-error')).toHaveCount(0);
  await expect(page.getByTestId(`calendar-status-${next}`)).toHaveText('已公布');
  await expect(page.getByTestId(`calendar-source-${next}`)).toContainText('本站导入（王建国');
  await page.getByTestId('settings-calendar').screenshot({ path: 'test-results/calendar-loaded.png' });

  // the same file again: nothing changes
  await pick(page, 'calendar-load-any', noticeFile(next));
  await expect(page.getByTestId('calendar-done')).toHaveText(`所选文件与现行的 ${next} 年放假安排相同，未作改动。`);

  // and it is in the audit log, in Chinese
  await page.getByTestId('settings-tab-audit').click();
  await expect(page.getByTestId('audit-table')).toContainText('导入节假日安排');
  await expect(page.getByTestId('audit-table')).toContainText('本站导入');
});
