/**
 * 微心愿 in browser mode, as a station runs it: a wish over the cap is recorded, the 站长
 * approves it, two claimants claim it jointly, it is handed over with a photo from disk and
 * followed up; the hall screen shows the wall with its own link; the 认领凭证, 圆梦交接单 and
 * poster are read back from the archive (masked names, no 身份证号, every rare character).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, choose, setUpThroughScreen, closePreview, signIn } from './fixtures';
import { expectDrawnByBundledFaces } from './glyphs';

const BENEFICIARY = '𠈌小𪚥';
const MASKED = '𠈌*𪚥';
const ID_NUMBER = '11010519491231002X';
const PHOTO = path.resolve(import.meta.dirname, 'assets/handover-photo.png');
const SHOTS = 'test-results/e2e';

/** A station date n days from today (Asia/Shanghai), as the form takes it. */
function dayFromNow(n: number): string {
  return new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
}

/** The archived PDF files of a kind, oldest first. */
function archivedFiles(dataDir: string, kind: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(`-${kind}.pdf`) || e.name.includes(`-${kind}-`)) found.push(p);
    }
  };
  walk(path.join(dataDir, 'documents'));
  return found.sort();
}

/** The archived PDFs of a kind, as text with whitespace removed (table cells wrap). */
function archived(dataDir: string, kind: string): string[] {
  return archivedFiles(dataDir, kind).map((f) => execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''));
}

function expectPrivate(text: string) {
  expect(text).not.toContain(BENEFICIARY);
  expect(text).not.toContain(ID_NUMBER);
  expect(text).not.toContain('13800138000');
  expect(text).not.toContain('中山东路3号院');
}



async function registerResident(page: Page) {
  await page.getByTestId('nav-residents').click();
  await page.getByTestId('resident-register').click();
  await expect(page.getByTestId('resident-form-idNumber')).toBeFocused();
  await page.getByTestId('resident-form-idNumber').fill(ID_NUMBER);
  await page.getByTestId('resident-form-name').fill(BENEFICIARY);
  await page.getByTestId('resident-form-phone').fill('13800138000');
  await page.getByTestId('resident-form-address').fill('建北街道中山东路 3 号院 2 单元 101');
  await page.getByTestId('resident-form-tag-空巢老人').check();
  await page.getByTestId('resident-save').click();
  await expect(page.getByTestId('resident-detail-name')).toHaveText(BENEFICIARY);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('resident-detail')).toBeHidden();
}

async function addClaimant(page: Page, category: string, name: string, phone: string) {
  await page.getByTestId('claimants-new').click();
  await choose(page, 'claimant-category', category.includes('（') ? category : `${category}（${['党员', '志愿者', '居民'].includes(category) ? '个人' : '单位'}）`);
  await page.getByTestId('claimant-name').fill(name);
  if (await page.getByTestId('claimant-contact').count()) await page.getByTestId('claimant-contact').fill('刘洋');
  await page.getByTestId('claimant-phone').fill(phone);
  await page.getByTestId('claimant-form-ok').click();
  await expect(page.getByTestId('claimant-form')).toBeHidden();
  await expect(page.getByTestId('claimants')).toContainText(name);
}

async function recordWish(page: Page, title: string, value: string) {
  await page.getByTestId('wish-tab-new').click();
  await page.getByTestId('resident-picker-search').fill('002X');
  await expect(page.getByTestId('resident-picker-option')).toHaveCount(1);
  await expect(page.getByTestId('resident-picker-option')).toContainText('空巢老人');
  await page.getByTestId('resident-picker-search').press('Enter');
  await expect(page.getByTestId('wish-beneficiary')).toContainText('空巢老人');
  await expect(page.getByTestId('wish-title')).toBeFocused();
  await page.getByTestId('wish-title').fill(title);
  await choose(page, 'wish-category', '助残');
  await page.getByTestId('wish-value').fill(value);
  await page.getByTestId('wish-deadline').fill(dayFromNow(30));
  // Ctrl+Enter submits from any field
  await page.getByTestId('wish-deadline').press('Control+Enter');
  await expect(page.getByTestId('wish-detail')).toBeVisible();
}

