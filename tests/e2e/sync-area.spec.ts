import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { startCounty } from './county';
import { test, expect, addStaff, firstSignIn, setUpThroughScreen, registerAndAcceptDb003 } from './fixtures';

const ID_NUMBER = '11010519491231002X';

/** The outbox's unacknowledged rows, read from the station's database file itself. */
function unacked(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'stationdesk.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox WHERE acked_at IS NULL').get()!.n;
  } finally {
    db.close();
  }
}

/** A resident registered and one 代办 item accepted, through the screens as at the counter. */
async function acceptAnItem(page: Page): Promise<void> {
  await registerAndAcceptDb003(page, { name: '李秀兰', address: '建北街道中山东路 3 号院 2 单元 101', idNumber: ID_NUMBER });
}

test('同步 shows 未登记 and the real pending count; a malformed code is refused in Chinese; the status bar agrees', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  await acceptAnItem(page);
  const pending = unacked(host.dataDir);
  expect(pending).toBeGreaterThan(2);

  // the status bar, then Enter on it, opens the area
  const bar = page.getByTestId('status-sync');
  await expect(bar).toHaveAttribute('data-state', 'unenrolled');
  await bar.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('area-sync')).toBeVisible();
  await expect(page.getByTestId('sync-state-label')).toHaveText('未登记');
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', String(pending));
  await expect(page.getByTestId('sync-pending')).toHaveText(`${pending} 条`);
  await expect(page.getByTestId('sync-oldest')).toHaveText(/^最早一条已等待 (不到 1 分钟|\d+ 分钟)$/);
  await expect(page.getByTestId('sync-last-success')).toHaveText('尚未成功同步过');
  await expect(page.getByTestId('sync-now')).toBeDisabled();
  await expect(bar).toHaveText(`未登记 · 待上报 ${pending}`);

  // the administrator enrolls: the keyboard starts at the address, Enter moves on and submits
  await expect(page.getByTestId('sync-enroll-url')).toBeFocused();
  await page.keyboard.type('county.example.cn');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sync-enroll-code')).toBeFocused();
  await page.keyboard.type('K7QM-2XPA');
  await page.keyboard.press('Enter');
  const enroll = page.getByTestId('sync-enroll');
  await expect(enroll.getByText('县级平台地址须以 http:// 或 https:// 开头')).toBeVisible();
  await expect(enroll.getByText('登记码为 12 位字母或数字')).toBeVisible();
  await page.getByTestId('sync-enroll-url').fill('https://county.example.cn');
  await page.getByTestId('sync-enroll-code').fill('K7QM-2XPA-9RT!');
  await page.getByTestId('sync-enroll-code').press('Enter');
  await expect(enroll.getByText('登记码为 12 位字母或数字')).toBeVisible();
  await expect(enroll.getByText('县级平台地址须以 http:// 或 https:// 开头')).toBeHidden();
  // nothing was sent, nothing changed
  await expect(page.getByTestId('sync-enroll-error')).toHaveCount(0);
  expect(unacked(host.dataDir)).toBe(pending);

  await page.screenshot({ path: 'test-results/e2e/sync-area.png' });
  await bar.screenshot({ path: 'test-results/e2e/sync-status-bar.png' });
});

async function enrollThroughForm(page: Page, url: string, code: string): Promise<void> {
  await page.getByTestId('sync-enroll-url').fill(url);
  // as the county's page shows it: groups of four, lower case typed is fine
  await page.getByTestId('sync-enroll-code').fill(`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`.toLowerCase());
  await page.getByTestId('sync-enroll-code').press('Enter');
}

