import { test, expect, addStaff, firstSignIn, setUpThroughScreen } from './fixtures';

const AREAS = [
  ['workbench', '工作台'],
  ['residents', '居民'],
  ['intake', '代办'],
  ['wishes', '微心愿'],
  ['relief', '社会救助'],
  ['dayclose', '日结'],
  ['sync', '同步'],
  ['settings', '设置'],
] as const;

test('first run, sign-in, a wrong password, and every area', async ({ page, host }) => {
  await page.goto(host.url);
  // The one-time launch code leaves the address bar once the page has traded it.
  await expect(page.getByTestId('setup-screen')).toBeVisible();
  expect(page.url()).not.toContain('launch=');
  expect(page.url()).not.toContain('#');

  // Setup refuses bad input field by field, in Chinese.
  await page.getByTestId('setup-submit').click();
  await expect(page.getByText('请填写站点名称')).toBeVisible();
  await page.getByTestId('setup-station-code').fill('130102001');
  await page.getByTestId('setup-station-name').fill('建北街道党群服务中心');
  await page.getByTestId('setup-station-county').fill('石家庄市长安区');
  await page.getByTestId('setup-station-address').fill('中山东路 12 号');
  await page.getByTestId('setup-station-phone').fill('12345');
  await page.getByTestId('setup-admin-name').fill('王建国');
  await page.getByTestId('setup-admin-login').fill('admin');
  await page.getByTestId('setup-admin-password').fill('Station2026');
  await page.getByTestId('setup-admin-confirm').fill('Station2026');
  await page.getByTestId('setup-submit').click();
  await expect(page.getByText(/电话格式不正确/)).toBeVisible();
  await page.getByTestId('setup-station-phone').fill('0311-86012345');
  await page.getByTestId('setup-admin-confirm').press('Enter');

  // Straight into the shell, signed in as the new administrator.
  await expect(page.getByTestId('shell')).toBeVisible();
  await expect(page.getByTestId('status-station')).toContainText('建北街道党群服务中心');
  await expect(page.getByTestId('status-user')).toContainText('王建国');
  await expect(page.getByTestId('status-role')).toContainText('管理员');
  await expect(page.getByTestId('status-sync')).toContainText('未登记');
  await expect(page.getByTestId('status-clock')).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);

  // Every area by mouse, then by keyboard.
  for (const [key, label] of AREAS) {
    await page.getByTestId(`nav-${key}`).click();
    await expect(page.getByTestId(`area-${key}`)).toBeVisible();
    await expect(page.getByTestId(`area-${key}`)).toContainText(label);
  }
  for (const [i, [key]] of AREAS.entries()) {
    await page.keyboard.press(`Alt+${i + 1}`);
    await expect(page.getByTestId(`area-${key}`)).toBeVisible();
  }
  await page.keyboard.press('Alt+1');
  await page.screenshot({ path: 'test-results/e2e/shell.png' });

  // Sign out; a wrong password is refused in the words an unknown login gets too.
  await page.getByTestId('signout-button').click();
  await expect(page.getByTestId('signin-screen')).toBeVisible();
  await expect(page.getByTestId('signin-station')).toContainText('建北街道党群服务中心');
  await page.getByTestId('signin-login').fill('admin');
  await page.getByTestId('signin-password').fill('wrong-password1');
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('signin-error')).toHaveText('登录名或密码错误');
  await expect(page.getByTestId('signin-password')).toBeFocused();
  await page.getByTestId('signin-password').fill('Station2026');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('shell')).toBeVisible();

  // The audit log recorded all of it and its chain holds.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-audit').click();
  await expect(page.getByTestId('audit-table')).toContainText('登录失败');
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('日志链完整');
});

test('a clerk cannot reach staff management, and main refuses it anyway', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);

  await addStaff(page);
  await page.getByTestId('signout-button').click();
  // the password the administrator typed must be replaced first
  await firstSignIn(page, 'lina', 'Counter123', 'Lina2026x');
  await expect(page.getByTestId('status-role')).toContainText('窗口人员');
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-tab-staff')).toHaveCount(0);

  // Calling main directly from the page, as a tampered renderer would: the page's own session
  // cookie goes along, and the role is what refuses.
  const answer = await page.evaluate(async () => {
    const r = await fetch('/api/staff.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '张三', login: 'zs', role: 'admin', password: 'Sneaky1234' }),
    });
    return r.json();
  });
  expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '您的角色没有此项权限，请联系站长或管理员' } });
});
