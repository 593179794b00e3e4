// @vitest-environment jsdom
/**
 * 微心愿 → 设置 → 大厅显示屏 against a real station: in browser mode the head makes a link on
 * the host's address; in the desktop window, which has no address a TV could open, the card
 * says so and offers no link that could not work, while links made before can still be stopped.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SettingsTab } from '../../renderer/src/features/wishes/SettingsTab';
import { useApp, type AppInfo } from '../../renderer/src/stores/app';
import { ADMIN, setUpStation } from '../helpers/station';
import { stubBrowser, bridgeTo } from '../helpers/jsdom';

let station: Awaited<ReturnType<typeof setUpStation>>;

beforeAll(async () => {
  stubBrowser();
  station = await setUpStation();
  bridgeTo(station.calls);
});

afterAll(() => station.close());
afterEach(cleanup);

async function showAs(transport: AppInfo['transport']) {
  const info = await station.client['app.info']({});
  useApp.setState({ info: { ...info, transport }, session: { staff: { role: 'admin', name: ADMIN.name } } as never });
  render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <SettingsTab />
      </AntApp>
    </ConfigProvider>,
  );
}

describe('大厅显示屏 card', () => {
  it('makes a link on the host’s address in browser mode', async () => {
    await showAs('browser');
    expect(screen.queryByTestId('wish-lobby-desktop')).toBeNull();
    fireEvent.click(await screen.findByTestId('wish-lobby-create'));
    expect((await screen.findByTestId('wish-lobby-url')).textContent).toMatch(new RegExp(`^${window.location.origin}/lobby/`));
    await waitFor(() => expect(screen.getByTestId('wish-lobby').textContent).toMatch(/大厅电视.*停\s?用/));
  });

  it('says in the desktop window that the link is made in browser mode, and still lists the links to stop', async () => {
    await showAs('electron');
    expect((await screen.findByTestId('wish-lobby-desktop')).textContent).toContain('桌面窗口模式下不能生成大厅屏链接');
    expect(screen.queryByTestId('wish-lobby-create')).toBeNull();
    // the link made in the first test is listed with its 停用
    await waitFor(() => expect(screen.getByTestId('wish-lobby').textContent).toContain('大厅电视'));
    expect(screen.getByRole('button', { name: '停 用' })).toBeTruthy();
  });
});
