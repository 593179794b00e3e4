import path from 'node:path';

export const APP_FOLDER = 'StationDesk';

/**
 * Where the station's data lives. STATIONDESK_DATA_DIR wins (tests, portable installs);
 * under Electron its userData folder; otherwise the same per-OS folder Electron would pick,
 * so browser mode and the desktop app share one database.
 */
export function resolveDataDir(opts: { platform: NodeJS.Platform; env: NodeJS.ProcessEnv; home: string; electronUserData?: string }): string {
  const override = opts.env.STATIONDESK_DATA_DIR?.trim();
  if (override) return path.resolve(override);
  if (opts.electronUserData) return opts.electronUserData;
  const p = opts.platform === 'win32' ? path.win32 : path.posix;
  switch (opts.platform) {
    case 'win32':
      return p.join(opts.env.APPDATA || p.join(opts.home, 'AppData', 'Roaming'), APP_FOLDER);
    case 'darwin':
      return p.join(opts.home, 'Library', 'Application Support', APP_FOLDER);
    default:
      return p.join(opts.env.XDG_CONFIG_HOME || p.join(opts.home, '.config'), APP_FOLDER);
  }
}

export const DB_FILE = 'stationdesk.db';
