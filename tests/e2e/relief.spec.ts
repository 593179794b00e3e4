/**
 * 社会救助 in browser mode, end to end, with the real county: a 低保 application for a
 * three-person household from 受理 through 入户调查, 初审, 公示 and 报县审批 to the county's
 * approval on its page, shown back at the station; the 受理回执, 核对授权书, 入户调查表 and
 * 公示 sheet read back from the archive (the 公示 sheet without 身份证号 or income).
 *
 * The 公示 lasts 7 days: the station's host runs under libfaketime a week in the past for the
 * steps up to 公示, then at today's date for 报县审批 (the offset is re-read from a file).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startCounty, type RunningCounty } from './county';
import { test, expect, choose, setUpThroughScreen, closePreview, stopHost, type RunningHost } from './fixtures';
import { archived, pickResident, registerResident, startFakedHost, stationDay, step, syncNow, STATION_CODE, STATION_NAME } from './relief-helpers';
import { withCheckDigit } from '../helpers/relief';

const SHOTS = 'test-results/e2e/relief';
const HOUSEHOLD = [
  { name: '张建华', idNumber: withCheckDigit('13010219700101101'), address: '建北街道中山东路 3 号' },
  { name: '李秀英', idNumber: withCheckDigit('13010219720202102'), address: '建北街道中山东路 3 号' },
  { name: '张小明', idNumber: withCheckDigit('13010220150303103'), address: '建北街道中山东路 3 号' },
];

let county: RunningCounty | null = null;
let host: RunningHost | null = null;

test.afterEach(async () => {
  if (host) await stopHost(host);
  host = null;
  await county?.close();
  county = null;
});

test('低保 for a three-person household: 受理 to the county approval, with its papers read back', async ({ page }) => {
  test.setTimeout(300_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // the station's host a week in the past
  const faked = await startFakedHost('-7d');
  host = faked.host;
  const offsetFile = faked.offsetFile;
  const weekAgo = stationDay(-7);

  county = await startCounty();
  const { password } = await county.server.store.createAdmin('wang', '王科长');
  const countyPage = await page.context().browser()!.newContext().then((c) => c.newPage());
  countyPage.on('pageerror', (e) => errors.push(e.message));

  // 1. set up, the county creates the station and publishes its 低保 standard, the station enrolls
  await setUpThroughScreen(page, host.url);
  await countyPage.goto(`${county.url}/admin/`);
  await countyPage.getByLabel('登录名').fill('wang');
  await countyPage.getByLabel('密码').fill(password);
  await countyPage.keyboard.press('Enter');
  await expect(countyPage.getByTestId('signed-in-as')).toHaveText('王科长');
  await countyPage.getByRole('tab', { name: '站点' }).click();
  await countyPage.getByRole('button', { name: '新建站点' }).click();
  await countyPage.getByLabel('站点编码').fill(STATION_CODE);
  await countyPage.getByLabel('站点名称').fill(STATION_NAME);
  await countyPage.keyboard.press('Enter');
  const codeBox = countyPage.getByTestId('enrollment-code');
  await expect(codeBox).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const code = (await codeBox.textContent())!;
  await countyPage.getByRole('button', { name: '我已记下，关闭' }).click();
  await countyPage.getByRole('tab', { name: '社会救助审核' }).click();
  const standard = countyPage.getByTestId('relief-standard');
  await standard.getByLabel('标准（元/人·月）').fill('780');
  await standard.getByLabel('执行日期（年-月-日）').fill('2026-01-01');
  await standard.getByLabel('文件依据').fill('长安区民政局〔2026〕1号');
  await standard.getByRole('button', { name: '发布' }).click();
  await expect(countyPage.getByText('已发布，站点下次同步时生效')).toBeVisible();

  await page.keyboard.press('Alt+7');
  await page.getByTestId('sync-enroll-url').fill(county.url);
  await page.getByTestId('sync-enroll-code').fill(code);
  await page.getByTestId('sync-enroll-code').press('Enter');
  await expect(page.getByTestId('sync-state-label')).toHaveText('已连接');
  await syncNow(page);

  // 2. the household in the registry, then the application
  for (const who of HOUSEHOLD) await registerResident(page, who);
  await page.keyboard.press('Alt+5');
  await expect(page.getByTestId('relief-new')).toBeVisible();
  await choose(page, 'relief-type', '最低生活保障');
  await pickResident(page, 'relief-pick-applicant', '张建华');
  await expect(page.getByTestId('relief-member-0')).toContainText('张建华');
  await choose(page, 'relief-member-0-employment', '灵活就业');
  await page.getByTestId('relief-member-0-add-income').click();
  await page.getByTestId('relief-member-0-income-0-amount').fill('3600');
  await page.getByTestId('relief-member-0-income-0').getByLabel('计算月数').fill('6');
  await page.getByTestId('relief-member-0-health').fill('腰椎间盘突出');

  await pickResident(page, 'relief-add-member', '李秀英');
  await choose(page, 'relief-member-1-employment', '无劳动能力');
  await page.getByTestId('relief-member-1-disabled').click();
  await page.getByTestId('relief-member-1-disability-kind').fill('肢体');
  await page.getByTestId('relief-member-1-health').fill('尿毒症，每周透析');

  await pickResident(page, 'relief-add-member', '张小明');
  // no figures while a member's work is unchosen, and the panel says whose
  await expect(page.getByTestId('relief-means-waiting')).toHaveText('请选择张小明的就业状况，选好后显示计算过程');
  await choose(page, 'relief-member-2-relation', '子女');
  await choose(page, 'relief-member-2-employment', '在校学生');
  await page.getByTestId('relief-member-2-school').fill('建北小学五年级');

  const materials = page.getByTestId('relief-materials').locator('input[type=checkbox]');
  const n = await materials.count();
  expect(n).toBeGreaterThanOrEqual(6);
  for (let i = 0; i < n; i++) await page.getByTestId(`relief-material-${i}`).click();
  await page.getByTestId('relief-close-relative-no').click();

  // the arithmetic: 3600 ÷ 6 = 600 a month; ÷ 3 people = 200.00, below the 780.00 standard
  await expect(page.getByTestId('relief-per-capita')).toHaveText('200.00');
  await expect(page.getByTestId('relief-gap')).toContainText('低于标准 580.00 元');
  await expect(page.getByTestId('relief-means-steps')).toContainText('600.00 元 ÷ 3 人 = 200.00 元');
  await page.getByTestId('relief-member-0').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/01-new-application-members.png`, animations: 'disabled' });
  await page.getByTestId('relief-submit').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/01-new-application.png`, fullPage: true, animations: 'disabled' });

  await page.getByTestId('relief-submit').click();
  await expect(page.getByTestId('relief-outcome')).toBeVisible();
  await expect(page.getByTestId('relief-outcome-text')).toContainText('已受理');
  await closePreview(page);
  await page.getByTestId('relief-doc-authorization').click();
  await closePreview(page);
  const caseNo = (await page.getByTestId('relief-outcome-text').textContent())!.replace(/^.*案件编号\s*/, '').trim();
  await page.screenshot({ path: `${SHOTS}/02-outcome.png`, fullPage: true, animations: 'disabled' });

  // 3. the case: 入户调查 by two, 初审 with the proposed amount, 公示 from today for 7 days
  await page.getByTestId('relief-open-case').click();
  await expect(page.getByTestId('relief-case-no')).toHaveText(caseNo);
  await expect(page.getByTestId('relief-case-status')).toHaveText('已受理，待入户调查');
  await expect(page.getByTestId('relief-dues')).toContainText('入户调查');
  await step(page, 'investigate', async (p) => {
    await p.getByTestId('relief-step-investigator-1').fill('刘芳（社区居委会）');
    await p.getByTestId('relief-step-date').fill(weekAgo);
    await p.getByTestId('relief-step-findings').fill('家中有重病患者，收入来源单一，申报情况属实');
  });
  await expect(page.getByTestId('relief-case-status')).toHaveText('已入户调查');
  await step(page, 'opinion', async (p) => {
    await p.getByTestId('relief-step-text').fill('经入户调查，拟同意纳入最低生活保障');
    await p.getByTestId('relief-step-proposedAmount').fill('580');
  });
  await step(page, 'publicize', async (p) => {
    await p.getByTestId('relief-step-start').fill(weekAgo);
    await p.getByTestId('relief-step-place').fill('建北社区公示栏');
    await expect(p.getByTestId('relief-publicity-range')).toContainText(`公示期 ${weekAgo} 至`);
  });
  await expect(page.getByTestId('relief-case-status')).toHaveText('公示中');
  await page.getByTestId('relief-doc-investigation').click();
  await closePreview(page);
  await page.getByTestId('relief-doc-publicity').click();
  await closePreview(page);
  await page.screenshot({ path: `${SHOTS}/03-case-publicizing.png`, fullPage: true, animations: 'disabled' });

  // 4. a week later the 公示 is over: 报县审批, synced to the county
  fs.writeFileSync(offsetFile, '+0d');
  await page.reload();
  await expect(page.getByTestId('signin-screen').or(page.getByTestId('shell'))).toBeVisible();
  if (await page.getByTestId('signin-screen').isVisible()) {
    await page.getByTestId('signin-login').fill('admin');
    await page.getByTestId('signin-password').fill('Station2026');
    await page.getByTestId('signin-password').press('Enter');
    await expect(page.getByTestId('shell')).toBeVisible();
  }
  await page.keyboard.press('Alt+5');
  await page.getByTestId('relief-tab-list').click();
  await page.getByTestId(`relief-row-${caseNo}`).click();
  await step(page, 'forward', async () => undefined);
  await expect(page.getByTestId('relief-case-status')).toHaveText('已报县审批');
  await syncNow(page);
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('workbench-relief-count-open')).toHaveText('1');
  await page.getByTestId('workbench-relief').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/04-workbench.png`, animations: 'disabled' });

  // 5. the county approves on its page
  await countyPage.getByRole('button', { name: '刷新' }).click();
  const row = countyPage.getByTestId('relief-table').getByRole('row', { name: new RegExp(caseNo) });
  await expect(row).toContainText('张*华');
  await expect(row).toContainText('3 人');
  await expect(row).toContainText('200.00 元 / 780.00 元');
  await expect(row).toContainText('配偶 54岁 无劳动能力（残疾）');
  await expect(row).not.toContainText('张建华');
  await countyPage.screenshot({ path: `${SHOTS}/04-county-relief.png`, fullPage: true, animations: 'disabled' });
  await row.getByRole('button', { name: '审核确认' }).click();
  await countyPage.getByRole('button', { name: '提交' }).click();
  await expect(countyPage.getByText(`已提交 ${caseNo} 的审核确认结果`).last()).toBeVisible();

  // 6. the station shows the decision on the case
  await syncNow(page);
  await page.keyboard.press('Alt+5');
  await page.getByTestId('relief-tab-list').click();
  await page.getByTestId('relief-list-views').getByText('全部').click();
  await page.getByTestId(`relief-row-${caseNo}`).click();
  await expect(page.getByTestId('relief-case-status')).toHaveText('县级已批准');
  await expect(page.getByTestId('relief-decision')).toContainText('批准：每月 580.00 元');
  await page.screenshot({ path: `${SHOTS}/05-case-approved.png`, fullPage: true, animations: 'disabled' });

  // 7. the papers as archived
  const [receipt] = archived(host.dataDir, 'relief.acceptance');
  for (const t of ['社会救助受理回执', caseNo, '最低生活保障', '张建华', '李秀英', '张小明', '3人', '30个工作日']) expect(receipt, t).toContain(t);
  const [auth] = archived(host.dataDir, 'relief.authorization');
  for (const t of ['家庭经济状况核对授权书', '张建华', '李秀英', '共2人']) expect(auth, t).toContain(t);
  expect(auth).not.toContain('张小明');
  const [survey] = archived(host.dataDir, 'relief.investigation');
  for (const t of ['社会救助入户调查表', '王建国、刘芳（社区居委会）', '申报情况属实', '600.00', '尿毒症', '建北小学']) expect(survey, t).toContain(t);
  const [wall] = archived(host.dataDir, 'relief.publicity');
  for (const t of ['社会救助审核公示', '张*华', '3人', '最低生活保障', '580.00', '建北社区公示栏']) expect(wall, t).toContain(t);
  for (const t of ['张建华', '李秀英', '张小明', '********', HOUSEHOLD[0]!.idNumber.slice(-4), '600.00', '200.00', '尿毒症', '中山东路3号', '身份证', '收入']) expect(wall, t).not.toContain(t);
  for (const [name, file] of [['receipt', 'relief.acceptance'], ['authorization', 'relief.authorization'], ['survey', 'relief.investigation'], ['publicity', 'relief.publicity']] as const) {
    const dir = path.join(host.dataDir, 'documents');
    const pdf = execFileSync('find', [dir, '-name', `*-${file}.pdf`], { encoding: 'utf8' }).trim().split('\n')[0]!;
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdf, `${SHOTS}/pdf-${name}`], { env: { PATH: process.env.PATH } });
  }
  expect(errors).toEqual([]);
  await countyPage.context().close();
});
