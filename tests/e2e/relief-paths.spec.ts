/**
 * 社会救助 in browser mode, the paths besides the approval (relief.spec.ts): 补正 then 受理,
 * the 30-working-day limit extended to 45, an objection during 公示 reopening the
 * investigation, 临时救助 先行救助 by the 站长 with its follow-up tasks, and the county's
 * refusal with its 3-working-day written notice. Each also tries a step main refuses, whose
 * Chinese message shows in the dialog while the case stays as it was.
 *
 * One station host and one county serve every test, in order (serial): the host runs under
 * libfaketime a week in the past, so a case publicized "today" can go to the county once the
 * last test moves the host's clock to the present. Expected due dates are counted here on the
 * calendar the host counts on (its shipped notices, the statutory holidays otherwise) from the
 * host's faked day, never written in.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { RunningCounty } from './county';
import { test, expect, addStaff, choose, closePreview, firstSignIn, signIn, stopHost, type RunningHost } from './fixtures';
import { archived, countyAndStation, openCase, pickResident, registerResident, reloadSignedIn, startFakedHost, stationCalendar, stationDay, step, syncNow, type Person } from './relief-helpers';
import { withCheckDigit } from '../helpers/relief';
import { addDays } from '../../common/relief-deadlines';
import { materialsFor } from '../../common/relief';

test.describe.configure({ mode: 'serial' });

const SHOTS = 'test-results/e2e/relief-paths';
const ADDRESS = '建北街道中山东路 5 号';
const who = (name: string, first17: string): Person => ({ name, idNumber: withCheckDigit(first17), address: ADDRESS });
const PEOPLE = {
  correction: who('赵德明', '13010219650505201'),
  extension: who('钱玉兰', '13010219580606202'),
  objection: who('孙志强', '13010219690707203'),
  emergency: who('周桂芳', '13010219750808204'),
  refusal: who('吴国庆', '13010219621001205'),
};
const HEAD = { name: '陈站长', login: 'chenzz', password: 'Head2026xy' };
const CLERK = { name: '李娜', login: 'lina', password: 'Lina2026xy' };

let context: BrowserContext;
let page: Page;
let host: RunningHost;
let county: RunningCounty;
let countyPage: Page;
let offsetFile: string;
/** the host's day while it runs a week in the past */
let hostDay: string;
const errors: string[] = [];
const cal = stationCalendar();

async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(150_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const faked = await startFakedHost('-7d');
  host = faked.host;
  offsetFile = faked.offsetFile;
  hostDay = stationDay(-7);
  context = await newContext(browser);
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  ({ county, countyPage } = await countyAndStation(page, host));
  for (const p of Object.values(PEOPLE)) await registerResident(page, p);
  // the status bar tells the host's day, a week before the browser's
  await expect(page.getByTestId('status-clock')).toContainText(cnDate(hostDay));
});

test.afterAll(async () => {
  await context?.close();
  await countyPage?.context().close();
  if (host) await stopHost(host);
  await county?.close();
});

test.afterEach(() => {
  expect(errors).toEqual([]);
});

/** 新申请 for a one-person household; `received` the indexes of the materials ticked. */
async function apply(type: string, person: Person, received: (n: number) => number[]): Promise<string> {
  await page.keyboard.press('Alt+5');
  await page.getByTestId('relief-tab-new').click();
  await expect(page.getByTestId('relief-new')).toBeVisible();
  await choose(page, 'relief-type', type);
  await pickResident(page, 'relief-pick-applicant', person.name);
  await expect(page.getByTestId('relief-member-0')).toContainText(person.name);
  await choose(page, 'relief-member-0-employment', '无劳动能力');
  const n = await page.getByTestId('relief-materials').locator('input[type=checkbox]').count();
  for (const i of received(n)) await page.getByTestId(`relief-material-${i}`).click();
  await page.getByTestId('relief-close-relative-no').click();
  await page.getByTestId('relief-submit').click();
  await expect(page.getByTestId('relief-outcome')).toBeVisible();
  // the outcome opens its paper (receipt or 补正通知) at once
  await closePreview(page);
  return (await page.getByTestId('relief-outcome-text').textContent())!.match(/\d{9}-\d{8}-J\d{4}/)![0];
}
/** 2027-01-07 → 2027年1月7日, as the papers print a date */
const cnDate = (d: string) => d.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y: string, m: string, day: string) => `${y}年${Number(m)}月${Number(day)}日`);
const all = (n: number) => Array.from({ length: n }, (_, i) => i);

const history = () => page.getByTestId('relief-history').locator('li');

