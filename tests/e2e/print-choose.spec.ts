import { randomUUID } from 'node:crypto';
/**
 * Printing with no printer chosen on this machine (issue 6, item 5): the preview offers the
 * printer list right there, Enter prints to the preset one, and the choice is kept.
 */
import { execFileSync } from 'node:child_process';
import { test, expect, setUpThroughScreen } from './fixtures';

async function call(url: string, name: string, input: unknown): Promise<unknown> {
  const u = new URL(url);
  const token = new URLSearchParams(u.hash.slice(1)).get('token')!;
  const res = await fetch(`${u.origin}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-station-token': token, origin: u.origin }, body: JSON.stringify(input) });
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.value;
}

/** The virtual CUPS PDF printer (scripts/cups-setup.sh); without it there is nothing to choose. */
function pdfPrinterReady(): boolean {
  try {
    execFileSync('bash', ['scripts/cups-setup.sh', 'StationPDF'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('no printer chosen: the preview offers the list, Enter prints, and the choice is kept', async ({ page, host }) => {
  test.skip(!pdfPrinterReady(), 'no CUPS here');
  await setUpThroughScreen(page, host.url);
  const resident = (await call(host.url, 'residents.create', { requestId: randomUUID(), name: '卫𪚥', idNumber: '11010519491231002X', phone: '13800138000', address: '中山东路 3 号' })) as { id: string };
  const item = (await call(host.url, 'catalogue.get', { code: 'DB-003' })) as { materials: string[] };
  const accepted = (await call(host.url, 'intake.accept', { requestId: randomUUID(), residentId: resident.id, itemCode: 'DB-003', materialsReceived: item.materials })) as { record: { receiptNo: string } };

  await page.getByTestId('nav-intake').click();
  await page.getByTestId('intake-tab-list').click();
  await page.getByTestId('intake-list-view-all').click();
  await page.getByTestId(`intake-row-${accepted.record.receiptNo}`).click();
  await page.getByTestId('intake-document-intake.acceptance').click();
  await expect(page.getByTestId('document-frame')).toBeVisible();
  // (The PDF viewer may take the focus as it loads, so the first 打印 is a click.)
  await page.getByTestId('document-print').click();

  const chooser = page.getByTestId('document-choose-printer');
  await expect(chooser).toContainText('本机尚未选择打印机');
  await expect(page.getByTestId('document-printer-select')).toContainText('StationPDF');
  await expect(page.getByTestId('document-printer-ok')).toBeFocused();
  await page.screenshot({ path: 'test-results/e2e/print-choose.png' });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('document-print-result')).toContainText('已将单据发送到打印机“StationPDF”');
  await expect(chooser).toBeHidden();
  expect(((await call(host.url, 'settings.get', {})) as { printer: string }).printer).toBe('StationPDF');

  // Kept: the next print goes straight out, no question asked.
  await page.getByTestId('document-print').click();
  await expect(page.getByTestId('document-print-result')).toContainText('补打（第 1 次）');
  await expect(chooser).toBeHidden();
});
