import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, setUpThroughScreen, closePreview, registerAndAcceptDb003 } from './fixtures';

/** The archived 日结报表 PDFs of the data folder, read back as text, oldest first. */
function dayReports(dataDir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/-RJ-dayclose\.report(-\d+)?\.pdf$/.test(e.name)) found.push(p);
    }
  };
  walk(path.join(dataDir, 'documents'));
  found.sort((a, b) => a.length - b.length || a.localeCompare(b));
  return found.map((f) => execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' '));
}

test('accept an item, close the day (unenrolled: 待确认, 本站尚未登记到县级平台), read the 日结报表 back, 补打 it', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);

  const receiptNo = await registerAndAcceptDb003(page, { name: '张堃', address: '建北街道中山东路 3 号院' });

  // 日结 (Alt+6): the day at a glance, then Enter opens the confirmation and Enter confirms.
  await page.keyboard.press('Alt+6');
  await expect(page.getByTestId('dayclose-open')).toBeVisible();
  await expect(page.getByTestId('dayclose-count-accepted')).toContainText('1');
  await expect(page.getByTestId('dayclose-count-receipts')).toContainText('1');
  await expect(page.getByTestId('dayclose-receipts')).toHaveText(receiptNo);
  await expect(page.getByTestId('dayclose-per-clerk')).toContainText('王建国');
  await page.screenshot({ path: 'test-results/e2e/dayclose-open.png', fullPage: true });

  // Esc cancels and closes nothing
  await expect(page.getByTestId('dayclose-close')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dayclose-confirm')).toBeFocused();
  await expect(page.getByTestId('dayclose-confirm-figures')).toContainText('受理 1');
  await page.screenshot({ path: 'test-results/e2e/dayclose-confirm.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('dayclose-confirm')).toBeHidden();
  await expect(page.getByTestId('dayclose-open')).toBeVisible();

  await page.getByTestId('dayclose-close').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dayclose-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dayclose-closed')).toBeVisible();
  await expect(page.getByTestId('dayclose-outcome')).toContainText('待确认');
  await expect(page.getByTestId('dayclose-outcome-detail')).toContainText('本站尚未登记到县级平台');
  await expect(page.getByTestId('document-frame')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/dayclose-preview.png' });
  await closePreview(page);
  await expect(page.getByTestId('dayclose-close')).toBeDisabled();
  await expect(page.getByTestId('dayclose-history')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/dayclose-closed.png', fullPage: true });

  const [report] = dayReports(host.dataDir);
  expect(report).toBeDefined();
  for (const f of ['日结报表', '建北街道党群服务中心', '待确认', '本站尚未登记到县级平台', '王建国', '合计', receiptNo, '日结人', '站长', '上报记录']) expect(report, f).toContain(f);

  // the history's 补打 makes a marked copy showing the same close
  await page.getByTestId('dayclose-reprint-today').click();
  await expect(page.getByTestId('document-frame')).toBeVisible();
  await closePreview(page);
  const reports = dayReports(host.dataDir);
  expect(reports).toHaveLength(2);
  expect(reports[1]).toMatch(/补打（第 1 次）/);
});
