import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningHost {
  /**
   * The URL the page opens: the host's one-time launch code (`#launch=…`, traded by the page
   * for its session cookie, so open it once per host), and the script token (`&token=…`) that
   * specs setting the scene from Node send as `x-station-token`; the page ignores the token.
   */
  url: string;
  origin: string;
  /** the script token (`--print-token`): a call with it acts as whoever is signed in */
  token: string;
  dataDir: string;
  process: ChildProcess;
  /** what the host printed on stdout */
  stdout: string;
}

/** A call from Node as the signed-in page would make it (its Origin, the script token): for setting the scene. */
export async function callHost<T = unknown>(host: RunningHost, name: string, input: unknown): Promise<T> {
  const res = await fetch(`${host.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: host.origin, 'x-station-token': host.token },
    body: JSON.stringify(input),
  });
  const env = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!env.ok) throw new Error(`${name}: ${env.error?.message ?? res.status}`);
  return env.value as T;
}

/** Starts the built browser-mode host (dist/main/host.js) on a fresh data folder. */
export async function startBuiltHost(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-e2e-')), extraArgs: string[] = ['--print-token']): Promise<RunningHost> {
  const child = spawn(process.execPath, ['dist/main/host.js', '--data-dir', dataDir, '--port', '0', ...extraArgs], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, STATIONDESK_QUIET: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const wantToken = extraArgs.includes('--print-token');
  let out = '';
  const { launchUrl, token } = await new Promise<{ launchUrl: string; token: string }>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}${err}`)), 20_000);
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const url = /STATIONDESK_URL=(\S+)/.exec(out)?.[1];
      const tok = /STATIONDESK_TOKEN=(\S+)/.exec(out)?.[1];
      if (url && (tok || !wantToken)) {
        clearTimeout(timer);
        resolve({ launchUrl: url, token: tok ?? '' });
      }
    });
    child.on('exit', (code) => reject(new Error(`host exited with ${code}: ${out}${err}`)));
  });
  const url = token ? `${launchUrl}&token=${token}` : launchUrl;
  const running: RunningHost = { url, origin: new URL(url).origin, token, dataDir, process: child, stdout: out };
  child.stdout!.on('data', (c: Buffer) => (running.stdout += c.toString()));
  return running;
}

export function stopHost(h: RunningHost): Promise<void> {
  return new Promise((resolve) => {
    if (h.process.exitCode !== null) return resolve();
    h.process.once('exit', () => resolve());
    h.process.kill('SIGTERM');
  });
}

export const test = base.extend<{ host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a test asks for from this pattern
  host: async ({}, use) => {
    const h = await startBuiltHost();
    await use(h);
    await stopHost(h);
  },
});

export { expect };

/** First-run setup through the screen, ending signed in as the administrator 王建国 (admin / Station2026). */
export async function setUpThroughScreen(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('setup-screen')).toBeVisible();
  await page.getByTestId('setup-station-code').fill('130102001');
  await page.getByTestId('setup-station-name').fill('建北街道党群服务中心');
  await page.getByTestId('setup-station-county').fill('石家庄市长安区');
  await page.getByTestId('setup-station-address').fill('中山东路 12 号');
  await page.getByTestId('setup-station-phone').fill('0311-86012345');
  await page.getByTestId('setup-admin-name').fill('王建国');
  await page.getByTestId('setup-admin-login').fill('admin');
  await page.getByTestId('setup-admin-password').fill('Station2026');
  await page.getByTestId('setup-admin-confirm').fill('Station2026');
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('shell')).toBeVisible();
}

/**
 * Picks `label` in the antd Select with this test id: the option whose text is exactly the
 * label, else the first that contains it, and then waits for the select to show it. The
 * whole pick is tried again when the select does not take it: under load the click can
 * land while the list is still sliding in, and the pick is then lost without a sign (a
 * clerk clicks what they see, after it has settled).
 */
