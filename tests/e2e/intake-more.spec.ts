/**
 * 代办, issue 6, as the clerk sees it: an item done on the spot closed in one step with one
 * receipt; a 办理条件 warning the clerk must tick through (and the record keeps); 转报 of
 * several items with its confirmation step and the 转报单; a notice found again by number.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, setUpThroughScreen, closePreview } from './fixtures';

/** A valid 身份证号 for a birth date (GB 11643 check character). */
function idFor(birth: string, seq = '001'): string {
  const body = `110105${birth.replaceAll('-', '')}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, ch, i) => acc + Number(ch) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

// 70 years old on the host's day (the built host runs on this machine's clock): under 高龄津贴's
// 80, over 老年证's 60, whatever year the suite runs in.
const ID_NUMBER = idFor(`${new Date().getFullYear() - 70}-03-15`);
const NAME = '张堃';

function archived(dataDir: string, match: (file: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.pdf') && match(e.name)) found.push(p);
    }
  };
  walk(path.join(dataDir, 'documents'));
  return found.map((f) => execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''));
}

async function registerAndStartIntake(page: Page) {
  await page.getByTestId('nav-residents').click();
  await page.getByTestId('resident-register').click();
  await page.getByTestId('resident-form-idNumber').fill(ID_NUMBER);
  await page.getByTestId('resident-form-name').fill(NAME);
  await page.getByTestId('resident-save').click();
  await expect(page.getByTestId('resident-detail-name')).toHaveText(NAME);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('resident-detail')).toBeHidden();
  await page.keyboard.press('Alt+3');
}

async function pick(page: Page, code: string, query: string) {
  await page.getByTestId('resident-picker-search').fill(ID_NUMBER.slice(-4));
  await expect(page.getByTestId('resident-picker-option')).toHaveCount(1);
  await page.getByTestId('resident-picker-search').press('Enter');
  await expect(page.getByTestId('intake-resident')).toContainText(NAME);
  await page.getByTestId('item-picker-input').fill(query);
  await page.locator(`[data-testid="item-picker-option"][data-code="${code}"]`).click();
}

test('当场办结 in one step: one receipt that says so, nothing left in the work list', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  await registerAndStartIntake(page);
  await pick(page, 'BJ-001', 'jzzm');
  await expect(page.getByTestId('intake-item')).toContainText('居住证明');
  await page.getByTestId('intake-all-received').click();
  await expect(page.getByTestId('intake-spot')).toBeVisible();
  await page.getByTestId('intake-spot-result').fill('已出具居住证明一份');
  await page.screenshot({ path: 'test-results/e2e/intake-on-the-spot-form.png' });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('intake-outcome-title')).toHaveText('已当场办结');
  await expect(page.getByTestId('intake-outcome-handover')).toContainText(`已当场交付，${NAME}领取`);
  const receiptNo = (await page.getByTestId('intake-receipt-no').textContent())!.trim();
  await closePreview(page);

  const [receipt, ...more] = archived(host.dataDir, (f) => f.startsWith(receiptNo));
  expect(more).toHaveLength(0); // one receipt, not three
  expect(receipt).toContain('当场办结回执');
  expect(receipt).toContain('已出具居住证明一份');
  expect(receipt).not.toContain(ID_NUMBER);

  await page.getByTestId('intake-tab-list').click();
  await expect(page.getByTestId('intake-list-count-dueSoon')).toHaveText('0');
  await expect(page.getByTestId('intake-list-count-open')).toHaveText('0');
  await page.getByTestId('intake-list-view-all').click();
  await page.getByTestId(`intake-row-${receiptNo}`).click();
  await expect(page.getByTestId('intake-detail')).toHaveAttribute('data-status', 'collected');
  await expect(page.getByTestId('intake-detail-events')).toContainText('已领取');
});

test('a 办理条件 warning, accepted over; 转报 of two items with a confirmation and one 转报单; a notice found by G0001', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  await registerAndStartIntake(page);

  // 高龄津贴 needs 80: the clerk is warned and must tick through.
  await pick(page, 'ZB-001', 'gljtsq');
  await page.getByTestId('intake-all-received').click();
  await expect(page.getByTestId('intake-eligibility-warning')).toContainText('该事项须年满 80 周岁');
  await expect(page.getByTestId('intake-accept')).toBeDisabled();
  await page.screenshot({ path: 'test-results/e2e/intake-eligibility-warning.png' });
  await page.getByTestId('intake-override').check();
  await page.getByTestId('intake-accept').click();
  await expect(page.getByTestId('intake-outcome')).toHaveAttribute('data-kind', 'accepted');
  const first = (await page.getByTestId('intake-receipt-no').textContent())!.trim();
  await closePreview(page);
  await page.getByTestId('intake-next').click();

  // 老年证: a notice first, then accepted with everything — linked to the notice.
  await pick(page, 'DB-003', 'lnzbl');
  await page.getByTestId('intake-material-0').click();
  await page.getByTestId('intake-notice').click();
  const noticeNo = (await page.getByTestId('intake-notice-no').textContent())!.trim();
  await closePreview(page);
  await page.getByTestId('intake-resume').click();
  await page.getByTestId('intake-all-received').click();
  await expect(page.getByTestId('intake-notice-before')).toContainText(noticeNo);
  await page.getByTestId('intake-accept').click();
  const second = (await page.getByTestId('intake-receipt-no').textContent())!.trim();
  await closePreview(page);

  // 工作清单: the notice by its short number, with the item that followed it.
  await page.getByTestId('intake-tab-list').click();
  await page.getByTestId('intake-list-view-all').click();
  await page.getByTestId('intake-filter-text').fill('G0001');
  await expect(page.getByTestId(`intake-notice-hit-${noticeNo}`)).toContainText(second);
  await page.getByTestId('intake-filter-text').fill('');

  // tick both, 转报 once: the form, then the check, then the 转报单.
  await page.getByTestId(`intake-row-${first}`).locator('.ant-checkbox-input').check();
  await page.getByTestId(`intake-row-${second}`).locator('.ant-checkbox-input').check();
  await page.getByTestId('intake-forward-selected').click();
  await expect(page.getByTestId('intake-forward')).toHaveAttribute('data-step', 'form');
  await page.getByTestId('intake-forward-department').fill('县民政局');
  await page.getByTestId('intake-forward-receiver').fill('李娜');
  await page.getByTestId('intake-forward-receiver').press('Enter');
  await page.getByTestId('intake-forward-note').press('Enter');
  await expect(page.getByTestId('intake-forward')).toHaveAttribute('data-step', 'confirm');
  await expect(page.getByTestId('intake-forward-summary')).toContainText('李娜');
  await expect(page.getByTestId('intake-forward-summary')).toContainText(first);
  await page.screenshot({ path: 'test-results/e2e/intake-forward-confirm.png' });
  await page.getByTestId('intake-forward-back').click();
  await expect(page.getByTestId('intake-forward')).toHaveAttribute('data-step', 'form');
  await page.getByTestId('intake-forward-next').click();
  await page.getByTestId('intake-forward-confirm').click();
  await closePreview(page);

  const [sheet] = archived(host.dataDir, (f) => f.includes('-Z0001-intake.transmittal'));
  for (const f of ['转报单', '县民政局', '系统报送', '李娜', first.slice(10), second.slice(10), NAME]) expect(sheet, f).toContain(f);

  await page.getByTestId(`intake-row-${first}`).click();
  await expect(page.getByTestId('intake-detail')).toHaveAttribute('data-status', 'forwarded');
  await expect(page.getByTestId('intake-detail-transmittal')).toContainText('李娜');
  await expect(page.getByTestId('intake-detail-eligibility')).toContainText('80 周岁');
  await page.screenshot({ path: 'test-results/e2e/intake-forwarded-detail.png' });
});