/** Opens a step's dialog, fills it, confirms: main refuses, the dialog stays with the message; then cancels. */
async function refusedStep(action: string, fill: (page: Page) => Promise<void>, message: string | RegExp): Promise<void> {
  await page.getByTestId(`relief-action-${action}`).click();
  await expect(page.getByTestId(`relief-step-${action}`)).toBeVisible();
  await fill(page);
  await page.getByTestId('relief-step-ok').click();
  await expect(page.getByTestId('relief-step-error')).toHaveText(message);
  await expect(page.getByTestId(`relief-step-${action}`)).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '取 消' }).or(page.getByRole('dialog').getByRole('button', { name: '取消' })).click();
  await expect(page.getByTestId(`relief-step-${action}`)).toBeHidden();
}

test('补正 then 受理: the missing materials on the 补正通知, 受理 refused while one is missing, then 受理 and its receipt', async () => {
  test.setTimeout(120_000);
  const required = materialsFor('dibao');
  const caseNo = await apply('最低生活保障', PEOPLE.correction, () => [0, 1]);
  const missing = required.slice(2);
  await expect(page.getByTestId('relief-outcome-text')).toHaveText(`已登记 ${caseNo}，材料缺 ${missing.length} 项，已生成补正通知`);
  await expect(page.getByTestId('relief-outcome-missing').locator('li')).toHaveText(missing);

  // the 补正通知 (一次性告知) lists every missing item
  const notices = archived(host.dataDir, 'relief.correction');
  expect(notices).toHaveLength(1);
  for (const t of [PEOPLE.correction.name, caseNo, ...missing.map((m) => m.replace(/\s+/g, ''))]) expect(notices[0], t).toContain(t);
  expect(notices[0]).not.toContain(PEOPLE.correction.idNumber);

  await page.getByTestId('relief-open-case').click();
  await expect(page.getByTestId('relief-case-status')).toHaveText('材料待补正');
  await expect(page.getByTestId('relief-case-due')).toHaveText('—');
  await expect(page.getByTestId('relief-case')).toContainText(`缺少材料：${missing.join('、')}`);
  await expect(history()).toHaveCount(1);

  // the applicant brings all but the last: main refuses 受理 and names what is still missing
  const tick = async (p: Page, items: string[]) => {
    for (const m of items) await p.getByTestId('relief-step-accept').getByRole('checkbox', { name: m }).check();
  };
  await refusedStep('accept', (p) => tick(p, missing.slice(0, -1)), `材料不齐，缺少：${missing.at(-1)}。请出具补正通知，材料补齐后再受理。`);
  await expect(page.getByTestId('relief-case-status')).toHaveText('材料待补正');
  await expect(history()).toHaveCount(1);
  // read again from main
  await openCase(page, caseNo);
  await expect(page.getByTestId('relief-case-status')).toHaveText('材料待补正');
  await expect(page.getByTestId('relief-case')).toContainText(`缺少材料：${missing.join('、')}`);

  // the last one too: 受理, the 30 working days start today
  await step(page, 'accept', (p) => tick(p, missing));
  await expect(page.getByTestId('relief-case-status')).toHaveText('已受理，待入户调查');
  await expect(page.getByTestId('relief-case-due')).toHaveText(cal.addWorkdays(hostDay, 30).date);
  await expect(page.getByTestId('relief-case')).not.toContainText('缺少材料');
  await expect(history()).toHaveCount(2);
  await expect(history().last()).toContainText('已受理，待入户调查');
  await expect(page.getByTestId('relief-doc-correction')).toHaveCount(0);
  await page.getByTestId('relief-doc-acceptance').click();
  await closePreview(page);
  const receipts = archived(host.dataDir, 'relief.acceptance');
  expect(receipts).toHaveLength(1);
  for (const t of ['社会救助受理回执', caseNo, PEOPLE.correction.name, '30个工作日', `办结期限${cnDate(cal.addWorkdays(hostDay, 30).date)}`]) expect(receipts[0], t).toContain(t);
  await page.screenshot({ path: `${SHOTS}/01-accepted-after-correction.png`, fullPage: true, animations: 'disabled' });
});

