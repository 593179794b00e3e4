// @vitest-environment jsdom
/**
 * 微心愿 → 设置 → 大厅显示屏 against a real station: in browser mode the head makes a link on
 * the host's address; in the desktop window, which has no address of its own, on the hall
 * screen's host that app.info names; when that host did not start, the card says so and offers
 * no link that could not work, while links made before can still be stopped.
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

async function showAs(transport: AppInfo['transport'], lobbyOrigin: string | null = null) {
  const info = await station.client['app.info']({});
  useApp.setState({ info: { ...info, transport, lobbyOrigin }, session: { staff: { role: 'admin', name: ADMIN.name } } as never });
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
    expect(screen.queryByTestId('wish-lobby-unavailable')).toBeNull();
    fireEvent.click(await screen.findByTestId('wish-lobby-create'));
    expect((await screen.findByTestId('wish-lobby-url')).textContent).toMatch(new RegExp(`^${window.location.origin}/lobby/`));
    await waitFor(() => expect(screen.getByTestId('wish-lobby').textContent).toMatch(/大厅电视.*停\s?用/));
  });

  it('makes the link on the lobby host’s address in the desktop window, which has none of its own', async () => {
    await showAs('electron', 'http://127.0.0.1:17890');
    fireEvent.change(await screen.findByTestId('wish-lobby-label'), { target: { value: '二楼显示屏' } });
    fireEvent.click(screen.getByTestId('wish-lobby-create'));
    const url = (await screen.findByTestId('wish-lobby-url')).textContent!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:17890\/lobby\/\?t=lobby_[A-Za-z0-9_-]{43}$/);
    expect(url).not.toContain(window.location.origin);
    expect(screen.getByTestId('wish-lobby-open').getAttribute('href')).toBe(url);
    expect(screen.getByTestId('wish-lobby').textContent).toContain('此地址只能在本机打开');
    await waitFor(() => expect(screen.getByTestId('wish-lobby').textContent).toContain('二楼显示屏'));
  });

  it('says so when the desktop window’s lobby host did not start, and still lists the links to stop', async () => {
    await showAs('electron', null);
    expect((await screen.findByTestId('wish-lobby-unavailable')).textContent).toContain('大厅屏服务本次未能启动');
    expect(screen.queryByTestId('wish-lobby-create')).toBeNull();
    // the links made in the tests before are listed with their 停用
    await waitFor(() => expect(screen.getByTestId('wish-lobby').textContent).toContain('大厅电视'));
    expect(screen.getAllByRole('button', { name: '停 用' }).length).toBeGreaterThanOrEqual(2);
  });
});
