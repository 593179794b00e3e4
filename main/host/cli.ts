/**
 * Browser-mode entry: `node dist/main/host.js [--port N] [--data-dir DIR] [--open] [--print-token]`.
 * Opens the browser with a one-time launch code, or prints a launch URL for the operator to
 * open; the session itself is never printed (docs/browser-mode.md). `--help` prints the usage.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStation, StartupError } from '../station';
import { resolveDataDir } from '../paths';
import { startHost } from './server';
import { startRememberedLobbyHost, type LobbyHost } from './lobby-host';
import { DEFAULT_LAUNCH_TTL_MS } from './session';
import { findBrowser, mayOpenBrowser, openInAppMode } from './browser';
import { parseCliArgs, USAGE } from './cli-args';
import { jsonFileStore } from './json-store';
import { errorText } from '../log';

declare const __APP_VERSION__: string;

async function main(): Promise<void> {
  // what this process and the browser it opens write under the data folder is the OS user's alone
  if (process.platform !== 'win32') process.umask(0o077);
  const args = parseCliArgs(process.argv.slice(2), process.env);
  if (args.kind === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (args.kind === 'error') {
    process.stderr.write(`${args.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const env = args.dataDir ? { ...process.env, STATIONDESK_DATA_DIR: args.dataDir } : process.env;
  const dataDir = resolveDataDir({ platform: process.platform, env, home: os.homedir() });
  const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../renderer');

  let station;
  const store = jsonFileStore(dataDir);
  // the hall screen's own host, on a port kept between starts (this host's port is new each time)
  let lobbyHost: LobbyHost | null = null;
  try {
    station = await createStation({ dataDir, transport: 'browser', store, version: __APP_VERSION__, lobbyOrigin: () => lobbyHost?.origin ?? null });
  } catch (err) {
    if (err instanceof StartupError) {
      console.error(`StationDesk 无法启动：${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const host = await startHost({ station, staticDir, port: args.port, scriptToken: args.printToken, lobby: station.lobby });
  lobbyHost = await startRememberedLobbyHost(store, { lobby: station.lobby, staticDir });
  console.log(`StationDesk 浏览器模式已启动（数据目录：${dataDir}）`);
  // Off the start-up path: the first receipt of the day should not wait for font parsing.
  setTimeout(() => station.warmUp(), 2000).unref();

  const browser = args.open ? findBrowser() : null;
  if (args.open && !mayOpenBrowser()) {
    console.log('正以 root 身份运行：浏览器须关闭沙箱才能以 root 运行，因此不自动打开。请以普通用户运行 StationDesk，或在普通用户的浏览器中打开下面的地址。');
  } else if (args.open && !browser) {
    console.log('未找到 Chromium 内核浏览器（Edge、Chrome、Chromium），请手动打开下面的地址。');
  }
  const opens = browser !== null && mayOpenBrowser();
  const profileDir = path.join(dataDir, 'browser-profile');
  /** Each launch is a fresh one-time code: the window (or whoever opens the printed URL) becomes the counter. */
  const launch = (first: boolean) => {
    const launchUrl = first ? host.launchUrl : host.newLaunchUrl();
    if (opens) {
      openInAppMode(browser, launchUrl, profileDir);
      console.log(`已在浏览器中打开：${host.url}`);
    } else {
      console.log(`请在浏览器中打开（一次性地址，${Math.round(DEFAULT_LAUNCH_TTL_MS / 60_000)} 分钟内有效，只能使用一次）：${launchUrl}`);
      console.log(`STATIONDESK_URL=${launchUrl}`);
    }
  };
  launch(true);
  // Closing the window ends its session; whoever sits at this console may open a new one.
  if (process.stdin.isTTY) {
    console.log(opens ? '关闭窗口后如需重新打开，请在此按回车键。' : '如需新的一次性地址，请在此按回车键。');
    process.stdin.on('data', () => launch(false));
  }
  if (host.token) console.log(`STATIONDESK_TOKEN=${host.token}`);

  const stop = () => {
    void Promise.all([host.close(), lobbyHost?.close()]).then(() => {
      station.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  // an unexpected failure still ends in words, not a stack trace on the clerk's console
  console.error(`StationDesk 无法启动：${errorText(err)}`);
  process.exit(1);
});
