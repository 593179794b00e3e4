import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect, setUpThroughScreen, type RunningHost } from './fixtures';
import { TOKEN_HEADER } from '../../common/contract';

/** A call as the signed-in page makes it (same origin, same token): for setting the scene only. */
async function call<T>(host: RunningHost, name: string, input: unknown): Promise<T> {
  const token = new URLSearchParams(new URL(host.url).hash.slice(1)).get('token')!;
  const res = await fetch(`${host.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: host.origin, [TOKEN_HEADER]: token },
    body: JSON.stringify(input),
  });
  const env = (await res.json()) as { ok: boolean; value: T };
  expect(env.ok, `${name}: ${JSON.stringify(env)}`).toBe(true);
  return env.value;
}

// Valid 身份证号 (GB 11643 check characters).
const ID_A = '11010519491231002X';
const ID_B = '130102195003081214';
const ID_C = '130102199001020221';

async function register(page: Page, idNumber: string, name: string) {
  await page.getByTestId('resident-register').click();
  await expect(page.getByTestId('resident-form-idNumber')).toBeFocused();
  await page.getByTestId('resident-form-idNumber').fill(idNumber);
  await page.getByTestId('resident-form-name').fill(name);
  await page.getByTestId('resident-save').click();
  await expect(page.getByTestId('resident-detail-name')).toHaveText(name);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('resident-detail')).toBeHidden();
}

test('Esc on a changed form asks first; an untouched one just closes', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  await page.getByTestId('nav-residents').click();

  // untouched: Esc closes at once
  await page.getByTestId('resident-register').click();
  await expect(page.getByTestId('resident-form-idNumber')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('resident-form')).toBeHidden();
  await expect(page.getByTestId('resident-form-discard-keep')).toHaveCount(0);

  // typed work: Esc asks, focus on 继续填写, Enter keeps everything
  await page.getByTestId('resident-register').click();
  await expect(page.getByTestId('resident-form-idNumber')).toBeFocused();
  await page.getByTestId('resident-form-idNumber').fill(ID_A);
  await page.getByTestId('resident-form-name').fill('张堃');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('resident-form-discard-keep')).toBeFocused();
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('放弃未保存的内容？');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('resident-form-discard-keep')).toHaveCount(0);
  await expect(page.getByTestId('resident-form-name')).toHaveValue('张堃');
  await expect(page.getByTestId('resident-form-idNumber')).toHaveValue(ID_A);

  // Esc a second time while asked also keeps the work
  await page.getByTestId('resident-form-name').focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('resident-form-discard-keep')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('resident-form-discard-keep')).toHaveCount(0);
  await expect(page.getByTestId('resident-form-name')).toHaveValue('张堃');

  // 取消 asks too; Tab to 放弃并关闭 and Enter discards
  await page.getByTestId('resident-cancel').click();
  await expect(page.getByTestId('resident-form-discard-keep')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('resident-form-discard-ok')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('resident-form')).toBeHidden();
  // nothing was saved
  await page.getByTestId('resident-search').fill('张堃');
  await expect(page.getByText('没有找到符合的居民')).toBeVisible();

  // the shared FormModal asks the same way (settings → 人员 → 新增)
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-staff').click();
  await page.getByTestId('staff-add').click();
  const dialog = page.getByTestId('staff-create');
  await expect(page.getByTestId('staff-name')).toBeFocused();
  await page.getByTestId('staff-name').fill('李娜');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('staff-create-discard-keep')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('staff-create-discard-keep')).toBeHidden();
  await expect(page.getByTestId('staff-name')).toHaveValue('李娜');
  await page.getByTestId('staff-name').focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('staff-create-discard-keep')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
});

test('a registered 身份证号 is flagged as soon as it is complete, with a link to the person', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  await page.getByTestId('nav-residents').click();
  await register(page, ID_B, '王五');

  await page.getByTestId('resident-register').click();
  await expect(page.getByTestId('resident-form-idNumber')).toBeFocused();
  await page.getByTestId('resident-form-idNumber').fill(ID_B.slice(0, 17));
  await expect(page.getByTestId('resident-form-duplicate')).toHaveCount(0);
  await page.getByTestId('resident-form-idNumber').press('End');
  await page.keyboard.type(ID_B.slice(17));
  // before the name or anything else is typed, and before any save
  const warning = page.getByTestId('resident-form-duplicate');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('王五');
  await expect(warning).toContainText('130102********1214');
  await expect(warning).not.toContainText(ID_B);
  await page.getByTestId('resident-form-open-existing').click();
  await expect(page.getByTestId('resident-form')).toBeHidden();
  await expect(page.getByTestId('resident-detail-name')).toHaveText('王五');
  await expect(page.getByTestId('resident-history')).toBeVisible();
  await expect(page.getByTestId('resident-history')).toContainText('尚未为其办理代办事项');
});

test('the record lists the resident’s items, notices and receipts, each openable', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  await page.getByTestId('nav-residents').click();
  await register(page, ID_B, '王五');
  const found = await call<{ items: { id: string }[] }>(host, 'residents.search', { q: '王五' });
  const residentId = found.items[0]!.id;
  const item = await call<{ code: string; materials: string[] }>(host, 'catalogue.get', { code: 'DB-003' });
  const notice = await call<{ noticeNo: string }>(host, 'intake.notice', { requestId: randomUUID(), residentId, itemCode: item.code, materialsReceived: item.materials.slice(0, 1) });
  const accepted = await call<{ record: { receiptNo: string } }>(host, 'intake.accept', { requestId: randomUUID(), residentId, itemCode: item.code, materialsReceived: item.materials });

  await page.getByTestId('resident-search').fill('王五');
  await expect(page.getByTestId('resident-result')).toHaveCount(1);
  await page.getByTestId('resident-search').press('Enter');
  const history = page.getByTestId('resident-history');
  await expect(history.getByTestId('resident-history-item')).toHaveCount(1);
  await expect(history.getByTestId('resident-history-notice')).toHaveText(notice.noticeNo);
  await expect(history.getByTestId('resident-history-document')).toHaveCount(2);
  await expect(history).toContainText(accepted.record.receiptNo);
  await page.screenshot({ path: test.info().outputPath('record-history.png') });

  // a notice opens its PDF; the item opens its 代办 record (by keyboard: focus, Enter)
  await history.getByTestId('resident-history-notice').click();
  await expect(page.getByTestId('document-preview')).toBeVisible();
  await page.getByTestId('document-close').click();
  await expect(page.getByTestId('document-preview')).toBeHidden();
  await history.getByTestId('resident-history-item').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-detail')).toBeVisible();
  await expect(page.getByTestId('intake-detail')).toHaveAttribute('data-status', 'accepted');
  await expect(page.getByTestId('intake-detail')).toContainText('老年证办理');
});

test('rare names get their pinyin; an unknown character asks for it, and the correction finds them', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  await page.getByTestId('nav-residents').click();
  await page.getByTestId('resident-register').click();
  await expect(page.getByTestId('resident-form-idNumber')).toBeFocused();
  await page.getByTestId('resident-form-idNumber').fill(ID_A);
  await page.getByTestId('resident-form-name').fill('卫𪚥');
  await expect(page.getByTestId('resident-form-pinyin-derived')).toContainText('wei zhe');
  await page.getByTestId('resident-save').click();
  await expect(page.getByTestId('resident-detail-pinyin')).toHaveText('wei zhe');
  await page.keyboard.press('Escape');

  await page.getByTestId('resident-register').click();
  await expect(page.getByTestId('resident-form-idNumber')).toBeFocused();
  await page.getByTestId('resident-form-idNumber').fill(ID_C);
  await page.getByTestId('resident-form-name').fill('李𠈌玥');
  await expect(page.getByTestId('resident-form-pinyin-unknown')).toContainText('𠈌');
  await page.screenshot({ path: test.info().outputPath('pinyin-unknown.png') });
  await page.getByTestId('resident-form-pinyin').fill('li xu yue');
  await page.getByTestId('resident-save').click();
  await expect(page.getByTestId('resident-detail-pinyin')).toHaveText('li xu yue');
  await page.keyboard.press('Escape');

  await page.getByTestId('resident-search').fill('wz');
  await expect(page.getByTestId('resident-result')).toHaveCount(1);
  await expect(page.getByTestId('resident-result')).toContainText('卫𪚥');
  await page.getByTestId('resident-search').fill('lxy');
  await expect(page.getByTestId('resident-result')).toHaveCount(1);
  await expect(page.getByTestId('resident-result')).toContainText('李𠈌玥');
});
