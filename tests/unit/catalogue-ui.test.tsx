// @vitest-environment jsdom
/**
 * The 服务清单 panel and the item picker against a real station: the page's bridge is
 * main's own dispatch over a real SQLite file, as the Electron preload would carry it.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CatalogueItem } from '../../common/catalogue';
import { CataloguePanel, ItemPicker } from '../../renderer/src/features/catalogue';
import { useApp } from '../../renderer/src/stores/app';
import { ADMIN, setUpStation } from '../helpers/station';
import { addStaff } from '../helpers/staff';
import { stubBrowser, bridgeTo } from '../helpers/jsdom';

let station: Awaited<ReturnType<typeof setUpStation>>;
const CLERK = { name: '李娜', login: 'lina', role: 'clerk' as const, password: 'Counter123' };

beforeAll(async () => {
  stubBrowser();
  // the edit form's text area measures itself
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  station = await setUpStation();
  await addStaff(station.api, CLERK);
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

const options = () => screen.queryAllByTestId('item-picker-option').map((o) => o.getAttribute('data-code'));
const activeCode = () => screen.getAllByTestId('item-picker-option').find((o) => o.getAttribute('aria-selected') === 'true')?.getAttribute('data-code');

describe('ItemPicker', () => {
  it('finds items by pinyin, name and code, moves with ↑/↓ and picks with Enter', async () => {
    const onPick = vi.fn<(item: CatalogueItem) => void>();
    wrap(<ItemPicker onPick={onPick} autoFocus />);
    const input = screen.getByTestId('item-picker-input');
    await waitFor(() => expect(input.getAttribute('placeholder')).toMatch(/拼音首字母/));
    expect(document.activeElement).toBe(input);

    fireEvent.change(input, { target: { value: 'gljt' } });
    expect(options()).toEqual(['ZB-001', 'ZD-010']);
    expect(activeCode()).toBe('ZB-001');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(activeCode()).toBe('ZD-010');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(activeCode()).toBe('ZB-001');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(activeCode()).toBe('ZD-010');
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getAllByTestId('item-picker-option')[1]!.id);

    // Enter while the 拼音 input method is composing belongs to the IME
    fireEvent.keyDown(input, { key: 'Enter', keyCode: 229 });
    expect(onPick).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledTimes(1);
    expect(onPick.mock.calls[0]![0]).toMatchObject({ code: 'ZD-010', name: '高龄津贴到龄提醒' });
    expect((input as HTMLInputElement).value).toBe('高龄津贴到龄提醒');
    expect(options()).toEqual([]);

    fireEvent.change(input, { target: { value: '居住' } });
    expect(options()[0]).toBe('BJ-001');
    fireEvent.change(input, { target: { value: 'db-002' } });
    expect(options()[0]).toBe('DB-002');
    fireEvent.click(screen.getAllByTestId('item-picker-option')[0]!);
    expect(onPick.mock.calls[1]![0].code).toBe('DB-002');

    fireEvent.change(input, { target: { value: '没有这种事项' } });
    expect(screen.getByText('没有找到相关事项')).toBeTruthy();
    fireEvent.keyDown(input, { key: 'Escape' });
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('does not let the Enter that picks also submit the surrounding form', async () => {
    const onSubmit = vi.fn();
    const onKeyDown = vi.fn();
    wrap(
      <form onKeyDown={onKeyDown} onSubmit={onSubmit}>
        <ItemPicker onPick={() => {}} />
      </form>,
    );
    const input = screen.getByTestId('item-picker-input');
    await waitFor(() => expect(input.getAttribute('placeholder')).toMatch(/拼音首字母/));
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'jzzm' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onKeyDown).not.toHaveBeenCalled();
    // with nothing to pick, Enter goes on to the form as usual
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onKeyDown).toHaveBeenCalledTimes(1);
  });
});

// antd's table and form render slowly in jsdom, more so on a busy machine
describe('CataloguePanel', { timeout: 90_000 }, () => {
  it('lists the catalogue by category, filters by pinyin, and lets the head or administrator edit through the form', async () => {
    await act(() => useApp.getState().signIn(ADMIN.login, ADMIN.password));
    wrap(<CataloguePanel />);
    const table = await screen.findByTestId('catalogue-table');
    await waitFor(() => expect(within(table).getByTestId('catalogue-row-ZB-001')).toBeTruthy());
    expect(screen.getByTestId('catalogue-version').textContent).toMatch(/当前版本：2026\.1（第 1 版，初始清单，2026-01-01）/);
    expect(screen.getByTestId('catalogue-add')).toBeTruthy();

    fireEvent.change(screen.getByTestId('catalogue-filter'), { target: { value: 'gljt' } });
    await waitFor(() => expect(within(table).queryByTestId('catalogue-row-BJ-001')).toBeNull());
    expect(within(table).getByTestId('catalogue-row-ZB-001')).toBeTruthy();

    fireEvent.click(within(table).getByTestId('catalogue-row-ZB-001'));
    const materials = await screen.findByTestId('catalogue-detail-materials');
    expect(materials.textContent).toMatch(/本人银行卡（存折）复印件/);
    expect(screen.getByTestId('catalogue-detail').textContent).toMatch(/15 个工作日/);

    fireEvent.click(screen.getByTestId('catalogue-edit'));
    const notes = await screen.findByTestId('catalogue-form-notes');
    fireEvent.change(notes, { target: { value: '每月 5 日前集中转报县民政局' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('catalogue-form-ok'));
    });
    await waitFor(async () => expect((await station.api['catalogue.get']({ code: 'ZB-001' })).notes).toBe('每月 5 日前集中转报县民政局'));
    const saved = await station.api['catalogue.get']({ code: 'ZB-001' });
    // the form sent the time limit and materials back unchanged, so only the note differs
    expect(saved).toMatchObject({ version: 2, timeLimit: { unit: 'workdays', value: 15 }, materials: (await station.api['catalogue.get']({ code: 'ZB-001', version: 1 })).materials });
    await waitFor(() => expect(screen.getByTestId('catalogue-version').textContent).toMatch(/第 2 版，本站修订/));
  });

  it('shows a clerk the list without edit buttons', async () => {
    await act(() => useApp.getState().signIn(CLERK.login, CLERK.password));
    wrap(<CataloguePanel />);
    const table = await screen.findByTestId('catalogue-table');
    await waitFor(() => expect(within(table).getByTestId('catalogue-row-BJ-001')).toBeTruthy());
    expect(screen.queryByTestId('catalogue-add')).toBeNull();
    expect(screen.getByText(/服务清单由站长或管理员维护/)).toBeTruthy();
    fireEvent.click(within(table).getByTestId('catalogue-row-BJ-001'));
    await screen.findByTestId('catalogue-detail');
    expect(screen.queryByTestId('catalogue-edit')).toBeNull();
    expect(screen.queryByTestId('catalogue-retire')).toBeNull();
  });
});
