import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../main/paths';

describe('data folder', () => {
  it('takes STATIONDESK_DATA_DIR over everything', () => {
    expect(resolveDataDir({ platform: 'linux', env: { STATIONDESK_DATA_DIR: '/srv/sd' }, home: '/home/a', electronUserData: '/e' })).toBe('/srv/sd');
  });
  it("uses Electron's userData folder when there is one", () => {
    expect(resolveDataDir({ platform: 'linux', env: {}, home: '/home/a', electronUserData: '/home/a/.config/StationDesk' })).toBe('/home/a/.config/StationDesk');
  });
  it('picks the folder Electron would pick on each OS, so both modes share one database', () => {
    expect(resolveDataDir({ platform: 'linux', env: {}, home: '/home/a' })).toBe('/home/a/.config/StationDesk');
    expect(resolveDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x' }, home: '/home/a' })).toBe('/x/StationDesk');
    expect(resolveDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, home: 'C:\\Users\\a' })).toBe('C:\\Users\\a\\AppData\\Roaming\\StationDesk');
    expect(resolveDataDir({ platform: 'darwin', env: {}, home: '/Users/a' })).toBe('/Users/a/Library/Application Support/StationDesk');
  });
});