test('the limit extended to 45 working days: the due date moves on the calendar; a second tab’s stale extension is refused', async () => {
  test.setTimeout(120_000);
  const caseNo = await apply('最低生活保障', PEOPLE.extension, all);
  await page.getByTestId('relief-open-case').click();
  await expect(page.getByTestId('relief-case-status')).toHaveText('已受理，待入户调查');
  const due30 = cal.addWorkdays(hostDay, 30).date;
  const due45 = cal.addWorkdays(hostDay, 45).date;
  expect(due45 > due30).toBe(true);
  await expect(page.getByTestId('relief-case-due')).toHaveText(due30);
  await expect(page.getByTestId('relief-case')).toContainText('办理时限 30 个工作日');

  // the same case open in a second tab, left there
  const other = await context.newPage();
  other.on('pageerror', (e) => errors.push(e.message));
  await other.goto(host.origin);
  await expect(other.getByTestId('shell')).toBeVisible();
  await other.keyboard.press('Alt+5');
  await other.getByTestId('relief-tab-list').click();
  await other.getByTestId(`relief-row-${caseNo}`).click();
  await expect(other.getByTestId('relief-action-extend')).toBeVisible();

  // an empty reason is refused at its field
  await refusedStep('extend', async () => undefined, /延期原因/);
  await expect(page.getByTestId('relief-case-due')).toHaveText(due30);

  await step(page, 'extend', (p) => p.getByTestId('relief-step-reason').fill('申请人外地亲属的收入尚待核实'));
  await expect(page.getByTestId('relief-case-due')).toHaveText(due45);
  await expect(page.getByTestId('relief-case')).toContainText('办理时限 45 个工作日');
  await expect(page.getByTestId('relief-case')).toContainText('申请人外地亲属的收入尚待核实');
  await expect(page.getByTestId('relief-dues').getByRole('row').filter({ hasText: '县级审批决定' })).toContainText(due45);
  await expect(page.getByTestId('relief-action-extend')).toHaveCount(0);
  await expect(history().last()).toContainText('申请人外地亲属的收入尚待核实');

  // the second tab still offers it: main refuses the stale screen, the case keeps one extension
  await other.getByTestId('relief-action-extend').click();
  await other.getByTestId('relief-step-reason').fill('再延长一次');
  await other.getByTestId('relief-step-ok').click();
  await expect(other.getByTestId('relief-step-error')).toHaveText('该案件刚被其他人更新过，请刷新后再操作');
  await other.keyboard.press('Escape');
  await other.close();
  await openCase(page, caseNo);
  await expect(page.getByTestId('relief-case-due')).toHaveText(due45);
  await expect(page.getByTestId('relief-case')).not.toContainText('再延长一次');
  await expect(history().filter({ hasText: '申请人外地亲属的收入尚待核实' })).toHaveCount(1);
  await expect(history()).toHaveCount(3);
  await page.screenshot({ path: `${SHOTS}/02-extended.png`, fullPage: true, animations: 'disabled' });
});

test('an objection during 公示 reopens the investigation; one received before the 公示 began is refused', async () => {
  test.setTimeout(120_000);
  const caseNo = await apply('最低生活保障', PEOPLE.objection, all);
  await page.getByTestId('relief-open-case').click();
  await expect(page.getByTestId('relief-case-no')).toHaveText(caseNo);
  await step(page, 'investigate', async (p) => {
    await p.getByTestId('relief-step-investigator-1').fill('刘芳（社区居委会）');
    await p.getByTestId('relief-step-date').fill(hostDay);
    await p.getByTestId('relief-step-findings').fill('独居，无固定收入，申报情况属实');
  });
  await step(page, 'opinion', async (p) => {
    await p.getByTestId('relief-step-text').fill('拟同意纳入最低生活保障');
    await p.getByTestId('relief-step-proposedAmount').fill('780');
  });
  await step(page, 'publicize', async (p) => {
    await p.getByTestId('relief-step-start').fill(hostDay);
    await p.getByTestId('relief-step-place').fill('建北社区公示栏');
  });
  await expect(page.getByTestId('relief-case-status')).toHaveText('公示中');
  const end = addDays(hostDay, 6);
  const before = await history().count();

  await refusedStep(
    'objection',
    async (p) => {
      await p.getByTestId('relief-step-receivedOn').fill(addDays(hostDay, -1));
      await p.getByTestId('relief-step-text').fill('有居民反映申请人有一辆面包车');
    },
    `异议须在公示期内（${hostDay} 至 ${end}）提出`,
  );
  await expect(page.getByTestId('relief-case-status')).toHaveText('公示中');
  await expect(history()).toHaveCount(before);

  await step(page, 'objection', async (p) => {
    await p.getByTestId('relief-step-receivedOn').fill(hostDay);
    await p.getByTestId('relief-step-text').fill('有居民反映申请人有一辆面包车');
  });
  await expect(page.getByTestId('relief-case-status')).toHaveText('已受理，待入户调查');
  await expect(page.getByTestId('relief-action-investigate')).toBeVisible();
  await expect(page.getByTestId('relief-action-objection')).toHaveCount(0);
  await expect(page.getByTestId('relief-dues')).toContainText('重新入户调查');
  await expect(history()).toHaveCount(before + 1);
  await expect(history().last()).toContainText(`已受理，待入户调查：异议受理日期 ${hostDay}：有居民反映申请人有一辆面包车，重新入户调查`);
  await page.screenshot({ path: `${SHOTS}/03-objection.png`, fullPage: true, animations: 'disabled' });
});

