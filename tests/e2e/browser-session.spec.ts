/**
 * issue 8 item 5 through the built host and a real Chromium: the page trades a one-time launch
 * code for an HttpOnly, SameSite=Strict cookie; nothing long-lived is printed; a second browser
 * (no cookie, the used code) cannot act as the signed-in clerk.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, setUpThroughScreen, startBuiltHost, stopHost } from './fixtures';

test('the launch code opens one browser; a second browser with the same code gets nothing', async ({ browser }) => {
  const host = await startBuiltHost(fs.mkdtempSync(path.join(os.tmpdir(), 'sd-e2e-')), []);
  try {
    // Printed: a one-time launch URL, no token.
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#launch=[\w-]{40,}$/);
    expect(host.stdout).not.toContain('STATIONDESK_TOKEN');
    expect(host.stdout).not.toContain('token=');

    const a = await browser.newContext();
    const page = await a.newPage();
    await setUpThroughScreen(page, host.url);
    expect(page.url()).toBe(`${host.origin}/`);
    const cookies = await a.cookies(host.origin);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', secure: false, expires: -1 });
    // no script on the page can read it
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }))).not.toContain(cookies[0]!.value);
    // a reload keeps the session: the cookie, not the fragment, carries it
    await page.reload();
    await expect(page.getByTestId('status-user')).toContainText('王建国');

    // Another browser that got hold of the launch URL (it was on the command line) gets nothing.
    const b = await browser.newContext();
    const other = await b.newPage();
    await other.goto(host.url);
    await expect(other.getByText(/本页面的访问凭据(无效|已失效)/).first()).toBeVisible();
    await expect(other.getByTestId('shell')).toHaveCount(0);
    expect(await b.cookies(host.origin)).toHaveLength(0);
    const sneak = await b.request.post(`${host.origin}/api/auth.session`, { headers: { origin: host.origin, 'content-type': 'application/json' }, data: {} });
    expect(sneak.status()).toBe(401);
    const search = await b.request.post(`${host.origin}/api/residents.search`, { headers: { origin: host.origin, 'content-type': 'application/json' }, data: { q: '王' } });
    expect(search.status()).toBe(401);
    await other.screenshot({ path: 'test-results/e2e/browser-session-second-browser.png' });

    // The first browser is still the counter.
    const mine = await a.request.post(`${host.origin}/api/auth.session`, { headers: { origin: host.origin, 'content-type': 'application/json' }, data: {} });
    expect(await mine.json()).toMatchObject({ ok: true, value: { staff: { login: 'admin' } } });
    await a.close();
    await b.close();
  } finally {
    await stopHost(host);
  }
});
