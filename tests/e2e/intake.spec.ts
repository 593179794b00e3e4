import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, setUpThroughScreen, closePreview } from './fixtures';

// A valid 身份证号 (GB 11643 check character X) and a name with CJK Ext-B and rare characters.
const ID_NUMBER = '11010519491231002X';
const NAME = '李𠈌玥';

/** The archived PDFs for a number and kind, oldest first, read back as text. */
function archivedTexts(dataDir: string, number: string, kind: string, count: number): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.startsWith(number) && e.name.includes(kind) && e.name.endsWith('.pdf')) found.push(p);
    }
  };
  walk(path.join(dataDir, 'documents'));
  expect(found, `archived ${kind} for ${number}`).toHaveLength(count);
  // "<no>-<kind>.pdf", then "<no>-<kind>-2.pdf" …
  found.sort((a, b) => a.length - b.length || a.localeCompare(b));
  return found.map((f) => execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' }));
}

function archivedText(dataDir: string, number: string, kind: string): string {
  return archivedTexts(dataDir, number, kind, 1)[0]!;
}

/** The printed document opens in the preview; the clerk looks and closes it. */
/** The virtual CUPS PDF printer (scripts/cups-setup.sh); .ci/run sets it up, so CI prints for real. */
function pdfPrinterReady(): boolean {
  try {
    execFileSync('bash', ['scripts/cups-setup.sh', 'StationPDF'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('register a rare-name resident, 补正通知, accept, receipt read back, 办结 and 领取', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  const canPrint = pdfPrinterReady();
  test.info().annotations.push({ type: 'printing', description: canPrint ? 'printed to CUPS StationPDF' : 'no CUPS here: print step not run' });
  if (canPrint) {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-printer').fill('StationPDF');
    await page.getByTestId('settings-save').click();
    await expect(page.getByText('已保存')).toBeVisible();
  }

  // 居民: register, with sex and birth date derived from the 身份证号.
  await page.getByTestId('nav-residents').click();
  await page.getByTestId('resident-register').click();
  await expect(page.getByTestId('resident-form-idNumber')).toBeFocused();
  await page.getByTestId('resident-form-idNumber').fill(ID_NUMBER.toLowerCase());
  await page.getByTestId('resident-form-name').fill(NAME);
  await page.getByTestId('resident-form-phone').fill('13800138000');
  await page.getByTestId('resident-form-address').fill('建北街道中山东路 3 号院 2 单元 101');
  await expect(page.getByTestId('resident-form-derived')).toContainText('1949');
  await page.getByTestId('resident-save').click();
  await expect(page.getByTestId('resident-detail-name')).toHaveText(NAME);
  await expect(page.getByTestId('resident-detail-id')).toContainText('110105********002X');

  // 代办 (Alt+3 from the open drawer, as a clerk would): find the resident by the last digits of the id, pick the item by pinyin.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('resident-detail')).toBeHidden();
  await page.keyboard.press('Alt+3');
  await page.getByTestId('resident-picker-search').fill('002X');
  await expect(page.getByTestId('resident-picker-option')).toHaveCount(1);
  await page.getByTestId('resident-picker-search').press('Enter'); // keyboard pick, as at the counter
  await expect(page.getByTestId('intake-resident')).toContainText(NAME);
  await page.getByTestId('item-picker-input').fill('lnzbl');
  await page.locator('[data-testid="item-picker-option"][data-code="DB-003"]').click();
  await expect(page.getByTestId('intake-item')).toContainText('老年证办理');
  await expect(page.getByTestId('intake-promised')).toHaveAttribute('data-date', /^\d{4}-\d{2}-\d{2}$/);

  // One material only: the 补正通知 lists everything else at once.
  await page.getByTestId('intake-material-0').click();
  await expect(page.getByTestId('intake-accept')).toBeDisabled();
  await page.getByTestId('intake-notice').click();
  await expect(page.getByTestId('intake-outcome')).toHaveAttribute('data-kind', /notice/);
  const noticeNo = (await page.getByTestId('intake-notice-no').textContent())!.trim();
  expect(noticeNo).toMatch(/^130102001-\d{8}-G0001$/);
  if (canPrint) {
    await page.getByTestId('document-print').click();
    await expect(page.getByTestId('document-print-result')).toContainText('已将单据发送到打印机“StationPDF”');
  }
  await closePreview(page);
  const notice = archivedText(host.dataDir, noticeNo, 'correction');
  expect(notice).toContain(NAME);
  expect(notice.replace(/\s+/g, '')).toContain('户口簿'.replace(/\s+/g, ''));

  // All materials in: accept and issue the 受理回执.
  await page.getByTestId('intake-resume').click();
  await page.getByTestId('intake-all-received').click();
  await page.getByTestId('intake-accept').click();
  await expect(page.getByTestId('intake-outcome')).toHaveAttribute('data-kind', /accept/);
  const receiptNo = (await page.getByTestId('intake-receipt-no').textContent())!.trim();
  expect(receiptNo).toMatch(/^130102001-\d{8}-0001$/);
  await closePreview(page);
  const receipt = archivedText(host.dataDir, receiptNo, 'acceptance').replace(/[ \t]+/g, ' ');
  for (const field of ['受理回执', receiptNo, '老年证办理', NAME, '110105********002X', '13800138000', '王建国', '建北街道党群服务中心', '0311-86012345']) {
    expect(receipt, field).toContain(field);
  }
  expect(receipt).not.toContain(ID_NUMBER);

  // 工作清单 → detail → 办结 → 领取.
  await page.getByTestId('intake-tab-list').click();
  await page.getByTestId('intake-list-view-all').click();
  await page.getByTestId(`intake-row-${receiptNo}`).click();
  await expect(page.getByTestId('intake-detail')).toHaveAttribute('data-status', 'accepted');
  // 老年证 is decided by the county: forwarded first, then 办结 with the county's result.
  await expect(page.getByTestId('intake-action-completed')).toHaveCount(0);
  await page.getByTestId('intake-action-forwarded').click();
  await page.getByTestId('intake-forward-receiver').fill('李娜');
  await page.getByTestId('intake-forward-next').click();
  await page.getByTestId('intake-forward-confirm').click();
  await closePreview(page);
  await expect(page.getByTestId('intake-detail')).toHaveAttribute('data-status', 'forwarded');
  await page.getByTestId('intake-action-completed').click();
  await page.getByTestId('intake-action-result').fill('县民政局审核通过，老年证已制发');
  await page.getByTestId('intake-action-ok').click();
  await closePreview(page);
  await expect(page.getByTestId('intake-detail')).toHaveAttribute('data-status', 'completed');
  await page.getByTestId('intake-action-collected').click();
  await page.getByTestId('intake-action-receiver').fill(NAME);
  await page.getByTestId('intake-action-ok').click();
  await closePreview(page);
  await expect(page.getByTestId('intake-detail')).toHaveAttribute('data-status', 'collected');
  await expect(page.getByTestId('intake-detail-events')).toContainText('已领取');
  // One 办结回执 at 办结, one 领取回执 naming who collected it.
  const [done, collected] = archivedTexts(host.dataDir, receiptNo, 'completion', 2).map((t) => t.replace(/[ \t]+/g, ' '));
  expect(done).toContain('县民政局审核通过');
  expect(collected).toContain('领取');
  expect(collected).toContain(NAME);
  await page.screenshot({ path: 'test-results/e2e/intake-detail.png' });
});
