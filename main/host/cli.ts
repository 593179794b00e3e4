/**
 * Browser-mode entry: `node dist/main/host.js [--port N] [--data-dir DIR] [--open]`.
 * Prints the URL (with its token) and serves until stopped.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Conf from 'conf';
import { createStation, StartupError } from '../station';
import { resolveDataDir } from '../paths';
import { startHost } from './server';
import { findBrowser, openInAppMode } from './browser';
import type { KeyValueStore } from '../settings-store';

declare const __APP_VERSION__: string;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.STATIONDESK_PORT ?? '0' },
      'data-dir': { type: 'string' },
      open: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`端口号无效：${values.port}`);
    process.exit(2);
  }
  const env = values['data-dir'] ? { ...process.env, STATIONDESK_DATA_DIR: values['data-dir'] } : process.env;
  const dataDir = resolveDataDir({ platform: process.platform, env, home: os.homedir() });
  // conf is what electron-store is built on: the same config.json either way.
  const store: KeyValueStore = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'config', projectName: 'stationdesk' });
  const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../renderer');

  let station;
  try {
    station = await createStation({ dataDir, transport: 'browser', store, version: __APP_VERSION__ });
  } catch (err) {
    if (err instanceof StartupError) {
      console.error(`StationDesk 无法启动：${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const host = await startHost({ api: station.api, staticDir, port });
  console.log(`StationDesk 浏览器模式已启动（数据目录：${dataDir}）`);
  console.log(`请在浏览器中打开：${host.launchUrl}`);
  console.log(`STATIONDESK_URL=${host.launchUrl}`);
  // Off the start-up path: the first receipt of the day should not wait for font parsing.
  setTimeout(() => station.warmUp(), 2000).unref();

  if (values.open) {
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

void main();
