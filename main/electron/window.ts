/**
 * The one window, locked down per Electron's security checklist: isolated, sandboxed,
 * no Node in the page, no devtools when packaged, no navigation away from our origin in any
 * frame, no pop-ups (the hall screen's link goes to the PC's browser), no permissions, no downloads but our own exports. The rules themselves
 * are plain functions in policy.ts.
 */
import { app, BrowserWindow, dialog, Menu, shell, type Session } from 'electron';
import { APP_ORIGIN, isAllowedNavigation } from '../security';
import { isAllowedDownload, isAllowedFrameNavigation, lobbyLinkToOpen, windowPreferences } from './policy';
import { log } from '../log';

export const WINDOW_TITLE = 'StationDesk 综合服务站窗口系统';

export interface MainWindowOptions {
  /** absolute path of the built preload (dist/preload/index.cjs) */
  preloadPath: string;
  /** the hall screen's host (main/host/lobby-host.ts), whose /lobby/ links open in the PC's browser */
  lobbyOrigin: string | null;
}

/** The page needs no camera, notifications, geolocation or the like; asking is a sign of trouble. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Downloads other than our page's own blob: exports are cancelled before any file is written. */
export function denyForeignDownloads(session: Session): void {
  session.on('will-download', (event, item) => {
    if (isAllowedDownload(item.getURL())) return;
    log.warn('download refused');
    event.preventDefault();
  });
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1366,
    height: 860,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: windowPreferences({ preloadPath: opts.preloadPath, packaged: app.isPackaged }),
  });

  denyAllPermissions(win.webContents.session);
  denyForeignDownloads(win.webContents.session);
  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  // every frame, subframes included (will-navigate sees the main frame only)
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedFrameNavigation(event.url, event.isMainFrame)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // the hall screen goes to the PC's own browser, to be dragged onto the second monitor
    const lobbyLink = lobbyLinkToOpen(url, opts.lobbyOrigin);
    if (lobbyLink) void shell.openExternal(lobbyLink);
    return { action: 'deny' };
  });
  // The page sets its own <title> per screen; keep the product name in the taskbar instead.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());

  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/**
 * No default menu: its reload and devtools entries have no place at a counter. macOS keeps
 * the edit roles, without which copy and paste stop working there.
 */
export function installMenu(): void {
  const about: Electron.MenuItemConstructorOptions = {
    label: '关于 StationDesk',
    click: () => {
      void dialog.showMessageBox({
        type: 'info',
        title: '关于',
        message: WINDOW_TITLE,
        detail: `版本 ${app.getVersion()}`,
      });
    },
  };
  const template: Electron.MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }, { role: 'editMenu' as const }] : []),
    { label: '帮助', submenu: [about] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