test('enrolled with a real county: everything pushed, 已连接 with 0 pending; revoked, 需重新登记, enrolled again; the county down, 离线', async ({ page, host }) => {
  const county = await startCounty();
  try {
    await setUpThroughScreen(page, host.url);
    await acceptAnItem(page);
    const pending = unacked(host.dataDir);
    await page.keyboard.press('Alt+7');
    await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', String(pending));

    // a code the county never issued: its Chinese answer, the queue kept
    await enrollThroughForm(page, county.url, 'ZZZZ9999ZZZZ');
    await expect(page.getByTestId('sync-enroll-error')).toContainText('登记未成功');
    await expect(page.getByTestId('sync-state-label')).toHaveText('未登记');
    expect(unacked(host.dataDir)).toBe(pending);

    const issued = await county.server.store.createStation({ code: '130102001', name: '建北街道党群服务中心' });
    await enrollThroughForm(page, county.url, issued.code);
    await expect(page.getByTestId('sync-state-label')).toHaveText('已连接');
    await expect(page.getByTestId('sync-enroll')).toHaveCount(0);
    await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
    await expect(page.getByTestId('sync-pending')).toHaveText('无，全部已上报');
    await expect(page.getByTestId('sync-last-success')).toHaveText(/^今天 \d\d:\d\d（(刚刚|\d+ 分钟前)）$/);
    await expect(page.getByTestId('sync-county')).toContainText('石家庄市长安区');
    await expect(page.getByTestId('status-sync')).toHaveText('已连接');
    await expect(page.getByTestId('status-sync')).toHaveAttribute('data-state', 'online');
    expect(unacked(host.dataDir)).toBe(0);
    const row = (await county.server.store.listStations()).find((s) => s.code === '130102001')!;
    expect(row.ackedThrough).toBe(pending);
    await page.screenshot({ path: 'test-results/e2e/sync-area-online.png' });

    // 立即同步 by keyboard, after a new change: it goes out at once
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('Alt+7');
    await expect(page.getByTestId('sync-now')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('同步完成')).toBeVisible();

    // the county revokes the station: the next round stops, keeps the queue and asks for re-enrollment
    await county.server.store.revokeStation(row.id);
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-state-label')).toHaveText('需重新登记');
    await expect(page.getByTestId('status-sync')).toHaveText(/^需重新登记/);
    await expect(page.getByTestId('sync-last-error')).toContainText('重新登记');
    await expect(page.getByTestId('sync-enroll')).toContainText('重新登记');

    // a change made meanwhile waits in the queue, shown in the area and the bar
    await page.keyboard.press('Alt+8');
    await page.getByTestId('settings-tab-station').click();
    await page.getByTestId('station-phone').fill('0311-86012346');
    await page.getByTestId('station-save').click();
    await expect(page.getByText('已保存')).toBeVisible();
    await page.keyboard.press('Alt+7');
    await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '1');
    await expect(page.getByTestId('status-sync')).toHaveText('需重新登记 · 待上报 1');
    await expect(page.getByTestId('sync-enroll-url')).toBeFocused();
    await page.screenshot({ path: 'test-results/e2e/sync-area-reenroll.png' });

    const again = await county.server.store.newEnrollmentCode(row.id);
    await enrollThroughForm(page, county.url, again.code);
    await expect(page.getByTestId('sync-state-label')).toHaveText('已连接');
    await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
    await expect(page.getByTestId('status-sync')).toHaveText('已连接');
    expect(unacked(host.dataDir)).toBe(0);
    expect((await county.server.store.station(row.id))!.ackedThrough).toBe(pending + 1);

    // the county goes away: 离线, the reason in Chinese, the station works on
    await county.stop();
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-state-label')).toHaveText('离线');
    await expect(page.getByTestId('status-sync')).toHaveText('离线');
    await expect(page.getByTestId('sync-last-error')).toHaveText(/[\u4e00-\u9fff].*（今天 \d\d:\d\d）$/);
    await page.screenshot({ path: 'test-results/e2e/sync-area-offline.png' });
  } finally {
    await county.close();
  }
});

test('a 窗口人员 sees the state and whom to ask, no enrollment form, and main refuses an enrollment from them', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  await addStaff(page);
  await page.getByTestId('signout-button').click();
  await firstSignIn(page, 'lina', 'Counter123', 'Lina2026x');
  await expect(page.getByTestId('status-role')).toContainText('窗口人员');

  await page.getByTestId('status-sync').click();
  await expect(page.getByTestId('sync-state-label')).toHaveText('未登记');
  await expect(page.getByTestId('sync-ask-head')).toHaveText('登记和重新登记由站长或管理员办理，请联系：王建国。');
  await expect(page.getByTestId('sync-enroll')).toHaveCount(0);
  await expect(page.getByTestId('sync-rejected')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e/sync-area-clerk.png' });

  const answer = await page.evaluate(async () => {
    const token = sessionStorage.getItem('stationdesk.token') ?? '';
    const r = await fetch('/api/sync.enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-station-token': token },
      body: JSON.stringify({ countyUrl: 'http://127.0.0.1:9', code: 'K7QM2XPA9RTD' }),
    });
    return r.json();
  });
  expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
