/**
 * 批量导入 as a station head sees it with the files of issue 6 item 17: a large file shows
 * its progress and then its preview, a hostile CSV gets its Chinese reason, the XFD file
 * imports its two residents, and the counter answers other calls throughout.
 */
import { checkCharOf } from '../../common/idcard';
import { plainRow, xlsxOf, type XlsxRow } from '../helpers/xlsx-zip';
import { expect, setUpThroughScreen, test } from './fixtures';

function idFor(i: number): string {
  const first17 = `130102${1940 + Math.floor(i / 1000)}0${1 + (i % 9)}1${i % 10}${String(i % 1000).padStart(3, '0')}`;
  return first17 + checkCharOf(first17);
}

test('a large file shows its progress, a hostile one its reason, the XFD file imports', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  await page.getByTestId('nav-residents').click();
  await page.getByTestId('residents-tab-import').click();
  await expect(page.getByTestId('resident-import')).toBeVisible();
  const file = page.getByTestId('import-file');

  const big = ['姓名,身份证号,联系电话', ...Array.from({ length: 20_000 }, (_, i) => `居民,${idFor(i)},138${String(i).padStart(8, '0')}`)].join('\r\n');
  await file.setInputFiles({ name: '花名册.csv', mimeType: 'text/csv', buffer: Buffer.from(big) });
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await expect(page.getByTestId('import-progress')).toContainText(/正在打开文件…|正在读取表格…|正在逐行核对居民信息…/);
  await page.screenshot({ path: 'test-results/e2e/import-progress.png' });
  await expect(page.getByTestId('import-summary')).toContainText('共 20000 行：新居民 20000 人', { timeout: 60_000 });
  await expect(page.getByTestId('import-progress')).toHaveCount(0);

  const evil = `${'('.repeat(80_000)}\u2028,姓名,身份证号\r\n`;
  await file.setInputFiles({ name: 'evil.csv', mimeType: 'text/csv', buffer: Buffer.from(evil) });
  await expect(page.getByTestId('import-error')).toContainText('CSV 文件第 1 行超过 64 KB');
  await expect(page.getByTestId('import-summary')).toHaveCount(0);

  const xfd = function* (): Generator<XlsxRow> {
    yield plainRow(1, ['姓名', '身份证号']);
    yield plainRow(2, ['刘秀英', idFor(1)], [{ col: 'XFD', value: 'x' }]);
    yield plainRow(3, ['陈志强', idFor(2)], [{ col: 'XFD', value: 'x' }]);
    for (let r = 4; r <= 20_001; r++) yield { r, cells: [{ col: 'XFD', value: 'x' }] };
  };
  await file.setInputFiles({ name: 'xfd.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsxOf(xfd()) });
  await expect(page.getByTestId('import-summary')).toContainText('共 2 行：新居民 2 人');
  await expect(page.getByTestId('import-error')).toHaveCount(0);
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('新登记 2 人');
  await page.screenshot({ path: 'test-results/e2e/import-done.png' });
});