test('临时救助 先行救助: only the 站长 has the button, an amount of 0 is refused, the follow-up tasks come due and are ticked off', async () => {
  test.setTimeout(180_000);
  const caseNo = await apply('临时救助', PEOPLE.emergency, all);
  await addStaff(page, { ...HEAD, password: 'Counter123', role: '站长' });
  await addStaff(page, { ...CLERK, password: 'Counter123' });

  // a 窗口人员 works the case but is not offered 先行救助
  await page.getByTestId('signout-button').click();
  await firstSignIn(page, CLERK.login, 'Counter123', CLERK.password);
  await openCase(page, caseNo);
  await expect(page.getByTestId('relief-action-investigate')).toBeVisible();
  await expect(page.getByTestId('relief-action-emergency')).toHaveCount(0);

  // the 站长 grants it: 0 is refused in the dialog, nothing recorded; then 1500 yuan
  await page.getByTestId('signout-button').click();
  await firstSignIn(page, HEAD.login, 'Counter123', HEAD.password);
  await openCase(page, caseNo);
  const before = await history().count();
  await page.getByTestId('relief-action-emergency').click();
  const dialog = page.getByRole('dialog');
  await page.getByTestId('relief-emergency-amount').fill('0');
  await page.getByTestId('relief-emergency-reason').fill('家中突发火灾，生活用品损毁');
  await dialog.getByRole('button', { name: /确\s*定|确认/ }).click();
  await expect(page.getByTestId('relief-emergency-error')).toContainText('先行救助金额须大于 0');
  await expect(page.getByTestId('relief-tasks')).toHaveCount(0);
  await page.getByTestId('relief-emergency-amount').fill('1500');
  await dialog.getByRole('button', { name: /确\s*定|确认/ }).click();
  await expect(page.getByTestId('relief-emergency-amount')).toBeHidden();

  // three follow-up tasks, each due 5 working days from the host's day (the default limit)
  const due = cal.addWorkdays(hostDay, 5).date;
  const tasks = page.getByTestId('relief-tasks').locator('li');
  await expect(tasks).toHaveCount(3);
  for (const label of ['补齐临时救助申请材料', '完成入户调查核实', '补办审核审批手续']) await expect(tasks.filter({ hasText: label })).toContainText(`（期限 ${due}）`);
  await expect(page.getByTestId('relief-action-emergency')).toHaveCount(0);
  await expect(history()).toHaveCount(before + 1);
  await expect(history().last()).toContainText(`先行救助，后续手续须在 ${due} 前完成`);

  // one ticked off: it says 已完成 and loses its button; the others stay open
  await tasks.filter({ hasText: '补齐临时救助申请材料' }).getByRole('button', { name: '标记完成' }).click();
  await expect(tasks.filter({ hasText: '补齐临时救助申请材料' })).toContainText('已完成');
  await expect(tasks.filter({ hasText: '补齐临时救助申请材料' }).getByRole('button')).toHaveCount(0);
  await expect(tasks.getByRole('button', { name: '标记完成' })).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/04-emergency.png`, fullPage: true, animations: 'disabled' });

  await page.getByTestId('signout-button').click();
  await signIn(page, 'admin', 'Station2026');
  await expect(page.getByTestId('shell')).toBeVisible();
});

test('the county refuses: the reasons and the 3-working-day notice due at the station, the 不予批准通知书, and the notice recorded', async () => {
  test.setTimeout(240_000);
  const caseNo = await apply('最低生活保障', PEOPLE.refusal, all);
  await page.getByTestId('relief-open-case').click();
  await step(page, 'investigate', async (p) => {
    await p.getByTestId('relief-step-investigator-1').fill('刘芳（社区居委会）');
    // the date offered is the host's today (main's clock), not the browser's
    await expect(p.getByTestId('relief-step-date')).toHaveValue(hostDay);
    await p.getByTestId('relief-step-findings').fill('家中有存款，需县级核对');
  });
  await step(page, 'opinion', async (p) => {
    await p.getByTestId('relief-step-text').fill('申报情况基本属实，报县审核');
    await p.getByTestId('relief-step-proposedAmount').fill('500');
  });
  await step(page, 'publicize', async (p) => {
    await p.getByTestId('relief-step-start').fill(hostDay);
    await p.getByTestId('relief-step-place').fill('建北社区公示栏');
  });

  // a week later: 报县审批, synced
  fs.writeFileSync(offsetFile, '+0d');
  await reloadSignedIn(page);
  await openCase(page, caseNo);
  await step(page, 'forward', async () => undefined);
  await expect(page.getByTestId('relief-case-status')).toHaveText('已报县审批');
  await syncNow(page);

  // the county refuses on its page
  const reasons = '经县级核对，家庭人均存款超过本县规定的限额';
  await countyPage.getByRole('button', { name: '刷新' }).click();
  const row = countyPage.getByTestId('relief-table').getByRole('row', { name: new RegExp(caseNo) });
  await expect(row).toContainText('吴*庆');
  await row.getByRole('button', { name: '审核确认' }).click();
  const dialog = countyPage.getByRole('dialog');
  await dialog.locator('.ant-radio-button-wrapper', { hasText: '不予批准' }).click();
  await countyPage.getByLabel('不予批准的理由（将书面告知申请人）').fill(reasons);
  await countyPage.getByRole('button', { name: '提交' }).click();
  await expect(countyPage.getByText(`已提交 ${caseNo} 的审核确认结果`).last()).toBeVisible();
  const decidedOn = stationDay(0);
  const noticeDue = cal.addWorkdays(decidedOn, 3).date;

  // the station shows it, with the notice due
  await syncNow(page);
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('workbench-relief-count-refusalNoticesDue')).toHaveText('1');
  await openCase(page, caseNo);
  await expect(page.getByTestId('relief-case-status')).toHaveText('县级不予批准');
  const decision = page.getByTestId('relief-decision');
  await expect(decision).toContainText('县级审核确认结果：不予批准');
  await expect(decision).toContainText(`理由：${reasons}`);
  await expect(decision).toContainText(`不予批准须在 ${noticeDue} 前书面告知申请人`);
  await expect(page.getByTestId('relief-dues').getByRole('row').filter({ hasText: '书面告知不予批准' })).toContainText(noticeDue);
  await page.screenshot({ path: `${SHOTS}/05-refused.png`, fullPage: true, animations: 'disabled' });

  // the 不予批准通知书: the reasons, the name, no 身份证号 but the masked one
  await page.getByTestId('relief-doc-refusal').click();
  await closePreview(page);
  const notices = archived(host.dataDir, 'relief.refusal');
  expect(notices).toHaveLength(1);
  for (const t of ['不予批准', caseNo, PEOPLE.refusal.name, reasons]) expect(notices[0], t).toContain(t);
  for (const p of Object.values(PEOPLE)) expect(notices[0]).not.toContain(p.idNumber);
  for (const id of notices[0]!.match(/\d{6}[\d*]{8}\d{3}[\dX]/g) ?? []) expect(id).toContain('********');

  // a notice dated tomorrow is refused; then delivered today by post
  const before = await history().count();
  await refusedStep(
    'notifyRefusal',
    async (p) => {
      await p.getByTestId('relief-step-givenOn').fill(stationDay(1));
      await p.getByTestId('relief-step-how').fill('邮寄送达');
    },
    '送达日期不能晚于今天',
  );
  await expect(page.getByTestId('relief-case-status')).toHaveText('县级不予批准');
  await expect(decision).toContainText(`不予批准须在 ${noticeDue} 前书面告知申请人`);
  await expect(history()).toHaveCount(before);

  await step(page, 'notifyRefusal', async (p) => {
    await p.getByTestId('relief-step-givenOn').fill(decidedOn);
    await p.getByTestId('relief-step-how').fill('邮寄送达');
  });
  await expect(page.getByTestId('relief-case-status')).toHaveText('已书面告知不予批准');
  await expect(decision).toContainText(`登记已书面告知：${decidedOn}（邮寄送达）`);
  await expect(decision).not.toContainText('前书面告知申请人');
  await expect(page.getByTestId('relief-dues').getByRole('row').filter({ hasText: '书面告知不予批准' })).toContainText('已完成');
  await expect(history().last()).toContainText(`${decidedOn} 邮寄送达`);
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('workbench-relief-count-refusalNoticesDue')).toHaveText('0');
  await page.screenshot({ path: `${SHOTS}/05-notified.png`, fullPage: true, animations: 'disabled' });
});
