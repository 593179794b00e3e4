// @vitest-environment jsdom
/**
 * The hall screen against a real station behind the real browser-mode host on 127.0.0.1,
 * with its own lobby token: the wall it shows, a new wish there after the next minute's
 * read, the last wall kept (and said so) while the station does not answer, the station's
 * clock rather than the screen's, and full screen on a click.
 */
import fs from 'node:fs';
import path from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHost, type Host } from '../../main/host/server';
import { LobbyScreen } from '../../renderer/src/lobby/LobbyScreen';
import { manualClock, setUpStation, tempDir } from '../helpers/station';

let s: Awaited<ReturnType<typeof setUpStation>>;
let host: Host;
let residentId = '';
let down = false;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  const staticDir = tempDir('sd-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>StationDesk</title>');
  // Friday 27 Nov 2026, 09:00 at the station, whatever day this runs
  s = await setUpStation({ clock: manualClock('2026-11-27T01:00:00.000Z') });
  host = await startHost({ station: s.calls, staticDir, lobby: s.calls.lobby, scriptToken: true });
  residentId = (await s.client['residents.create']({ name: '张建华', idNumber: '11010519491231002X', phone: '13800138000', address: '建北街道中山东路 3 号院' })).id;
  await s.client['wishes.create']({ residentId, title: '一台轮椅', description: '家住三楼，行动不便', category: '助残', value: 480, source: '入户走访', deadline: '2026-12-31', publishNow: true });
  const { token } = await s.client['wishes.lobbyCreate']({ label: '一楼大厅电视' });
  window.history.replaceState(null, '', `/lobby/?t=${token}`);
  // the page's relative reads go to the host, as they would from its own address
  globalThis.fetch = ((input: string, init?: RequestInit) => (down ? Promise.reject(new TypeError('fetch failed')) : realFetch(new URL(input, host.url), init))) as typeof fetch;
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  await host.close();
  s.close();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('大厅屏', () => {
  it('shows the wall, takes a new wish at the next minute’s read, and keeps the last wall while the station is away', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    render(<LobbyScreen />);
    await waitFor(() => expect(screen.getAllByTestId('lobby-card')).toHaveLength(1));
    expect(screen.getByTestId('lobby-screen').textContent).toContain('受助居民：张*华');
    expect(screen.getByTestId('lobby-screen').textContent).not.toContain('张建华');
    // the station's day and time, not this machine's
    expect(screen.getByTestId('lobby-clock').textContent).toContain('2026年11月27日');

    await s.client['wishes.create']({ residentId, title: '助学文具一套', description: '', category: '助学', value: 120, source: '网格员收集', deadline: '2026-12-20', publishNow: true });
    await act(async () => void vi.advanceTimersByTime(60_000));
    await waitFor(() => expect(screen.getAllByTestId('lobby-card')).toHaveLength(2));

    down = true;
    await act(async () => void vi.advanceTimersByTime(60_000));
    await waitFor(() => expect(screen.getByTestId('lobby-updated').textContent).toMatch(/^暂时无法更新，显示的是 .+ 的内容$/));
    expect(screen.getAllByTestId('lobby-card')).toHaveLength(2);
    down = false;
  });

  it('goes full screen on a click of its button, which then hides', async () => {
    Object.defineProperty(document, 'fullscreenEnabled', { value: true, configurable: true });
    let fullElement: Element | null = null;
    Object.defineProperty(document, 'fullscreenElement', { get: () => fullElement, configurable: true });
    const request = vi.fn(() => {
      fullElement = document.documentElement;
      document.dispatchEvent(new Event('fullscreenchange'));
      return Promise.resolve();
    });
    document.documentElement.requestFullscreen = request;
    render(<LobbyScreen />);
    fireEvent.click(await screen.findByTestId('lobby-fullscreen'));
    expect(request).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.queryByTestId('lobby-fullscreen')).toBeNull());
  });
});