export async function choose(page: Page, testId: string, label: string): Promise<void> {
  const select = page.getByTestId(testId);
  const combobox = select.getByRole('combobox');
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await expect(async () => {
    if ((await combobox.getAttribute('aria-expanded')) !== 'true') await select.click();
    // this select's own list (aria-controls while open): another select's list may still be
    // fading out with the same options in it
    await expect(combobox).toHaveAttribute('aria-controls', /_list$/, { timeout: 3_000 });
    const list = await combobox.getAttribute('aria-controls');
    const options = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${list}"]`) }).locator('.ant-select-item-option');
    await expect(options.filter({ hasText: label }).first()).toBeVisible({ timeout: 3_000 });
    const same = options.filter({ hasText: exact });
    await ((await same.count()) > 0 ? same : options.filter({ hasText: label })).first().click({ timeout: 3_000 });
    await expect(select).toContainText(label, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/** Types a login and password on the sign-in screen and presses Enter. */
export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByTestId('signin-login').fill(login);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-password').press('Enter');
}

/**
 * Adds a staff account in 设置 → 人员 as the signed-in administrator (李娜 / lina / Counter123,
 * 窗口人员, unless told otherwise) and waits for its row.
 */
export async function addStaff(page: Page, who: { name?: string; login?: string; password?: string; role?: string } = {}): Promise<void> {
  const { name = '李娜', login = 'lina', password = 'Counter123', role } = who;
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-staff').click();
  await page.getByTestId('staff-add').click();
  await page.getByTestId('staff-name').fill(name);
  await page.getByTestId('staff-login').fill(login);
  if (role) await choose(page, 'staff-role', role);
  await page.getByTestId('staff-password').fill(password);
  await page.getByTestId('staff-confirm').fill(password);
  await page.getByTestId('staff-create-ok').click();
  await expect(page.getByTestId(`staff-row-${login}`)).toContainText(role ?? '窗口人员');
}

/** Signs in with the password the administrator set and replaces it on the forced screen. */
export async function firstSignIn(page: Page, login: string, given: string, own: string): Promise<void> {
  await signIn(page, login, given);
  await expect(page.getByTestId('forced-password-screen')).toBeVisible();
  await page.getByTestId('password-current').fill(given);
  await page.getByTestId('password-next').fill(own);
  await page.getByTestId('password-confirm').fill(own);
  await page.getByTestId('password-confirm').press('Enter');
  await expect(page.getByTestId('shell')).toBeVisible();
}

/** Closes the document preview once its PDF is shown: the dialog opens before the PDF is made. */
export async function closePreview(page: Page): Promise<void> {
  await expect(page.getByTestId('document-preview')).toBeVisible();
  await expect(page.getByTestId('document-frame')).toBeVisible();
  await page.getByTestId('document-close').click();
  // Once in CI the preview stayed 10 s after this click (not seen here in 7 runs, 4 under
  // load). If the click was lost, Esc — the clerk's other way out — closes it; a preview that
  // truly stays still fails below. Said in the output, so a repeat is seen.
  try {
    await expect(page.getByTestId('document-preview')).toBeHidden({ timeout: 5_000 });
  } catch {
    console.warn('closePreview: the preview was still open 5 s after 关闭; pressing Esc');
    await page.keyboard.press('Escape');
  }
  await expect(page.getByTestId('document-preview')).toBeHidden();
}

/**
 * Registers a resident (身份证号 ending 002X) and accepts 老年证办理 (DB-003, forwarded to the
 * county) for them with every material received; answers the 回执编号 once the preview is shut.
 */
export async function registerAndAcceptDb003(page: Page, who: { name: string; address: string; idNumber?: string }): Promise<string> {
  await page.getByTestId('nav-residents').click();
  await page.getByTestId('resident-register').click();
  // the drawer hands the keyboard to its first field as it opens: typing waits for that
  await expect(page.getByTestId('resident-form-idNumber')).toBeFocused();
  await page.getByTestId('resident-form-idNumber').fill(who.idNumber ?? '11010519491231002X');
  await page.getByTestId('resident-form-name').fill(who.name);
  await page.getByTestId('resident-form-phone').fill('13800138000');
  await page.getByTestId('resident-form-address').fill(who.address);
  await page.getByTestId('resident-save').click();
  await expect(page.getByTestId('resident-detail-name')).toHaveText(who.name);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('resident-detail')).toBeHidden();
  await page.keyboard.press('Alt+3');
  await page.getByTestId('resident-picker-search').fill('002X');
  await expect(page.getByTestId('resident-picker-option')).toHaveCount(1);
  await page.getByTestId('resident-picker-search').press('Enter');
  await page.getByTestId('item-picker-input').fill('lnzbl');
  await page.locator('[data-testid="item-picker-option"][data-code="DB-003"]').click();
  await page.getByTestId('intake-all-received').click();
  await page.getByTestId('intake-accept').click();
  await expect(page.getByTestId('intake-outcome')).toHaveAttribute('data-kind', /accept/);
  const receiptNo = (await page.getByTestId('intake-receipt-no').textContent())!.trim();
  await closePreview(page);
  return receiptNo;
}
