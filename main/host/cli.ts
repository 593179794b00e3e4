/**
 * Browser-mode entry: `node dist/main/host.js [--port N] [--data-dir DIR] [--open]`.
 * Prints the URL (with its token) and serves until stopped; `--help` prints the usage.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStation, StartupError } from '../station';
import { resolveDataDir } from '../paths';
import { startHost } from './server';
import { findBrowser, openInAppMode } from './browser';
import { parseCliArgs, USAGE } from './cli-args';
import { jsonFileStore } from './json-store';
import { errorText } from '../log';

declare const __APP_VERSION__: string;

async function main(): Promise<void> {
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
  try {
    station = await createStation({ dataDir, transport: 'browser', store: jsonFileStore(dataDir), version: __APP_VERSION__ });
  } catch (err) {
    if (err instanceof StartupError) {
      console.error(`StationDesk 无法启动：${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const host = await startHost({ station, staticDir, port: args.port, lobby: station.lobby });
  console.log(`StationDesk 浏览器模式已启动（数据目录：${dataDir}）`);
  console.log(`请在浏览器中打开：${host.launchUrl}`);
  console.log(`STATIONDESK_URL=${host.launchUrl}`);
  // Off the start-up path: the first receipt of the day should not wait for font parsing.
  setTimeout(() => station.warmUp(), 2000).unref();

  if (args.open) {
    const browser = findBrowser();
    if (browser) openInAppMode(browser, host.launchUrl, path.join(dataDir, 'browser-profile'));
    else console.log('未找到 Chromium 内核浏览器（Edge、Chrome、Chromium），请手动打开上面的地址。');
  }

  const stop = () => {
    void host.close().then(() => {
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
