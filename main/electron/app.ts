/**
 * The Electron app (bundled into dist/main/index.js through main/index.ts). Thin: everything that is not Electron
 * lives in createStation and works the same in browser mode.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, type BrowserWindow } from 'electron';
import ElectronStore from 'electron-store';
import { createStation, StartupError } from '../station';
import { resolveDataDir } from '../paths';
import { errorText, log } from '../log';
import { registerAppProtocol, registerAppScheme } from './protocol';
import { registerIpc } from './ipc';
import { createMainWindow, installMenu } from './window';
import { startRememberedLobbyHost, type LobbyHost } from '../host/lobby-host';

// Everything is bundled into this one file, so its own location anchors the other build outputs.
const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PRELOAD_PATH = path.join(distDir, 'preload', 'index.cjs');
const RENDERER_DIR = path.join(distDir, 'renderer');

app.setName('StationDesk');
registerAppScheme();
// Whatever this process or Chromium writes under the data folder (which is also userData) is the OS user's alone.
if (process.platform !== 'win32') process.umask(0o077);

const dataDir = resolveDataDir({
  platform: process.platform,
  env: process.env,
  home: app.getPath('home'),
  electronUserData: app.getPath('userData'),
});
// The single-instance lock lives in userData: pointing it at the data folder makes the lock
// guard the database itself, so two stations with different STATIONDESK_DATA_DIR may coexist.
app.setPath('userData', dataDir);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  let window: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });

  await app.whenReady();

  let station: Awaited<ReturnType<typeof createStation>>;
  let settings: ElectronStore;
  // the hall screen's own loopback host (the window itself has no address a browser could open)
  let lobbyHost: LobbyHost | null = null;
  // Packaged: resources sit outside app.asar (electron-builder.yml extraResources).
  const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : undefined;
  try {
    settings = new ElectronStore({ cwd: dataDir, name: 'config', configFileMode: 0o600 });
    station = await createStation({ dataDir, transport: 'electron', store: settings, version: app.getVersion(), resourcesDir, lobbyOrigin: () => lobbyHost?.origin ?? null });
  } catch (err) {
    log.error('startup failed', { error: errorText(err) });
    const message = err instanceof StartupError ? err.message : `启动时发生意外错误，请联系管理员。\n数据目录：${dataDir}`;
    dialog.showErrorBox('StationDesk 无法启动', message);
    app.exit(1);
    return;
  }

  let closed = false;
  app.on('will-quit', () => {
    if (closed) return;
    closed = true;
    void lobbyHost?.close();
    station.close();
  });
  // Quit on every platform, macOS included: a counter PC has no use for a windowless app.
  app.on('window-all-closed', () => app.quit());

  lobbyHost = await startRememberedLobbyHost(settings, { lobby: station.lobby, staticDir: RENDERER_DIR, fontsDir: resourcesDir ? path.join(resourcesDir, 'fonts') : undefined });

  registerAppProtocol(RENDERER_DIR);
  registerIpc(station, () => (window && !window.isDestroyed() ? window.webContents.mainFrame : null));
  installMenu();
  window = createMainWindow({ preloadPath: PRELOAD_PATH, lobbyOrigin: lobbyHost?.origin ?? null });
  window.once('ready-to-show', () => setTimeout(() => station.warmUp(), 2000));
}