test('微心愿: over the cap, approved by the 站长, claimed jointly, fulfilled with a photo, followed up; hall screen and papers', async ({ page, host, context }) => {
  test.setTimeout(120_000);
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await setUpThroughScreen(page, host.url);

  // a 站长 account for the approval
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-staff').click();
  await page.getByTestId('staff-add').click();
  await page.getByTestId('staff-name').fill('赵敏');
  await page.getByTestId('staff-login').fill('zhao');
  await choose(page, 'staff-role', '站长');
  await page.getByTestId('staff-password').fill('Head2026a');
  await page.getByTestId('staff-confirm').fill('Head2026a');
  await page.getByTestId('staff-create-ok').click();
  await expect(page.getByTestId('staff-row-zhao')).toBeVisible();

  await registerResident(page);
  await page.getByTestId('nav-wishes').click();
  await expect(page.getByTestId('area-wishes')).toBeVisible();

  await page.getByTestId('wish-tab-claimants').click();
  await addClaimant(page, '企业', '长安区𠀀记建材有限公司', '0311-86011111');
  await addClaimant(page, '党员', '王𪚥军', '13700137000');

  // bad input is refused next to its field, nothing saved
  await page.getByTestId('wish-tab-new').click();
  await page.getByTestId('wish-value').fill('-5');
  await page.getByTestId('wish-value').blur();
  await expect(page.getByTestId('wish-new')).toContainText('预估价值不能为负数');
  await page.getByTestId('wish-value').fill('五百');
  await page.getByTestId('wish-value').blur();
  await expect(page.getByTestId('wish-new')).toContainText('预估价值须为数字');
  await page.getByTestId('wish-deadline').fill(dayFromNow(-1));
  await page.getByTestId('wish-deadline').blur();
  await expect(page.getByTestId('wish-new')).toContainText('心愿截止日期不能早于今天');

  // over the cap (500): recorded, waits for the 站长
  await page.getByTestId('resident-picker-search').fill('002X');
  await expect(page.getByTestId('resident-picker-option')).toHaveCount(1);
  await page.getByTestId('resident-picker-search').press('Enter');
  await page.getByTestId('wish-title').fill('一台𡒄牌助行轮椅');
  await choose(page, 'wish-category', '助残');
  await page.getByTestId('wish-value').fill('680');
  await page.getByTestId('wish-value').blur();
  await expect(page.getByTestId('wish-overcap')).toContainText('须站长审批');
  await page.getByTestId('wish-deadline').fill(dayFromNow(30));
  await page.screenshot({ path: `${SHOTS}/wishes-new.png` });
  await page.getByTestId('wish-deadline').press('Control+Enter');
  await expect(page.getByTestId('wish-detail')).toBeVisible();
  await expect(page.getByTestId('wish-detail')).toContainText('待审核');
  await expect(page.getByTestId('wish-detail')).toContainText('须站长审批');
  await expect(page.getByTestId('wish-act-publish')).toHaveCount(0);
  const wishNo = (await page.locator('.ant-drawer-title').textContent())!.replace('心愿', '').trim();
  await page.keyboard.press('Escape');

  // a second wish within the cap goes on the wall at once (for the poster and the hall screen)
  await recordWish(page, '冬衣一件', '200');
  await expect(page.getByTestId('wish-detail')).toContainText('已发布');
  await page.keyboard.press('Escape');

  // the 站长 approves
  await page.getByTestId('signout-button').click();
  await signIn(page, 'zhao', 'Head2026a');
  await expect(page.getByTestId('forced-password-screen')).toBeVisible();
  await page.getByTestId('password-current').fill('Head2026a');
  await page.getByTestId('password-next').fill('Zhao2026b');
  await page.getByTestId('password-confirm').fill('Zhao2026b');
  await page.getByTestId('password-submit').click();
  await expect(page.getByTestId('shell')).toBeVisible();
  await page.getByTestId('nav-wishes').click();
  await page.getByTestId('wish-tab-list').click();
  await page.getByTestId('wish-row').filter({ hasText: wishNo }).click();
  await page.getByTestId('wish-act-approve').click();
  await page.getByTestId('wish-approve-dialog-ok').click();
  await expect(page.getByTestId('wish-detail')).toContainText('已发布');

  // claimed jointly: shares that do not add up are refused at the field, 60/40 is taken
  await page.getByTestId('wish-act-claim').click();
  const dialog = page.getByTestId('wish-claim-dialog');
  await choose(page, 'wish-claim-claimant-0', '建材');
  await page.getByTestId('wish-claim-percent-0').fill('60');
  await page.getByTestId('wish-claim-add').click();
  // the same claimant twice is refused at the second row
  await choose(page, 'wish-claim-claimant-1', '建材');
  await expect(dialog).toContainText('同一认领方只能出现一次');
  await choose(page, 'wish-claim-claimant-1', '王𪚥军');
  await expect(dialog).not.toContainText('同一认领方只能出现一次');
  await page.getByTestId('wish-claim-percent-1').fill('30');
  await page.getByTestId('wish-claim-dialog-ok').click();
  await expect(dialog).toContainText('各认领方份额合计须为 100%，现为 90%');
  await page.getByTestId('wish-claim-percent-1').fill('40');
  await expect(page.getByTestId('wish-claim-total')).toHaveText('合计 100%');
  await page.screenshot({ path: `${SHOTS}/wishes-claim.png` });
  await page.getByTestId('wish-claim-dialog-ok').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('wish-claim')).toContainText('60%');
  await expect(page.getByTestId('wish-claim')).toContainText('40%');
  for (const i of [0, 1]) {
    await page.getByTestId('wish-print-claim').nth(i).click();
    await closePreview(page);
  }

  // handover with a photo from disk; a file that is not an image is refused at the field
  await page.getByTestId('wish-act-fulfil').click();
  const fake = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sd-fake-')), '照片.png');
  fs.writeFileSync(fake, 'this is not a picture');
  await page.getByTestId('wish-fulfil-proof-file').setInputFiles(fake);
  await expect(page.getByTestId('wish-fulfil-proof-error')).toBeVisible();
  // a real PNG's first bytes, but over the 5 MB limit
  const big = path.join(path.dirname(fake), '扫描件.png');
  fs.writeFileSync(big, Buffer.concat([fs.readFileSync(PHOTO), Buffer.alloc(6 * 1024 * 1024)]));
  await page.getByTestId('wish-fulfil-proof-file').setInputFiles(big);
  await expect(page.getByTestId('wish-fulfil-proof-error')).toContainText('文件不能超过 5 MB');
  await expect(page.getByTestId('wish-fulfil-proof-item')).toHaveCount(0);
  await page.getByTestId('wish-fulfil-proof-file').setInputFiles(PHOTO);
  await expect(page.getByTestId('wish-fulfil-proof-item')).toHaveText('handover-photo.png');
  await expect(page.getByTestId('wish-fulfil-proof-error')).toHaveCount(0);
  await page.getByTestId('wish-fulfil-delivered').fill('助行轮椅一台（已调试）');
  await page.getByTestId('wish-fulfil-dialog-ok').click();
  await expect(page.getByTestId('wish-fulfil-dialog')).toBeHidden();
  await expect(page.getByTestId('wish-fulfilment')).toContainText('助行轮椅一台（已调试）');
  await expect(page.getByTestId('wish-proof-image')).toBeVisible();
  await page.getByTestId('wish-print-handover').click();
  await closePreview(page);

  await page.getByTestId('wish-act-followup').click();
  await page.getByTestId('wish-followup-note').fill('老人很满意，轮椅已在使用');
  await page.getByTestId('wish-followup-dialog-ok').click();
  await expect(page.getByTestId('wish-followup')).toContainText('满意');
  await expect(page.getByTestId('wish-detail')).toContainText('已回访');
  await expect(page.getByTestId('wish-step')).toHaveCount(5);
  await page.screenshot({ path: `${SHOTS}/wishes-detail.png` });
  await page.keyboard.press('Escape');

  // the wall: masked names only; the poster from it
  await page.getByTestId('wish-tab-wall').click();
  await expect(page.getByTestId('wall-card').first()).toBeVisible();
  await expect(page.getByTestId('wish-wall')).toContainText(MASKED);
  await expect(page.getByTestId('wish-wall')).not.toContainText(BENEFICIARY);
  await page.screenshot({ path: `${SHOTS}/wishes-wall.png` });
  await page.getByTestId('wall-poster-a4').click();
  await closePreview(page);
  await page.getByTestId('wall-poster-a3').click();
  await closePreview(page);

  // statistics: ECharts was not loaded until now
  expect(requested.some((u) => u.includes('echarts-setup'))).toBe(false);
  await page.getByTestId('wish-tab-stats').click();
  await expect(page.getByTestId('stats-chart-months')).toHaveAttribute('data-state', 'ready');
  expect(requested.some((u) => u.includes('echarts-setup'))).toBe(true);
  await page.screenshot({ path: `${SHOTS}/wishes-stats.png` });

  // the hall screen, with its own link
  await page.getByTestId('wish-tab-settings').click();
  await page.getByTestId('wish-lobby-create').click();
  const lobbyUrl = (await page.getByTestId('wish-lobby-url').textContent())!.trim();
  await page.getByTestId('wish-lobby').screenshot({ path: `${SHOTS}/wishes-lobby-card.png` });
  // on the hall screen's own host (a port kept between starts), not the counter's
  const lobbyOrigin = new URL(lobbyUrl).origin;
  expect(lobbyOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(lobbyOrigin).not.toBe(new URL(page.url()).origin);
  const lobby = await context.newPage();
  await lobby.setViewportSize({ width: 1920, height: 1080 });
  const lobbyFailures: string[] = [];
  lobby.on('response', (r) => {
    if (r.status() >= 400) lobbyFailures.push(`${r.status()} ${r.url()}`);
  });
  await lobby.goto(lobbyUrl);
  await expect(lobby.getByTestId('lobby-screen')).toBeVisible();
  await expect(lobby.getByTestId('lobby-card').first()).toBeVisible();
  await expect(lobby.getByTestId('lobby-screen')).toContainText(MASKED);
  await expect(lobby.getByTestId('lobby-screen')).not.toContainText(BENEFICIARY);
  await expect(lobby.getByTestId('lobby-screen')).not.toContainText(ID_NUMBER);
  // every rare character is drawn by a font that has it (the shipped fallback faces), not as a box
  await lobby.evaluate(() => document.fonts.ready);
  expect(await lobby.evaluate(() => document.fonts.check('40px "StationDesk ExtB"', '𠈌𪚥'))).toBe(true);
  expect(await lobby.evaluate(() => getComputedStyle(document.querySelector('[data-testid="lobby-card"]')!).fontFamily)).toContain('StationDesk ExtB');
  // and on the cards themselves, in the large bold title as in the plain lines (𡒄 and 𪚥: no system font here has them)
  const card = lobby.getByTestId('lobby-card').filter({ hasText: '一台𡒄牌助行轮椅' });
  await expectDrawnByBundledFaces(lobby, '.lb-title, .lb-line', [
    { label: 'title 一台𡒄牌助行轮椅', locator: card.locator('.lb-title') },
    { label: `line ${MASKED}`, locator: card.locator('.lb-line', { hasText: MASKED }) },
  ]);
  expect(lobbyFailures).toEqual([]);
  await lobby.screenshot({ path: `${SHOTS}/wishes-lobby.png` });
  // the counter's page is not on that host
  expect((await lobby.goto(`${lobbyOrigin}/`))?.status()).toBe(404);
  // a link with a made-up token shows nothing
  await lobby.goto(lobbyUrl.replace(/t=[^&]+/, 't=AAAAAAAAAAAAAAAAAAAAAAAA'));
  await expect(lobby.getByTestId('lobby-refused')).toBeVisible();
  await lobby.close();

  // the papers, read back from the archive
  const vouchers = archived(host.dataDir, 'wish.claim');
  expect(vouchers).toHaveLength(2);
  const [handover] = archived(host.dataDir, 'wish.handover');
  const posters = archived(host.dataDir, 'wish.poster');
  expect(posters).toHaveLength(2);
  // the A4 poster and the A3 one, each on its paper, listing the same wishes
  expect(archivedFiles(host.dataDir, 'wish.poster').map((f) => /Page size:.*\((A\d)\)/.exec(execFileSync('pdfinfo', [f], { encoding: 'utf8' }))?.[1]).sort()).toEqual(['A3', 'A4']);
  for (const t of posters) {
    expect(t).toContain('冬衣一件');
    expect(t).toContain(MASKED);
    expectPrivate(t);
  }
  for (const t of [...vouchers, handover!]) {
    for (const s of [wishNo, '一台𡒄牌助行轮椅', MASKED, '长安区𠀀记建材有限公司']) expect(t, s).toContain(s);
    expectPrivate(t);
  }
  // the person's own voucher names them; the unit's names its co-claimant masked only
  expect(vouchers.filter((t) => t.includes('王𪚥军'))).toHaveLength(1);
  expect(vouchers.filter((t) => t.includes('王*军'))).toHaveLength(1);
  expect(handover).toContain('助行轮椅一台（已调试）');
  for (const s of ['受助人签收', '认领方一签字', '认领方二签字', '王𪚥军']) expect(handover, s).toContain(s);
});
