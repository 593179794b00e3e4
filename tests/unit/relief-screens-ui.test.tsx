// @vitest-environment jsdom
/**
 * 修改家庭情况 on the case page and 设置 → 社会救助 against a real station (main's dispatch
 * over a real SQLite file as the bridge): the action only for those who see the figures,
 * the editor prefilled with what the case holds, and the settings' field refusals in Chinese.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CasePage } from '../../renderer/src/features/relief/CasePage';
import { ReliefSettingsTab } from '../../renderer/src/features/relief/ReliefSettingsTab';
import { useApp } from '../../renderer/src/stores/app';
import { ADMIN, manualClock, setUpStation } from '../helpers/station';
import { addStaff } from '../helpers/staff';
import { household } from '../helpers/relief';
import { stubBrowser, bridgeTo } from '../helpers/jsdom';

let station: Awaited<ReturnType<typeof setUpStation>>;
let caseId = '';
const CLERK = { name: '赵敏', login: 'zhao', role: 'clerk' as const, password: 'Clerk2026x' };

beforeAll(async () => {
  stubBrowser();
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  station = await setUpStation({ clock: manualClock('2026-09-14T01:00:00.000Z') });
  await station.client['relief.updateSettings']({ standard: { amount: 780, effectiveFrom: '2026-01-01', source: '长安区民政局〔2026〕1号' } });
  const h = await household(station.client);
  caseId = (await station.client['relief.create']({ type: 'dibao', members: h.members, materialsReceived: h.all })).case.id;
  await addStaff(station.client, CLERK);
  bridgeTo(station.calls);
});
afterAll(() => station.close());
afterEach(cleanup);

function wrap(node: ReactNode) {
  return render(
    <ConfigProvider locale={zhCN}>
      <AntApp>{node}</AntApp>
    </ConfigProvider>,
  );
}
const as = async (who: { login: string; password: string }, role: 'admin' | 'clerk') => {
  await station.client['auth.signIn'](who);
  useApp.setState({ session: { staff: { role, name: role === 'admin' ? ADMIN.name : CLERK.name } } as never });
};

describe('修改家庭情况', () => {
  it('opens the editor prefilled with incomes and health for the admin, with the case’s per-capita figure', async () => {
    await as(ADMIN, 'admin');
    wrap(<CasePage id={caseId} />);
    fireEvent.click(await screen.findByTestId('relief-action-household'));
    await screen.findByTestId('relief-edit');
    expect((screen.getByTestId('relief-member-1-health') as HTMLInputElement).value).toBe('尿毒症，每周透析');
    expect((screen.getByTestId('relief-member-0-income-0-amount') as HTMLInputElement).value).toBe('3600.00');
    expect(screen.getByTestId('relief-member-0').textContent).not.toContain('移除');
    await waitFor(() => expect(screen.getByTestId('relief-per-capita').textContent).toBe('200.00'), { timeout: 5000 });
  });

  it('keeps what was typed when someone else saved first, and saves it on the latest version', async () => {
    await as(ADMIN, 'admin');
    wrap(<CasePage id={caseId} />);
    fireEvent.click(await screen.findByTestId('relief-action-household'));
    await screen.findByTestId('relief-edit');
    fireEvent.change(screen.getByTestId('relief-member-1-health'), { target: { value: '尿毒症，每周透析三次' } });
    // meanwhile another clerk records the materials again: the version moves on
    const now = (await station.client['relief.get']({ id: caseId })).case;
    await station.client['relief.materials']({ id: caseId, version: now.version, materialsReceived: now.materialsReceived });
    fireEvent.click(screen.getByTestId('relief-edit-save'));
    expect((await screen.findByTestId('relief-edit-error')).textContent).toContain('该案件刚被其他人更新过');
    expect((screen.getByTestId('relief-member-1-health') as HTMLInputElement).value).toBe('尿毒症，每周透析三次');
    fireEvent.click(screen.getByTestId('relief-edit-latest'));
    await screen.findByTestId('relief-edit-note');
    fireEvent.click(screen.getByTestId('relief-edit-save'));
    await waitFor(() => expect(screen.queryByTestId('relief-edit')).toBeNull());
    const saved = (await station.client['relief.get']({ id: caseId })).case;
    expect(saved.members[1]!.health).toBe('尿毒症，每周透析三次');
  });

  it('is not offered to a clerk who sees the case redacted', async () => {
    await as(CLERK, 'clerk');
    wrap(<CasePage id={caseId} />);
    await screen.findByTestId('relief-means-redacted');
    expect(screen.queryByTestId('relief-action-household')).toBeNull();
    await as(ADMIN, 'admin');
  });
});

describe('设置 → 社会救助', () => {
  it('shows each limit with its default and refuses a too-short extended limit next to the field, saving nothing', async () => {
    await as(ADMIN, 'admin');
    wrap(<ReliefSettingsTab />);
    const standards = await screen.findByTestId('relief-settings-standards');
    expect(standards.textContent).toContain('780.00');
    expect(standards.textContent).toContain('本站录入');
    expect(screen.getByTestId('relief-settings-time-decisionWorkdays').textContent).toContain('默认 30 个工作日');
    expect(screen.getByTestId('relief-settings-limits-financialMonths').textContent).toContain('默认 24 个月');
    fireEvent.change(screen.getByTestId('relief-settings-extendedWorkdays'), { target: { value: '20' } });
    fireEvent.click(screen.getByTestId('relief-settings-save'));
    expect((await screen.findByTestId('relief-err-time.extendedWorkdays')).textContent).toBe('延长后的办理期限不能短于正常期限');
    expect((await station.client['relief.settings']({})).time.extendedWorkdays).toBe(45);
    fireEvent.click(screen.getByTestId('relief-settings-record'));
    expect((await screen.findByTestId('relief-err-standard.amount')).textContent).toBe('请填写大于 0 的标准金额，最多两位小数');
    expect(screen.getByTestId('relief-err-standard.source').textContent).toBe('请填写文件依据');
  });

  it('reads only for a clerk: no save, no standard form', async () => {
    await as(CLERK, 'clerk');
    wrap(<ReliefSettingsTab />);
    await screen.findByTestId('relief-settings-standards');
    expect(screen.getByText('仅站长和管理员可以修改社会救助设置')).toBeTruthy();
    expect(screen.queryByTestId('relief-settings-save')).toBeNull();
    expect(screen.queryByTestId('relief-settings-record')).toBeNull();
    await as(ADMIN, 'admin');
  });
});
